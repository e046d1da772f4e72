import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';
import type { ChartProps } from '../../src/lib/charts/types.ts';
import { mergeDocuments } from '../../src/lib/data/corpus.ts';
import { emptySelection } from '../../src/lib/data/queries.ts';
import type { Codebook, StatementDocument } from '../../src/lib/data/types.ts';
import { corpusFromSeeds } from '../../src/pipeline/io.ts';

/** The project, whose seeds a generated corpus is made from. */
export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** A generated corpus of 10 statements, all merged: dense enough to draw by document and to
 * bundle attributions. */
export function mergedCorpus() {
  const corpus = corpusFromSeeds(projectRoot, { statements: 10, seed: 3 });
  return { codebook: corpus.codebook, merged: mergeDocuments(corpus.documents) };
}

/** A chart's props with nothing selected and spies for its callbacks, `overrides` applied. */
export function restingChartProps(
  doc: StatementDocument,
  codebook: Codebook,
  overrides: Partial<ChartProps> = {},
): ChartProps {
  return {
    doc,
    codebook,
    scheme: 'light',
    selection: emptySelection,
    highlight: null,
    onselect: vi.fn(),
    onhover: vi.fn(),
    ...overrides,
  };
}
