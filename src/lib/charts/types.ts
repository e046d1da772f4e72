import type { Codebook, StatementDocument } from '../data/types.ts';
import type { Selection } from '../data/queries.ts';
import type { Scheme } from './palette.ts';

/** What every chart component takes. Charts are presentational: they never read global state. */
export interface ChartProps {
  doc: StatementDocument;
  codebook: Codebook;
  scheme: Scheme;
  /** The selection to show (the hovered preview, else the pinned one). */
  selection: Selection;
  /** Sentence ids the selection picks; null when nothing is selected. */
  highlight: Set<string> | null;
  /** Pin a selection (click, Enter, Space). With `additive`, themes add to the current ones. */
  onselect: (patch: Partial<Selection>, options?: { additive?: boolean }) => void;
  /** Preview a selection while the pointer or focus rests on a mark; null ends it. */
  onhover: (patch: Partial<Selection> | null) => void;
  /** Called once, after the chart's first draw. */
  ondrawn?: () => void;
}
