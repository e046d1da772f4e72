import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { palettes } from '../../src/lib/charts/palette.ts';
import { textWidth } from '../../src/lib/export/standalone.ts';
import { createExporter, type Exporter } from '../../src/lib/export/node.ts';
import { byDocument } from '../../src/lib/charts/timeline/by-document.ts';
import type { ChartId } from '../../src/lib/charts/registry.ts';
import { mergeDocuments } from '../../src/lib/data/corpus.ts';
import { emptySelection } from '../../src/lib/data/queries.ts';
import { corpusFromSeeds } from '../../src/pipeline/io.ts';
import { projectRoot } from './support.ts';
import {
  SNAPSHOT_CASES,
  matchSnapshot,
  normaliseSvg,
  snapshotDir,
  svgProblems,
} from '../svg/snapshot.ts';

/** Every exported chart, rendered in Node through `npm run export`'s code, against tests/svg. */

let exporter: Exporter;
const outputs = new Map<string, string>();

beforeAll(async () => {
  exporter = await createExporter();
  for (const c of SNAPSHOT_CASES) outputs.set(c.name, exporter.render(c.input).svg);
}, 180_000);

afterAll(async () => {
  await exporter?.close();
});

const hasCommand = (command: string) =>
  spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
/** Fails, naming the Debian package to install, when `command` is not on the PATH. */
function requireCommand(command: string, debianPackage: string): void {
  if (!hasCommand(command)) {
    throw new Error(
      `${command} is missing: install ${debianPackage} (apt-get install -y ${debianPackage}); CI does.`,
    );
  }
}

/** `statements` generated statements merged into one, and the input that exports `chart` of
 * them (light, nothing selected, 800 px wide). */
function corpusExport<C extends ChartId>(chart: C, statements: number) {
  const corpus = corpusFromSeeds(projectRoot, { statements, seed: 3 });
  const merged = mergeDocuments(corpus.documents);
  const input = {
    chart,
    doc: merged,
    codebook: corpus.codebook,
    scheme: 'light' as const,
    selection: emptySelection,
    width: 800,
  };
  return { merged, input };
}

describe('an exported timeline of a corpus drawn by document', () => {
  it('keeps the drawing the app showed: a mark per document and theme, its legend and axis', () => {
    const { merged, input } = corpusExport('topic-timeline', 10);
    const svg = exporter.render({ ...input, byDocument }).svg;
    expect(svgProblems(svg)).toEqual([]);
    expect(svg).toContain('Mark colour: the modality most of its sentences take');
    expect(svg).toContain('Words into the documents →');
    expect(svg).toContain(`${merged.parts.length} documents`);
    // The marks are the chart's only rectangles with rounded corners of 1.5.
    const marks = (file: string) => file.match(/rx="1\.5"/g)?.length ?? 0;
    expect(marks(svg)).toBe(merged.parts.reduce((n, p) => n + p.themes.length, 0));
    // Without it, every sentence, as the app draws when that code did not load.
    expect(marks(exporter.render(input).svg)).toBe(merged.counts.themeCodings);
  });
});

describe('an exported co-occurrence matrix of a large corpus', () => {
  it('makes each legend swatch as wide as its count, so no count runs onto the next', () => {
    const svg = exporter.render(corpusExport('cooccurrence', 100).input).svg;
    expect(svgProblems(svg)).toEqual([]);
    const file = new JSDOM(svg, { contentType: 'image/svg+xml' }).window.document;
    // The legend's swatches: groups of a square-cornered rect with a count on it.
    const swatches = [...file.querySelectorAll('g[transform]')].flatMap((g) => {
      const rect = g.querySelector(':scope > rect');
      const count = g.querySelector(':scope > text')?.textContent ?? '';
      if (!rect || !/^\d+$/.test(count)) return [];
      const x = Number(/translate\(([\d.]+)/.exec(g.getAttribute('transform')!)![1]);
      return [{ x, width: Number(rect.getAttribute('width')), count }];
    });
    expect(swatches.map((s) => s.count.length)).toContain(3);
    for (const [i, s] of swatches.entries()) {
      expect(s.width).toBeGreaterThanOrEqual(textWidth(s.count, 11) + 4);
      if (i > 0) expect(s.x).toBeGreaterThanOrEqual(swatches[i - 1].x + swatches[i - 1].width);
    }
  });
});

describe('an exported attribution diagram of a corpus', () => {
  it('keeps one line per actor, relation and target, with its number', () => {
    const { merged, input } = corpusExport('attribution', 10);
    const svg = exporter.render(input).svg;
    expect(svgProblems(svg)).toEqual([]);
    const numbers = [...svg.matchAll(/<text[^>]*text-anchor="middle"[^>]*>(\d+)<\/text>/g)].map(
      (m) => Number(m[1]),
    );
    expect(numbers.sort((a, b) => a - b)).toEqual(
      merged.bundles
        .map((b) => b.length)
        .filter((n) => n > 1)
        .sort((a, b) => a - b),
    );
  });
});

describe('an exported theme overview of a corpus', () => {
  it('is titled for statements, and its share of words is theirs', () => {
    const corpus = corpusFromSeeds(projectRoot, { statements: 3, seed: 3 });
    const input = {
      chart: 'theme-overview' as const,
      codebook: corpus.codebook,
      scheme: 'light' as const,
      selection: emptySelection,
      width: 800,
      measure: 'words' as const,
    };
    const all = exporter.render({ ...input, doc: mergeDocuments(corpus.documents) }).svg;
    expect(svgProblems(all)).toEqual([]);
    expect(all).toContain('<title id="export-title">What the statements are about</title>');
    expect(all).toContain("Share of the statements' words (%)");
    expect(all).toContain("Themes by share of the statements' words");
    const one = exporter.render({ ...input, doc: corpus.documents[0] }).svg;
    expect(one).toContain('<title id="export-title">What the statement is about</title>');
    expect(one).toContain("Share of the statement's words (%)");
  });
});

describe('exported SVG files', () => {
  it.each(SNAPSHOT_CASES.map((c) => c.name))('%s matches its snapshot in tests/svg', (name) => {
    const svg = normaliseSvg(outputs.get(name)!);
    const result = matchSnapshot(name, svg);
    expect(
      result,
      `tests/svg/${name}.svg changed: compare it with tests/svg/${name}-changed.svg, then ` +
        'rerun with UPDATE_SNAPSHOTS=1 if the change is intended',
    ).not.toBe('changed');
  });

  it.each(SNAPSHOT_CASES.map((c) => c.name))(
    '%s is well-formed, accessible and standalone',
    (name) => {
      expect(svgProblems(outputs.get(name)!)).toEqual([]);
    },
  );

  it('passes xmllint', () => {
    requireCommand('xmllint', 'libxml2-utils');
    const files = SNAPSHOT_CASES.map((c) => join(snapshotDir, `${c.name}.svg`));
    const result = spawnSync('xmllint', ['--noout', ...files], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 60_000);

  it('is already normalised: numbers have at most 2 decimals, so the file is the snapshot', () => {
    for (const c of SNAPSHOT_CASES) {
      const svg = outputs.get(c.name)!;
      expect(svg.match(/="[^"]*\d\.\d{3,}/)).toBeNull();
      expect(normaliseSvg(svg).replace(/\sid="[^"]*"|aria-labelledby="[^"]*"/g, '')).toBe(
        svg.replace(/\sid="[^"]*"|aria-labelledby="[^"]*"/g, ''),
      );
    }
  });

  it('carries the selection, the source and the scheme', () => {
    const light = outputs.get('attribution-readmission-light')!;
    const dark = outputs.get('attribution-readmission-dark')!;
    expect(light).toContain('Selected: Readmission &amp; return: 3 of 34 sentences');
    expect(outputs.get('attribution-none-light')).toContain('>No selection<');
    expect(light).toMatch(/sha256 [0-9a-f]{12}\); codebook v/);
    expect(light).toContain(`fill="${palettes.light.background}"`);
    expect(dark).toContain(`fill="${palettes.dark.background}"`);
    expect(dark).not.toContain(`fill="${palettes.light.background}"`);
  });

  it(
    'keeps every line of its own text inside the file, even in a wide fallback font',
    {
      timeout: 60_000,
    },
    () => {
      const { window } = new JSDOM('');
      for (const c of SNAPSHOT_CASES) {
        const root = new window.DOMParser().parseFromString(
          outputs.get(c.name)!,
          'image/svg+xml',
        ).documentElement;
        const width = Number(root.getAttribute('width'));
        // The composer's own lines: title, subtitle, legend and source (not the chart's).
        const texts = [...root.querySelectorAll(':scope > text, :scope > g > text')];
        expect(texts.length).toBeGreaterThan(3);
        for (const text of texts) {
          const shift = /translate\(([-\d.]+),/.exec(
            text.parentElement?.getAttribute('transform') ?? '',
          );
          const left = Number(text.getAttribute('x')) + Number(shift?.[1] ?? 0);
          const anchor = text.getAttribute('text-anchor');
          const size = Number(text.getAttribute('font-size'));
          const bold = text.getAttribute('font-weight') === 'bold';
          const estimate = textWidth(text.textContent ?? '', size, bold);
          const right = anchor === 'middle' ? left + estimate / 2 : left + estimate;
          expect(right, `${c.name}: "${text.textContent}"`).toBeLessThanOrEqual(width - 16);
        }
      }
      window.close();
    },
  );
});

describe('librsvg', () => {
  it('renders every snapshot without an error, at the size the file declares', () => {
    requireCommand('rsvg-convert', 'librsvg2-bin');
    const dir = mkdtempSync(join(tmpdir(), 'gcm-rsvg-'));
    try {
      for (const c of SNAPSHOT_CASES) {
        const file = join(snapshotDir, `${c.name}.svg`);
        const png = join(dir, `${c.name}.png`);
        const result = spawnSync('rsvg-convert', ['-o', png, file], { encoding: 'utf8' });
        expect(result.stderr, c.name).toBe('');
        expect(result.status, c.name).toBe(0);
        const header = readFileSync(png);
        const svg = readFileSync(file, 'utf8');
        const [, w, h] = /<svg[^>]* width="(\d+)" height="(\d+)"/.exec(svg)!;
        expect([header.readUInt32BE(16), header.readUInt32BE(20)], c.name).toEqual([+w, +h]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
