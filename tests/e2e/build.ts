import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serialize, splitCorpus } from '../../src/pipeline/build.ts';
import { corpusFromSeeds } from '../../src/pipeline/io.ts';
import { e2eOutDir } from './browser.ts';
import { writeGzipCopies } from '../../scripts/precompressed.ts';

/**
 * Synthetic corpora the browser tests and the benchmark open with `?data=corpus/<name>.json`.
 * They are written into this build's own folder only: never into `data/`, `public/` or `dist/`.
 */
export const CORPORA = { 'corpus-10': 10, 'corpus-100': 100 } as const;
export const CORPUS_SEED = 1;
export const corpusPath = (name: keyof typeof CORPORA) => `corpus/${name}.json`;
/** The same corpus split into an index and one file per document (splitCorpus). */
export const corpusIndexPath = (name: keyof typeof CORPORA) => `corpus/${name}/index.json`;

/**
 * Builds the production app once for the browser tests, into a folder of its own. The build
 * runs in a child process: inside the test runner Svelte would resolve its server build.
 */
export default function setup(): void {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'NODE_ENV'),
  );
  const vite = fileURLToPath(new URL('../../node_modules/vite/bin/vite.js', import.meta.url));
  execFileSync(
    process.execPath,
    [vite, 'build', '--logLevel', 'warn', '--outDir', e2eOutDir, '--emptyOutDir'],
    {
      env,
      stdio: 'inherit',
    },
  );
  mkdirSync(join(e2eOutDir, 'corpus'), { recursive: true });
  const root = fileURLToPath(new URL('../../', import.meta.url));
  for (const [name, statements] of Object.entries(CORPORA)) {
    const dataset = corpusFromSeeds(root, { statements, seed: CORPUS_SEED });
    writeFileSync(
      join(e2eOutDir, corpusPath(name as keyof typeof CORPORA)),
      serialize(dataset, { compact: true }),
    );
    const folder = join(e2eOutDir, 'corpus', name);
    for (const [file, contents] of Object.entries(splitCorpus(dataset))) {
      mkdirSync(dirname(join(folder, file)), { recursive: true });
      writeFileSync(join(folder, file), contents);
    }
  }
  // Served as the build's own files are: from a compressed copy (scripts/precompressed.ts).
  writeGzipCopies(join(e2eOutDir, 'corpus'));
}
