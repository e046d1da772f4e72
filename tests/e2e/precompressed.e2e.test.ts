/**
 * The production server sends the build's scripts and data from the compressed copies the build
 * wrote (scripts/precompressed.ts), with the headers every file gets: it does not compress a
 * corpus of 5.9 MB again on each request.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { get, request, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src/csp.ts';
import { e2eOutDir, startServer } from './browser.ts';
import { corpusPath } from './build.ts';

let server: { url: string; close: () => Promise<void> };
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.close());

function fetchRaw(path: string, acceptEncoding?: string) {
  return new Promise<{ response: IncomingMessage; body: Buffer }>((resolve, reject) => {
    const headers = acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : {};
    get(new URL(path, server.url), { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ response, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

const mainScript = () =>
  `assets/${readdirSync(join(e2eOutDir, 'assets')).find((f) => /^index-.*\.js$/.test(f))}`;

describe('compressed copies, as the server sends them', () => {
  it('sends the 100-statement corpus from its copy, with the policy and CORS headers', async () => {
    const path = corpusPath('corpus-100');
    const original = readFileSync(join(e2eOutDir, path));
    const { response, body } = await fetchRaw(path, 'gzip, deflate, br, zstd');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers['content-type']).toBe('application/json');
    expect(response.headers['content-security-policy']).toBe(contentSecurityPolicy);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(body.length).toBe(statSync(join(e2eOutDir, `${path}.gz`)).size);
    expect(body.length).toBeLessThan(original.length / 5);
    expect(gunzipSync(body).equals(original)).toBe(true);
  });

  it("sends the app's own scripts and its dataset from their copies", async () => {
    for (const path of [
      mainScript(),
      `assets/${readdirSync(join(e2eOutDir, 'assets')).find((f) => /^dataset-.*\.json$/.test(f))}`,
    ]) {
      const { response, body } = await fetchRaw(path, 'gzip');
      expect(response.headers['content-encoding'], path).toBe('gzip');
      expect(gunzipSync(body).equals(readFileSync(join(e2eOutDir, path))), path).toBe(true);
    }
  });

  it('sends the file as it is to a client that does not take gzip', async () => {
    const path = mainScript();
    const { response, body } = await fetchRaw(path);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(body.equals(readFileSync(join(e2eOutDir, path)))).toBe(true);
  });

  it('answers a HEAD request with the headers of the copy and no body', async () => {
    const path = corpusPath('corpus-100');
    const response = await new Promise<IncomingMessage>((resolve, reject) => {
      const req = request(new URL(path, server.url), {
        method: 'HEAD',
        headers: { 'Accept-Encoding': 'gzip' },
      });
      req.on('response', (res) => {
        res.resume();
        res.on('end', () => resolve(res));
      });
      req.on('error', reject);
      req.end();
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(Number(response.headers['content-length'])).toBe(
      statSync(join(e2eOutDir, `${path}.gz`)).size,
    );
  });
});
