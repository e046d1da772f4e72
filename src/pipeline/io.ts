import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Codebook, Dataset } from '../lib/data/types.ts';
import {
  buildDataset,
  buildDocument,
  documentIdOf,
  serialize,
  type StatementInput,
} from './build.ts';
import { parseCodebook } from './codebook.ts';
import { decodeSeed } from './decode.ts';
import { parseDictionary, type Dictionary } from './dictionary.ts';
import { PipelineError } from './errors.ts';
import { checkContext, checkOutcomeMap } from './outcomes.ts';
import { datasetSchema } from '../lib/data/schema.ts';
import { syntheticCorpus, type CorpusOptions } from './synthetic.ts';

/** Where the pipeline reads and writes, relative to the project root. */
export const paths = {
  seeds: 'seeds',
  codebook: 'seeds/codebook.json',
  dictionary: 'seeds/dictionary.json',
  annotations: 'seeds/annotations',
  context: 'seeds/reference/gcm-context.json',
  dataset: 'data/dataset.json',
  schema: 'data/dataset.schema.json',
  contextOut: 'data/gcm-context.json',
  /** Curated by hand: checked on every run, never written. */
  outcomes: 'data/gcm-outcomes.json',
};

export function readText(root: string, file: string, what: string): string {
  const full = join(root, file);
  if (!existsSync(full)) throw new PipelineError(file, null, `${what} not found`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(full);
  } catch (error) {
    throw new PipelineError(file, null, `${what} cannot be read (${errorCode(error)})`);
  }
  return decodeSeed(bytes, file);
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}

export function loadRules(root: string): { codebook: Codebook; dictionary: Dictionary } {
  return {
    codebook: parseCodebook(readText(root, paths.codebook, 'the codebook'), paths.codebook),
    dictionary: parseDictionary(
      readText(root, paths.dictionary, 'the dictionary'),
      paths.dictionary,
    ),
  };
}

/** Reads one statement and, when there is one, its curated annotations file. */
export function readStatement(
  root: string,
  file: string,
  annotationsDir: string | null,
): StatementInput {
  const text = readText(root, file, 'the statement');
  const annotationsFile = annotationsDir ? `${annotationsDir}/${documentIdOf(file)}.json` : null;
  const annotations =
    annotationsFile && existsSync(join(root, annotationsFile))
      ? { file: annotationsFile, source: readText(root, annotationsFile, 'the annotations file') }
      : null;
  return { file, text, annotations };
}

/** Every statement in `seeds/`: the `.txt` files at its top level, in name order. */
export function seedFiles(root: string): string[] {
  const dir = join(root, paths.seeds);
  if (!existsSync(dir)) throw new PipelineError(paths.seeds, null, 'the seeds folder is missing');
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => `${paths.seeds}/${name}`);
  if (files.length === 0)
    throw new PipelineError(paths.seeds, null, 'no statement (.txt file) in the seeds folder');
  return files;
}

/** The dataset of every statement in `seeds/`. */
export function buildFromSeeds(root: string): Dataset {
  const { codebook, dictionary } = loadRules(root);
  const documents = seedFiles(root).map((file) =>
    buildDocument(readStatement(root, file, paths.annotations), codebook, dictionary),
  );
  return buildDataset(documents, codebook);
}

/** The GCM context, checked for shape, copied as it is (re-serialised for stable bytes). */
export function readContext(root: string): unknown {
  const source = readText(root, paths.context, 'the GCM context file');
  let context: { events?: unknown; objectives?: unknown; provisions?: unknown };
  try {
    context = JSON.parse(source);
  } catch (error) {
    throw new PipelineError(paths.context, null, `invalid JSON: ${(error as Error).message}`);
  }
  for (const key of ['events', 'objectives', 'provisions'] as const) {
    if (!Array.isArray(context[key]))
      throw new PipelineError(paths.context, null, `"${key}" must be a list`);
  }
  return context;
}

/**
 * Writes every file to a temporary sibling first and renames only when all are written, so a
 * failure leaves the previous files whole.
 */
export function writeAtomically(root: string, files: Record<string, string>): void {
  const temps: [string, string, string][] = [];
  let file = '';
  try {
    for (const [name, contents] of Object.entries(files)) {
      file = name;
      const full = join(root, file);
      mkdirSync(dirname(full), { recursive: true });
      const temp = `${full}.${process.pid}.tmp`;
      writeFileSync(temp, contents);
      temps.push([temp, full, file]);
    }
    for (const [temp, full, name] of temps) {
      file = name;
      renameSync(temp, full);
    }
  } catch (error) {
    throw new PipelineError(file, null, `cannot be written (${errorCode(error)})`);
  } finally {
    for (const [temp] of temps) rmSync(temp, { force: true });
  }
}

/** The three files of `data/`, as text. */
export function dataFiles(root: string): Record<string, string> {
  const dataset = buildFromSeeds(root);
  const context = readContext(root);
  checkOutcomeMap(
    readText(root, paths.outcomes, 'the outcome map'),
    paths.outcomes,
    dataset,
    checkContext(context, paths.context),
  );
  return {
    [paths.dataset]: serialize(dataset),
    [paths.schema]: serialize(datasetSchema),
    [paths.contextOut]: serialize(context),
  };
}

export function relativeTo(root: string, file: string): string {
  return relative(root, file) || file;
}

/** A synthetic corpus (synthetic.ts) recombined from the statements in `seeds/`. */
export function corpusFromSeeds(root: string, options: CorpusOptions): Dataset {
  const { codebook, dictionary } = loadRules(root);
  const sources = seedFiles(root).map((file) => readText(root, file, 'the statement'));
  return syntheticCorpus(sources, codebook, dictionary, options);
}
