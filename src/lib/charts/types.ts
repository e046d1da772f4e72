import type { Codebook, StatementDocument } from '../data/types.ts';
import type { Selection } from '../data/queries.ts';
import type { Scheme } from './palette.ts';
import type { ContextLoad } from '../context/types.ts';
import type { ByDocument } from './timeline/layout.ts';

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
  /** Draw at this width instead of the container's (exports render off-screen at a set width). */
  width?: number;
  /** The GCM context and outcome map, for the views that need them: null while loading. */
  context?: ContextLoad | null;
  /** How the topic timeline draws a corpus too dense for its width (loaded with a corpus). */
  byDocument?: ByDocument | null;
}

/** One entry of a chart's legend, as an exported file draws it. */
export interface LegendEntry {
  /** May be empty: a shading step shows only its swatch (with `swatchText` on it). */
  label: string;
  /** `swatch` a filled square, `line` a stroke (with `dash`), `box` the speaker's double box. */
  kind: 'swatch' | 'line' | 'box';
  color: string;
  stroke?: string;
  dash?: string;
  /** Text printed on the swatch (a count), in `swatchTextColor`. */
  swatchText?: string;
  swatchTextColor?: string;
  /** Opacity of the swatch: marks outside the selection are drawn faded. */
  opacity?: number;
  bold?: boolean;
}

/** A chart's legend: an optional lead-in ("Sentences with both themes:") and its entries. */
export interface LegendSpec {
  title?: string;
  entries: LegendEntry[];
}
