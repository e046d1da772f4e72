import { VIEWS, type ChartId } from '../charts/registry.ts';
import type { Scheme } from '../charts/palette.ts';
import type { Measure } from '../charts/theme-overview/options.ts';
import type { Selection } from '../data/queries.ts';
import { ACTOR_IDS, RELATION_IDS, THEME_IDS } from '../data/types.ts';
import { selectionFromQuery } from '../state/url.ts';

/** What `npm run export` was asked for. Parsing is pure, so it is unit-tested. */
export interface ExportOptions {
  charts: ChartId[];
  selection: Selection;
  scheme: Scheme;
  width: number;
  measure: Measure;
  out: string;
  csv: boolean;
  help: boolean;
}

export const DEFAULT_WIDTH = 800;
export const MIN_WIDTH = 240;
export const MAX_WIDTH = 4000;

export const USAGE = `Usage: npm run export -- [chart ...] [options]

Writes each chart as a standalone SVG file (the same file the app's "Download SVG" gives for
the same state and width), and the coded sentences as CSV.

Charts (default: all): ${VIEWS.map((v) => `${v.embed} (${v.chart})`).join(', ')}

Options:
  --select KEY=VALUE   the selection, as in the app's URL; repeatable:
                       theme=readmission (theme=a,b or repeated: any of them; add match=all
                       for sentences with all of them), actor=western_states,
                       relation=caused, range=3-9, sentence=s12
  --scheme light|dark  colour scheme (default light)
  --width N            chart width in pixels (default ${DEFAULT_WIDTH})
  --measure sentences|words   what the theme overview's bars count (default sentences)
  --out DIR            output folder (default exports)
  --no-csv             skip exports/coded-sentences.csv
  --help               this text`;

const CHART_NAMES = new Map<string, ChartId>(
  VIEWS.flatMap((v) => [
    [v.chart, v.chart],
    [v.embed, v.chart],
  ]),
);

const SELECT_KEYS = ['theme', 'actor', 'relation', 'range', 'sentence', 'match'] as const;

function known(kind: string, value: string, list: readonly string[]): void {
  if (!list.includes(value)) {
    throw new Error(`Unknown ${kind} "${value}". Known: ${list.join(', ')}.`);
  }
}

/** Checks one --select value the way the URL reader would silently drop it. */
function checkSelect(key: string, value: string): void {
  switch (key) {
    case 'theme':
      for (const theme of value.split(',')) known('theme', theme, THEME_IDS);
      return;
    case 'actor':
      return known('actor', value, ACTOR_IDS);
    case 'relation':
      return known('relation', value, RELATION_IDS);
    case 'range':
      if (!/^\d+-\d+$/.test(value)) throw new Error(`--select range=${value}: write it as 3-9.`);
      return;
    case 'sentence':
      if (!/^s\d+$/.test(value)) throw new Error(`--select sentence=${value}: write it as s12.`);
      return;
    case 'match':
      return known('match', value, ['any', 'all']);
  }
}

export function parseExportArgs(argv: readonly string[]): ExportOptions {
  const options: ExportOptions = {
    charts: [],
    selection: selectionFromQuery(''),
    scheme: 'light',
    width: DEFAULT_WIDTH,
    measure: 'sentences',
    out: 'exports',
    csv: true,
    help: false,
  };
  const query = new URLSearchParams();
  const args = [...argv];
  const valueOf = (flag: string, inline: string | undefined): string => {
    const value = inline ?? args.shift();
    if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs a value.`);
    return value;
  };

  while (args.length) {
    const arg = args.shift()!;
    const [flag, inline] = arg.startsWith('--') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    switch (flag) {
      case '--help':
      case '-h':
        options.help = true;
        break;
      case '--no-csv':
        options.csv = false;
        break;
      case '--out':
        options.out = valueOf(flag, inline);
        break;
      case '--scheme': {
        const scheme = valueOf(flag, inline);
        known('scheme', scheme, ['light', 'dark']);
        options.scheme = scheme as Scheme;
        break;
      }
      case '--measure': {
        const measure = valueOf(flag, inline);
        known('measure', measure, ['sentences', 'words']);
        options.measure = measure as Measure;
        break;
      }
      case '--width': {
        const text = valueOf(flag, inline);
        const width = Number(text);
        if (!Number.isInteger(width) || width < MIN_WIDTH || width > MAX_WIDTH) {
          throw new Error(
            `--width ${text}: give a whole number of pixels from ${MIN_WIDTH} to ${MAX_WIDTH}.`,
          );
        }
        options.width = width;
        break;
      }
      case '--select': {
        const pair = valueOf(flag, inline);
        const m = /^([a-z]+)=(.+)$/.exec(pair);
        if (!m || !(SELECT_KEYS as readonly string[]).includes(m[1])) {
          throw new Error(
            `--select ${pair}: write KEY=VALUE with KEY one of ${SELECT_KEYS.join(', ')}.`,
          );
        }
        const [, key, value] = m;
        checkSelect(key, value);
        if (key === 'theme' && query.has('theme')) {
          query.set('theme', `${query.get('theme')},${value}`);
        } else if (query.has(key)) {
          throw new Error(`--select ${key}= is given twice.`);
        } else query.set(key, value);
        break;
      }
      default: {
        if (flag.startsWith('-')) throw new Error(`Unknown option ${flag}. See --help.`);
        const chart = CHART_NAMES.get(flag);
        if (!chart) {
          throw new Error(`Unknown chart "${flag}". Known: ${[...CHART_NAMES.keys()].join(', ')}.`);
        }
        if (!options.charts.includes(chart)) options.charts.push(chart);
      }
    }
  }
  if (options.charts.length === 0) options.charts = VIEWS.map((v) => v.chart);
  options.selection = selectionFromQuery(`?${query.toString()}`);
  return options;
}
