import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Dataset } from '../../src/lib/data/types.ts';

/** The committed dataset, as the app loads it. */
export const datasetPath = fileURLToPath(new URL('../../data/dataset.json', import.meta.url));
export const dataset: Dataset = JSON.parse(readFileSync(datasetPath, 'utf8'));
export const doc = dataset.documents[0];
export const codebook = dataset.codebook;
