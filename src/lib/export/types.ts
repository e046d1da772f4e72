import type { ChartId } from '../charts/registry.ts';
import type { Scheme } from '../charts/palette.ts';
import type { Measure } from '../charts/theme-overview/options.ts';
import type { Selection } from '../data/queries.ts';
import type { Codebook, StatementDocument } from '../data/types.ts';
import type { ContextData } from '../context/types.ts';
import type { ByDocument } from '../charts/timeline/layout.ts';

/**
 * Everything an exported chart depends on. The app fills it from the chart as drawn; the
 * `npm run export` command fills it from its options. The same input gives the same bytes.
 */
export interface ExportInput {
  chart: ChartId;
  doc: StatementDocument;
  codebook: Codebook;
  scheme: Scheme;
  /** The selection the chart shows (the pinned one when a download button is pressed). */
  selection: Selection;
  /** The width the chart is drawn at, in CSS pixels (the container width it was given). */
  width: number;
  /** Theme overview only: what the bars count. */
  measure?: Measure;
  /** Process timeline and outcome map only: the GCM context and the outcome map. */
  context?: ContextData;
  /** Topic timeline only: how it draws a corpus too dense for its width, as the app did. */
  byDocument?: ByDocument | null;
}

export type ExportFormat = 'svg' | 'png';
