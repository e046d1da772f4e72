import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  acceptsGzip,
  gzipCopyFor,
  MIN_BYTES,
  writeGzipCopies,
} from '../../scripts/precompressed.ts';

let dir: string;
const text = (n: number) => '{"sentence":"The GCM is not legally binding."}'.repeat(n);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'precompressed-'));
  mkdirSync(join(dir, 'assets'));
  mkdirSync(join(dir, 'corpus', 'documents'), { recursive: true });
  writeFileSync(join(dir, 'assets', 'index-abc.js'), text(100));
  writeFileSync(join(dir, 'assets', 'index-abc.css'), text(50));
  writeFileSync(join(dir, 'corpus', 'documents', 'one.json'), text(200));
  writeFileSync(join(dir, 'favicon.svg'), '<svg/>');
  writeFileSync(join(dir, 'index.html'), text(100));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('compressed copies of the build', () => {
  it('writes a gzip copy of every script, stylesheet and data file that decodes to it', () => {
    const written = writeGzipCopies(dir);
    expect(written).toEqual([
      join('assets', 'index-abc.css'),
      join('assets', 'index-abc.js'),
      join('corpus', 'documents', 'one.json'),
    ]);
    for (const file of written) {
      const original = readFileSync(join(dir, file));
      const copy = readFileSync(join(dir, `${file}.gz`));
      expect(copy.length).toBeLessThan(original.length / 10);
      expect(gunzipSync(copy).equals(original)).toBe(true);
    }
  });

  it(`leaves out the page itself and files under ${MIN_BYTES} bytes`, () => {
    writeGzipCopies(dir);
    expect(() => readFileSync(join(dir, 'index.html.gz'))).toThrow(/ENOENT/);
    expect(() => readFileSync(join(dir, 'favicon.svg.gz'))).toThrow(/ENOENT/);
  });

  it('writes the same bytes each time, and leaves no temporary file behind', () => {
    writeGzipCopies(dir);
    const first = readFileSync(join(dir, 'assets', 'index-abc.js.gz'));
    writeGzipCopies(dir);
    expect(readFileSync(join(dir, 'assets', 'index-abc.js.gz')).equals(first)).toBe(true);
    const files = readdirSync(dir, { recursive: true }).map(String);
    expect(files.filter((f) => f.endsWith('.gz'))).toHaveLength(3);
    expect(files.filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('sends a copy for the file a request names, with its type', () => {
    writeGzipCopies(dir);
    expect(gzipCopyFor(dir, '/corpus/documents/one.json?x=1')).toEqual({
      path: join(dir, 'corpus', 'documents', 'one.json.gz'),
      type: 'application/json',
    });
    expect(gzipCopyFor(dir, '/assets/index-abc.js')?.type).toBe('text/javascript');
    expect(gzipCopyFor(dir, '/assets/index-abc.css')?.type).toBe('text/css');
  });

  it('sends no copy that is older than its file, missing, or outside the build', () => {
    writeGzipCopies(dir);
    const file = join(dir, 'assets', 'index-abc.js');
    writeFileSync(file, text(101));
    const later = new Date(Date.now() + 5_000);
    utimesSync(file, later, later);
    expect(gzipCopyFor(dir, '/assets/index-abc.js')).toBeNull();
    expect(gzipCopyFor(dir, '/favicon.svg')).toBeNull();
    expect(gzipCopyFor(dir, '/index.html')).toBeNull();
    expect(gzipCopyFor(dir, '/missing.json')).toBeNull();
    // Dot segments are resolved as a URL is: "/../x" is "/x", inside the build.
    expect(gzipCopyFor(dir, '/../corpus/documents/one.json')?.type).toBe('application/json');
    expect(gzipCopyFor(dir, '/%2e%2e/%2e%2e/etc/passwd.json')).toBeNull();
    // Encoded slashes are not URL segments: decoded, they would lead out of the folder served
    // (here `assets/`) to a file that has a copy.
    const assets = join(dir, 'assets');
    expect(gzipCopyFor(dir, '/corpus%2Fdocuments%2Fone.json')?.type).toBe('application/json');
    expect(gzipCopyFor(assets, '/..%2Fcorpus%2Fdocuments%2Fone.json')).toBeNull();
    expect(gzipCopyFor(dir, '/%E0%A4%A.json')).toBeNull();
  });

  it('reads whether a browser takes gzip from its Accept-Encoding', () => {
    expect(acceptsGzip('gzip, deflate, br, zstd')).toBe(true);
    expect(acceptsGzip('br;q=1.0, gzip;q=0.8')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('br')).toBe(false);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});
