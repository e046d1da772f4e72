import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { emptySelection, type Selection } from '../../src/lib/data/queries.ts';
import type { ChartId } from '../../src/lib/charts/registry.ts';
import type { Scheme } from '../../src/lib/charts/palette.ts';
import type { ExportInput } from '../../src/lib/export/types.ts';
import { codebook, doc } from '../helpers/dataset.ts';
import { contextData } from '../helpers/context.ts';

/**
 * SVG snapshots of the exported charts, in the manner of Observable Plot's: each export is
 * normalised (numbers rounded to 2 decimals, ids renumbered) and compared with the committed
 * file here. A missing file is written; `UPDATE_SNAPSHOTS=1` rewrites them all; a mismatch
 * writes `<name>-changed.svg` beside the file (gitignored) and fails.
 */

export const snapshotDir = dirname(fileURLToPath(import.meta.url));

export interface SnapshotCase {
  name: string;
  input: ExportInput;
}

const CHARTS: ChartId[] = [
  'theme-overview',
  'topic-timeline',
  'attribution',
  'cooccurrence',
  'process-timeline',
  'outcome-map',
];
/** The charts that also draw the GCM context and the outcome map. */
const NEEDS_CONTEXT: ChartId[] = ['process-timeline', 'outcome-map'];
const SELECTIONS: [string, Selection][] = [
  ['none', { ...emptySelection }],
  ['readmission', { ...emptySelection, themes: ['readmission'] }],
];
const SCHEMES: Scheme[] = ['light', 'dark'];

const input = (chart: ChartId, selection: Selection, scheme: Scheme, width: number) => ({
  chart,
  doc,
  codebook,
  scheme,
  selection,
  width,
  ...(NEEDS_CONTEXT.includes(chart) ? { context: contextData } : {}),
});

/** Every chart x (no selection, readmission) x (light, dark) at 800 px, and each chart's
 * narrow layout (360 px), where the charts rearrange their labels. */
export const SNAPSHOT_CASES: SnapshotCase[] = [
  ...CHARTS.flatMap((chart) =>
    SELECTIONS.flatMap(([selectionName, selection]) =>
      SCHEMES.map((scheme) => ({
        name: `${chart}-${selectionName}-${scheme}`,
        input: input(chart, selection, scheme, 800),
      })),
    ),
  ),
  ...CHARTS.map((chart) => ({
    name: `${chart}-readmission-light-360`,
    input: input(chart, SELECTIONS[1][1], 'light', 360),
  })),
];

const round = (token: string) => {
  const value = Math.round(Number(token) * 100) / 100;
  return String(Object.is(value, -0) ? 0 : value);
};

/** Numbers in attribute values rounded to 2 decimals, ids renumbered in document order. */
export function normaliseSvg(svg: string): string {
  const ids = new Map<string, string>();
  for (const m of svg.matchAll(/\sid="([^"]+)"/g)) ids.set(m[1], `id${ids.size + 1}`);
  // The XML declaration's version="1.0" is not a number to round.
  const start = svg.startsWith('<?xml') ? svg.indexOf('?>') + 2 : 0;
  return (
    svg.slice(0, start) +
    svg.slice(start).replace(/(\s[\w:-]+=")([^"]*)"/g, (_, head: string, value: string) => {
      let out = value.replace(/-?(?:\d*\.\d+(?:e[+-]?\d+)?|\d+e[+-]\d+)/gi, round);
      if (head.trim() === 'id=' && ids.has(out)) out = ids.get(out)!;
      else if (/aria-(labelledby|describedby)=/.test(head))
        out = out
          .split(' ')
          .map((id) => ids.get(id) ?? id)
          .join(' ');
      out = out.replace(/#([\w-]+)/g, (whole, id: string) =>
        ids.has(id) ? `#${ids.get(id)}` : whole,
      );
      return `${head}${out}"`;
    })
  );
}

/** What makes an exported file not standalone, not valid or not accessible; [] when none. */
export function svgProblems(svg: string): string[] {
  const problems: string[] = [];
  const { window } = new JSDOM('');
  const parsed = new window.DOMParser().parseFromString(svg, 'image/svg+xml');
  if (parsed.getElementsByTagName('parsererror').length) problems.push('not well-formed XML');
  const root = parsed.documentElement;
  if (root.localName !== 'svg' || root.namespaceURI !== 'http://www.w3.org/2000/svg')
    problems.push('the root is not an SVG element');
  for (const attr of ['viewBox', 'width', 'height']) {
    if (!root.hasAttribute(attr)) problems.push(`no ${attr}`);
  }
  if (root.getAttribute('role') !== 'img') problems.push('no role="img"');
  const children = [...root.children];
  if (children[0]?.localName !== 'title' || !children[0].textContent?.trim())
    problems.push('no <title> first');
  if (children[1]?.localName !== 'desc' || !children[1].textContent?.trim())
    problems.push('no <desc> second');
  const background = children[2];
  if (
    background?.localName !== 'rect' ||
    background.getAttribute('width') !== root.getAttribute('width') ||
    background.getAttribute('height') !== root.getAttribute('height') ||
    !/^#[0-9a-f]{6}$/.test(background.getAttribute('fill') ?? '')
  )
    problems.push('no background rectangle covering the file');
  const forbidden: [RegExp, string][] = [
    [/href\s*=\s*"(?!#)/i, 'a link to outside the file'],
    [/url\(\s*['"]?(?!#)/i, 'a url() to outside the file'],
    [/<script/i, 'a script'],
    [/<style/i, 'a style sheet'],
    [/foreignObject/i, 'a foreignObject'],
    [/currentColor/i, 'currentColor'],
    [/var\(--/i, 'a CSS variable'],
    [/@import|@font-face/i, 'CSS imports or web fonts'],
    [/\sstyle=/i, 'a style attribute'],
    [/\sclass=/i, 'a class (its CSS is not in the file)'],
    [/<!--/, 'a comment'],
  ];
  for (const [pattern, what] of forbidden) if (pattern.test(svg)) problems.push(`has ${what}`);
  window.close();
  return problems;
}

export type SnapshotResult = 'same' | 'written' | 'changed';

/** Compares `svg` with the committed snapshot `name`; see the module comment. */
export function matchSnapshot(name: string, svg: string): SnapshotResult {
  const path = join(snapshotDir, `${name}.svg`);
  const changed = join(snapshotDir, `${name}-changed.svg`);
  if (!existsSync(path) || process.env.UPDATE_SNAPSHOTS === '1') {
    writeFileSync(path, svg);
    rmSync(changed, { force: true });
    return 'written';
  }
  if (readFileSync(path, 'utf8') === svg) {
    rmSync(changed, { force: true });
    return 'same';
  }
  writeFileSync(changed, svg);
  return 'changed';
}

export function readSnapshot(name: string): string {
  const path = join(snapshotDir, `${name}.svg`);
  if (!existsSync(path)) {
    throw new Error(`No snapshot ${name}.svg: run \`npx vitest run --project unit\` to write it.`);
  }
  return readFileSync(path, 'utf8');
}
