/**
 * npm run corpus -- --statements 100 --seed 1 --out <file.json>
 * npm run corpus -- --statements 100 --seed 1 --split --out <folder>
 *
 * Writes a synthetic corpus (synthetic.ts) for the benchmark and the tests: N generated
 * statements, coded by the real pipeline, as one dataset file, or with `--split` as a folder
 * of an index, one file per document and one of them all (build.ts, splitCorpus). It refuses to
 * write where the files would pass for real data or ship with the app (data/, seeds/, public/,
 * src/, dist*).
 */
import { join, resolve } from 'node:path';
import { serialize, splitCorpus, WHOLE_CORPUS_FILE } from './build.ts';
import { PipelineError } from './errors.ts';
import { corpusFromSeeds, relativeTo, writeAtomically } from './io.ts';
import type { Dataset } from '../lib/data/types.ts';

const FORBIDDEN = ['data', 'seeds', 'public', 'src', 'dist', 'dist-single'];

function option(args: string[], name: string): string | null {
  const at = args.indexOf(name);
  if (at < 0) return null;
  const value = args[at + 1];
  if (!value || value.startsWith('--'))
    throw new PipelineError('command line', name, 'needs a value after it');
  return value;
}

function whole(args: string[], name: string, fallback: number): number {
  const value = option(args, name);
  if (value === null) return fallback;
  if (!/^\d+$/.test(value)) throw new PipelineError('command line', name, 'needs a whole number');
  return Number(value);
}

/** Builds the corpus the arguments ask for: the dataset, and the files to write by path. */
function corpusFiles(
  root: string,
  args: string[],
): { dataset: Dataset; files: Record<string, string> } {
  const out = option(args, '--out');
  if (!out) throw new PipelineError('command line', '--out', 'is required: where to write');
  const split = args.includes('--split');
  const file = relativeTo(root, resolve(root, out));
  const top = file.split(/[\\/]/)[0];
  if (FORBIDDEN.includes(top) || file.endsWith('.json') === split) {
    throw new PipelineError(
      file,
      null,
      `a synthetic corpus is not real data: write ${split ? 'a folder (not a .json file)' : 'a .json file'} outside ${FORBIDDEN.join('/, ')}/`,
    );
  }
  const statements = whole(args, '--statements', 10);
  const seed = whole(args, '--seed', 1);
  let dataset: Dataset;
  try {
    dataset = corpusFromSeeds(root, { statements, seed });
  } catch (error) {
    if (error instanceof RangeError) throw new PipelineError('command line', null, error.message);
    throw error;
  }
  if (!split) return { dataset, files: { [file]: serialize(dataset, { compact: true }) } };
  const files = Object.entries(splitCorpus(dataset)).map(([name, text]) => [
    join(file, name),
    text,
  ]);
  return { dataset, files: Object.fromEntries(files) };
}

function main(args: string[]): void {
  const root = process.cwd();
  const { dataset, files } = corpusFiles(root, args);
  writeAtomically(root, files);
  const [first, ...more] = Object.keys(files);
  const bytes = Object.values(files).reduce((n, text) => n + Buffer.byteLength(text), 0);
  const sentences = dataset.documents.reduce((n, d) => n + d.counts.sentences, 0);
  const others = more.length
    ? ` and ${dataset.documents.length} document files, and ${WHOLE_CORPUS_FILE}`
    : '';
  console.log(
    `wrote ${first.startsWith('..') ? resolve(root, first) : first}${others}: ` +
      `${dataset.documents.length} synthetic statements, ${sentences} sentences (${bytes} bytes)`,
  );
}

try {
  main(process.argv.slice(2));
} catch (error) {
  if (error instanceof PipelineError) {
    console.error(`error: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
