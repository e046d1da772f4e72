/**
 * Shared setup for the pipeline's unit tests: the real codebook and dictionary, the real seed
 * document, temporary copies of the project and a runner for the real command line.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { StatementDocument } from '../../src/lib/data/types.ts';
import { buildDocument } from '../../src/pipeline/build.ts';
import { parseCodebook } from '../../src/pipeline/codebook.ts';
import { parseDictionary } from '../../src/pipeline/dictionary.ts';
import { buildFromSeeds, readStatement } from '../../src/pipeline/io.ts';

export const projectRoot = resolve(fileURLToPath(new URL('../../', import.meta.url)));
export const seedFile = 'seeds/russian-federation-gcm-position.txt';
export const annotationsFile = 'seeds/annotations/russian-federation-gcm-position.json';

export const readProjectFile = (file: string): string =>
  readFileSync(join(projectRoot, file), 'utf8');

export const codebook = parseCodebook(readProjectFile('seeds/codebook.json'), 'codebook.json');
export const dictionary = parseDictionary(
  readProjectFile('seeds/dictionary.json'),
  'dictionary.json',
);

/** The committed statement, segmented and coded, without its curated annotations. */
export const seedDoc: StatementDocument = buildDocument(
  readStatement(projectRoot, seedFile, null),
  codebook,
  dictionary,
);

let curated: StatementDocument | undefined;
/** The statement as `npm run data` builds it from the committed seeds, annotations included. */
export function curatedDoc(): StatementDocument {
  curated ??= buildFromSeeds(projectRoot).documents[0];
  return curated;
}

/** One synthetic statement through the whole pipeline, with the real rules. */
export function build(text: string, file = 'seeds/synthetic.txt'): StatementDocument {
  return buildDocument({ file, text, annotations: null }, codebook, dictionary);
}

/** The sentence of `doc` that starts with `prefix` (fails loudly when there is none). */
export function sentenceStarting(doc: StatementDocument, prefix: string) {
  const found = doc.sentences.filter((s) => s.text.startsWith(prefix));
  if (found.length !== 1) throw new Error(`${found.length} sentences start with "${prefix}"`);
  return found[0];
}

const made: string[] = [];

/** A temporary project root holding a copy of `seeds/` and, unless told not to, of `data/`. */
export function tempProject(withData = true): string {
  const root = mkdtempSync(join(tmpdir(), 'gcm-pipeline-test-'));
  made.push(root);
  cpSync(join(projectRoot, 'seeds'), join(root, 'seeds'), { recursive: true });
  if (withData) cpSync(join(projectRoot, 'data'), join(root, 'data'), { recursive: true });
  return root;
}

/** Removes every temporary project made so far. */
export function removeTempProjects(): void {
  for (const root of made.splice(0)) rmSync(root, { recursive: true, force: true });
}

/** Every file under `dir`, by path relative to it, with its bytes. */
export function snapshot(dir: string): Record<string, Buffer> {
  const files: Record<string, Buffer> = {};
  const walk = (at: string) => {
    for (const name of readdirSync(at).sort()) {
      const full = join(at, name);
      if (statSync(full).isDirectory()) walk(full);
      else files[relative(dir, full)] = readFileSync(full);
    }
  };
  walk(dir);
  return files;
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const cliPath = join(projectRoot, 'src/pipeline/cli.ts');

/** Runs the real command line (`node --import tsx src/pipeline/cli.ts …`) in `cwd`. */
export function runCli(cwd: string, args: string[]): Promise<CliResult> {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', tsxLoader, cliPath, ...args],
      { cwd, env, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

/** Runs jobs with at most `limit` of them at once, keeping their order in the results. */
export async function pool<T>(limit: number, jobs: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const at = next++;
      results[at] = await jobs[at]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return results;
}

/** 1-based line of the first occurrence of `needle` in `text` (from `from`). */
export function lineOfText(text: string, needle: string, from = 0): number {
  const at = text.indexOf(needle, from);
  if (at < 0) throw new Error(`"${needle}" not found`);
  return text.slice(0, at).split('\n').length;
}
