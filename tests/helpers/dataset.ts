import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dataset } from '../../src/lib/data/types.ts';

/** The committed dataset, as the app loads it. (A path, not `new URL(…, import.meta.url)`,
 * which the bundler would rewrite into an asset URL under jsdom.) */
export const datasetPath = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../data/dataset.json',
);
export const dataset: Dataset = JSON.parse(readFileSync(datasetPath, 'utf8'));
export const doc = dataset.documents[0];
export const codebook = dataset.codebook;
