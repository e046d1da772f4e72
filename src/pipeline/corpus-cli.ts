/**
 * npm run corpus -- --statements 100 --seed 1 --out <file>
 *
 * Writes a synthetic corpus (synthetic.ts) for the benchmark and the tests: N generated
 * statements, coded by the real pipeline, as one dataset file. It refuses to write where the
 * file would pass for real data or ship with the app (data/, seeds/, public/, src/, dist*).
 */
import { resolve } from 'node:path';
import { serialize } from './build.ts';
import { PipelineError } from './errors.ts';
import { corpusFromSeeds, relativeTo, writeAtomically } from './io.ts';

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

/** Builds the corpus the arguments ask for and returns the file to write and its contents. */
function corpusFile(root: string, args: string[]): { file: string; contents: string } {
  const out = option(args, '--out');
  if (!out) throw new PipelineError('command line', '--out', 'is required: where to write');
  const file = relativeTo(root, resolve(root, out));
  const top = file.split(/[\\/]/)[0];
  if (FORBIDDEN.includes(top) || !file.endsWith('.json')) {
    throw new PipelineError(
      file,
      null,
      `a synthetic corpus is not real data: write a .json file outside ${FORBIDDEN.join('/, ')}/`,
    );
  }
  const statements = whole(args, '--statements', 10);
  const seed = whole(args, '--seed', 1);
  let contents: string;
  try {
    contents = serialize(corpusFromSeeds(root, { statements, seed }), { compact: true });
  } catch (error) {
    if (error instanceof RangeError) throw new PipelineError('command line', null, error.message);
    throw error;
  }
  return { file, contents };
}

function main(args: string[]): void {
  const root = process.cwd();
  const { file, contents } = corpusFile(root, args);
  writeAtomically(root, { [file]: contents });
  const dataset = JSON.parse(contents) as { documents: { counts: { sentences: number } }[] };
  const sentences = dataset.documents.reduce((n, d) => n + d.counts.sentences, 0);
  console.log(
    `wrote ${file.startsWith('..') ? resolve(root, file) : file}: ${dataset.documents.length} synthetic statements, ${sentences} sentences ` +
      `(${Buffer.byteLength(contents)} bytes)`,
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
