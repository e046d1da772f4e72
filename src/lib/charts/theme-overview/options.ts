import * as Plot from '@observablehq/plot';
import { ticks as linearTicks } from 'd3-array';
import { scaleBand, scaleLinear } from 'd3-scale';
import {
  MODALITY_IDS,
  THEME_IDS,
  type Codebook,
  type ModalityId,
  type StatementDocument,
  type ThemeId,
} from '../../data/types.ts';
import { isMerged, label } from '../../data/queries.ts';
import { fade, fontFamily, palettes, type Palette, type Scheme } from '../palette.ts';
import type { LegendSpec } from '../types.ts';

/**
 * The theme overview as numbers (`themeOverviewLayout`) and as Plot options
 * (`themeOverviewOptions`). Both are pure, so the chart renders the same in the browser, in
 * jsdom and in Node (pass a jsdom `document`).
 *
 * The layout is built in two steps: `themeOverviewBase` (what no selection changes) and
 * `themeOverviewWithSelection`. The component draws the chart in two layers from them: Plot
 * draws the frame (`frameOptions`: grid, axis, theme labels) and Svelte the marks a selection
 * changes (`themeOverviewMarks`, placed on the same scales), so a selection never runs Plot.
 * An exported file is the whole chart drawn by Plot at once (`optionsFromLayout`).
 */

/** What a bar's length counts: sentences, or the share (%) of the statement's words. */
export type Measure = 'sentences' | 'words';

export interface ThemeOverviewParams {
  doc: StatementDocument;
  codebook: Codebook;
  scheme: Scheme;
  measure: Measure;
  /** Themes of the selection; bars of the other themes dim. */
  highlightThemes: readonly ThemeId[];
  /** Sentence ids the selection picks; each bar then shows how many of them carry its theme. */
  highlight?: ReadonlySet<string> | null;
  width: number;
  document?: Document;
}

export interface ThemeSegment {
  theme: ThemeId;
  modality: ModalityId;
  sentences: number;
  words: number;
  /** Length in the chosen measure; x1..x2 is where it sits in the stack. */
  value: number;
  x1: number;
  x2: number;
  /** Drawn faded: the theme is not selected, or only part of the segment is highlighted. */
  dimmed: boolean;
}

export interface ThemeRow {
  theme: ThemeId;
  label: string;
  sentences: number;
  words: number;
  /** % of the statement's words in sentences with the theme. */
  share: number;
  /** Bar length in the chosen measure. */
  total: number;
  /** Non-empty modalities, in codebook order. */
  segments: ThemeSegment[];
  /** The highlighted part of each segment (same x1, shorter x2); empty without a highlight. */
  hits: ThemeSegment[];
  hitSentences: number;
  hitTotal: number;
  /** Printed at the end of the bar: "6", "26.7%", or "2 of 6" with a highlight. */
  valueLabel: string;
  selected: boolean;
  /** Band of the row in SVG pixels (the whole step, padding included, for hit targets). */
  top: number;
  step: number;
}

export interface ThemeOverviewLayout {
  measure: Measure;
  /** Themes that occur, largest first in the chosen measure (codebook order breaks ties). */
  rows: ThemeRow[];
  /** Codebook themes with no sentence. */
  absent: { theme: ThemeId; label: string }[];
  width: number;
  height: number;
  marginTop: number;
  marginRight: number;
  marginBottom: number;
  marginLeft: number;
  /** Narrow layout: labels sit above the bars instead of left of them. */
  compact: boolean;
  /** Several documents merged: the share of words is the statements', not the statement's. */
  merged: boolean;
  /** Height of the label line above each bar in the compact layout. */
  labelBand: number;
  paddingInner: number;
  paddingOuter: number;
  xMax: number;
  ticks: number[];
  hasHighlight: boolean;
  fontSize: number;
}

/** Below this width the labels move above the bars, so the bars keep most of the width. */
export const COMPACT_WIDTH = 440;
const FONT_SIZE = 11;
/** Rough advance of an average character, in ems, for the system sans-serif. */
const CHAR_EM = 0.56;

const round = (value: number, digits = 4) => Math.round(value * 10 ** digits) / 10 ** digits;

export function formatValue(measure: Measure, value: number): string {
  return measure === 'sentences' ? String(value) : `${round(value, 1)}%`;
}

const measureOf = (measure: Measure, totalWords: number, sentences: number, words: number) =>
  measure === 'sentences' ? sentences : (words / totalWords) * 100;

/** A bar segment as it stands before any selection. */
export type BaseSegment = Omit<ThemeSegment, 'dimmed'>;

/** A row as it stands before any selection. */
export type BaseRow = Pick<
  ThemeRow,
  'theme' | 'label' | 'sentences' | 'words' | 'share' | 'total' | 'top' | 'step'
> & {
  segments: BaseSegment[];
  /** Where the row's band starts, unrounded (as Plot's y scale places it). */
  band: number;
};

/**
 * The part of the layout no selection changes: the rows in order with their stacks and bands,
 * the left margin and the x domain. A selection adds the highlighted parts, the fading, the
 * value labels and the right margin they need (`themeOverviewWithSelection`).
 */
export interface ThemeOverviewBase extends Omit<
  ThemeOverviewLayout,
  'rows' | 'marginRight' | 'ticks' | 'hasHighlight'
> {
  rows: BaseRow[];
  /** Words of the statement (at least 1): the denominator of the share of words. */
  totalWords: number;
  /** Height of a row's band, padding excluded: the bars' height before insets. */
  bandwidth: number;
  /** What a selection counts of each sentence, in the statement's order, read once. */
  sentences: { id: string; words: number; modality: ModalityId; themes: ThemeId[] }[];
}

/** The codebook's themes that no sentence carries, in codebook order (whatever the width). */
export function absentThemes(
  doc: StatementDocument,
  codebook: Codebook,
): { theme: ThemeId; label: string }[] {
  const sentences = new Map(doc.aggregates.themeTotals.map((t) => [t.theme, t.sentences]));
  return codebook.themes
    .filter((t) => THEME_IDS.includes(t.id) && !sentences.get(t.id))
    .map((t) => ({ theme: t.id, label: label(codebook, 'themes', t.id) }));
}

/** The rows, bands and margins of the theme overview before any selection. */
export function themeOverviewBase({
  doc,
  codebook,
  measure,
  width,
}: Pick<ThemeOverviewParams, 'doc' | 'codebook' | 'measure' | 'width'>): ThemeOverviewBase {
  const totalWords = doc.counts.words || 1;
  const themeIds = codebook.themes.map((t) => t.id).filter((id) => THEME_IDS.includes(id));
  const totals = new Map(doc.aggregates.themeTotals.map((t) => [t.theme, t]));
  const cells = new Map<string, StatementDocument['aggregates']['modalityByTheme'][number]>();
  for (const cell of doc.aggregates.modalityByTheme) {
    const key = `${cell.theme}\u0000${cell.modality}`;
    if (!cells.has(key)) cells.set(key, cell);
  }
  const value = (sentences: number, words: number) =>
    measureOf(measure, totalWords, sentences, words);

  const occurring = themeIds.filter((id) => (totals.get(id)?.sentences ?? 0) > 0);
  const absent = absentThemes(doc, codebook);

  const unsorted = occurring.map((theme) => {
    const total = totals.get(theme)!;
    let x = 0;
    const segments: BaseSegment[] = [];
    for (const modality of MODALITY_IDS) {
      const cell = cells.get(`${theme}\u0000${modality}`);
      if (!cell || cell.sentences === 0) continue;
      const length = round(value(cell.sentences, cell.words));
      segments.push({
        theme,
        modality,
        sentences: cell.sentences,
        words: cell.words,
        value: length,
        x1: x,
        x2: round(x + length),
      });
      x = round(x + length);
    }
    return {
      theme,
      label: label(codebook, 'themes', theme),
      sentences: total.sentences,
      words: total.words,
      share: round((total.words / totalWords) * 100),
      total: round(value(total.sentences, total.words)),
      segments,
    };
  });
  const order = new Map(themeIds.map((id, i) => [id, i]));
  unsorted.sort((a, b) => b.total - a.total || order.get(a.theme)! - order.get(b.theme)!);

  const compact = width < COMPACT_WIDTH;
  const fontSize = FONT_SIZE;
  const longest = Math.max(0, ...unsorted.map((r) => r.label.length));
  const marginLeft = compact
    ? 2
    : Math.min(Math.round(width * 0.4), Math.ceil(longest * CHAR_EM * fontSize) + 14);
  const marginTop = 4;
  const marginBottom = 38;
  const labelBand = compact ? fontSize + 6 : 0;
  const step = compact ? 42 : 30;
  const paddingInner = compact ? 0.12 : 0.22;
  const paddingOuter = paddingInner / 2;
  const plotHeight = Math.max(1, unsorted.length) * step;
  const height = marginTop + plotHeight + marginBottom;

  const y = scaleBand<ThemeId>()
    .domain(unsorted.map((r) => r.theme))
    .range([marginTop, marginTop + plotHeight])
    .paddingInner(paddingInner)
    .paddingOuter(paddingOuter);
  const rowStep = y.step();
  const rows: BaseRow[] = unsorted.map((r) => ({
    ...r,
    top: round((y(r.theme) ?? 0) - (rowStep * paddingInner) / 2, 2),
    step: round(rowStep, 2),
    band: y(r.theme) ?? 0,
  }));

  const max = Math.max(0, ...rows.map((r) => r.total));
  const xMax = max > 0 ? scaleLinear().domain([0, max]).nice().domain()[1] : 1;

  return {
    measure,
    totalWords,
    rows,
    absent,
    width,
    height,
    marginTop,
    marginBottom,
    marginLeft,
    compact,
    merged: isMerged(doc),
    labelBand,
    paddingInner,
    paddingOuter,
    xMax,
    fontSize,
    bandwidth: y.bandwidth(),
    sentences: doc.sentences.map((s) => ({
      id: s.id,
      words: s.words,
      modality: s.modality.modality,
      themes: s.themes.map((t) => t.theme),
    })),
  };
}

/** The ticks of each base by right margin: selections ask for the same few again and again. */
const ticksOf = new WeakMap<ThemeOverviewBase, Map<number, number[]>>();

/** The x ticks that fit between the margins: whole numbers when counting sentences. */
function xTicks(base: ThemeOverviewBase, marginRight: number): number[] {
  let byMargin = ticksOf.get(base);
  if (!byMargin) ticksOf.set(base, (byMargin = new Map()));
  let ticks = byMargin.get(marginRight);
  if (!ticks) {
    const innerWidth = Math.max(1, base.width - base.marginLeft - marginRight);
    const tickCount = Math.max(2, Math.floor(innerWidth / 70));
    ticks = linearTicks(0, base.xMax, tickCount).filter(
      (t) => base.measure === 'words' || Number.isInteger(t),
    );
    byMargin.set(marginRight, ticks);
  }
  return ticks;
}

/** The right margin that holds the longest value label. */
function marginRightFor(labels: readonly string[], fontSize: number): number {
  const longestValue = Math.max(0, ...labels.map((l) => l.length));
  return Math.ceil(longestValue * CHAR_EM * fontSize) + 12;
}

/** The base with a selection applied: highlighted parts, fading, value labels, right margin. */
export function themeOverviewWithSelection(
  base: ThemeOverviewBase,
  { highlightThemes, highlight = null }: Pick<ThemeOverviewParams, 'highlightThemes' | 'highlight'>,
): ThemeOverviewLayout {
  const { measure, totalWords } = base;
  const value = (sentences: number, words: number) =>
    measureOf(measure, totalWords, sentences, words);

  /** Selected sentences and their words, by theme and modality. */
  const hitCounts = new Map<ThemeId, Map<ModalityId, { sentences: number; words: number }>>();
  const hitSentencesByTheme = new Map<ThemeId, number>();
  if (highlight) {
    for (const s of base.sentences) {
      if (!highlight.has(s.id)) continue;
      for (const theme of s.themes) {
        let byModality = hitCounts.get(theme);
        if (!byModality) hitCounts.set(theme, (byModality = new Map()));
        const hit = byModality.get(s.modality) ?? { sentences: 0, words: 0 };
        hit.sentences += 1;
        hit.words += s.words;
        byModality.set(s.modality, hit);
        hitSentencesByTheme.set(theme, (hitSentencesByTheme.get(theme) ?? 0) + 1);
      }
    }
  }
  const themeSelected = highlightThemes.length > 0;

  const valueLabel = (total: number, hitTotal: number) =>
    highlight
      ? `${formatValue(measure, round(hitTotal, 1))} of ${formatValue(measure, total)}`
      : formatValue(measure, total);

  const rows: ThemeRow[] = base.rows.map((row) => {
    const { theme } = row;
    const selected = highlightThemes.includes(theme);
    const dimmed = highlight ? true : themeSelected && !selected;
    const rowHits = hitCounts.get(theme);
    let hitTotal = 0;
    const segments: ThemeSegment[] = [];
    const hits: ThemeSegment[] = [];
    for (const segment of row.segments) {
      const { modality, sentences, words, value: length, x1, x2 } = segment;
      segments.push({ theme, modality, sentences, words, value: length, x1, x2, dimmed });
      const hit = rowHits?.get(segment.modality);
      if (hit) {
        const hitValue = round(value(hit.sentences, hit.words));
        hits.push({
          theme,
          modality: segment.modality,
          sentences: hit.sentences,
          words: hit.words,
          value: hitValue,
          x1: segment.x1,
          x2: round(segment.x1 + hitValue),
          dimmed: false,
        });
        hitTotal += hitValue;
      }
    }
    return {
      theme,
      label: row.label,
      sentences: row.sentences,
      words: row.words,
      share: row.share,
      total: row.total,
      segments,
      hits,
      hitSentences: hitSentencesByTheme.get(theme) ?? 0,
      hitTotal: round(hitTotal),
      valueLabel: valueLabel(row.total, hitTotal),
      selected,
      top: row.top,
      step: row.step,
    };
  });

  const marginRight = marginRightFor(
    rows.map((r) => r.valueLabel),
    base.fontSize,
  );

  return {
    measure,
    rows,
    absent: base.absent,
    width: base.width,
    height: base.height,
    marginTop: base.marginTop,
    marginRight,
    marginBottom: base.marginBottom,
    marginLeft: base.marginLeft,
    compact: base.compact,
    merged: base.merged,
    labelBand: base.labelBand,
    paddingInner: base.paddingInner,
    paddingOuter: base.paddingOuter,
    xMax: base.xMax,
    ticks: xTicks(base, marginRight),
    hasHighlight: highlight !== null && highlight !== undefined,
    fontSize: base.fontSize,
  };
}

/** The layout for a selection in one step: the base with the selection applied. */
export function themeOverviewLayout(
  params: Omit<ThemeOverviewParams, 'scheme' | 'document'>,
): ThemeOverviewLayout {
  return themeOverviewWithSelection(themeOverviewBase(params), params);
}

/** The Plot options for the theme overview: bars stacked by modality, one row per theme. */
export function themeOverviewOptions(params: ThemeOverviewParams): Plot.PlotOptions {
  const layout = themeOverviewLayout(params);
  return optionsFromLayout(layout, params.codebook, palettes[params.scheme], params.document);
}

/**
 * What the chart's frame is drawn from (axes, grid, theme labels, size): no selection
 * changes it, except through the right margin the value labels need.
 */
export type ThemeOverviewFrame = Pick<
  ThemeOverviewLayout,
  | 'measure'
  | 'absent'
  | 'width'
  | 'height'
  | 'marginTop'
  | 'marginRight'
  | 'marginBottom'
  | 'marginLeft'
  | 'compact'
  | 'merged'
  | 'labelBand'
  | 'paddingInner'
  | 'paddingOuter'
  | 'xMax'
  | 'ticks'
  | 'fontSize'
> & { rows: readonly Pick<ThemeRow, 'theme' | 'label' | 'total' | 'step'>[] };

/** The frame of a base at a given right margin (the one `themeOverviewWithSelection` sets). */
export function themeOverviewFrame(
  base: ThemeOverviewBase,
  marginRight: number,
): ThemeOverviewFrame {
  return { ...base, marginRight, ticks: xTicks(base, marginRight) };
}

/** The whole chart as Plot options: the frame's marks with the selection's in between. */
export function optionsFromLayout(
  layout: ThemeOverviewLayout,
  codebook: Codebook,
  palette: Palette,
  document?: Document,
): Plot.PlotOptions {
  return plotOptions(layout, codebook, document, palette, [
    ...axisMarks(layout, palette),
    ...selectionMarks(layout, palette),
    themeLabelMark(layout, palette),
  ]);
}

/**
 * The chart without the marks a selection changes (segments, highlighted parts, outlines and
 * value labels): grid, x axis and theme labels, at the size and margins of the whole chart.
 * `themeOverviewMarks` places the rest on the same scales.
 */
export function frameOptions(
  frame: ThemeOverviewFrame,
  codebook: Codebook,
  palette: Palette,
  document?: Document,
): Plot.PlotOptions {
  return plotOptions(frame, codebook, document, palette, [
    ...axisMarks(frame, palette),
    themeLabelMark(frame, palette),
  ]);
}

function plotOptions(
  frame: ThemeOverviewFrame,
  codebook: Codebook,
  document: Document | undefined,
  palette: Palette,
  marks: Plot.Markish[],
): Plot.PlotOptions {
  return {
    document,
    width: frame.width,
    height: frame.height,
    marginTop: frame.marginTop,
    marginRight: frame.marginRight,
    marginBottom: frame.marginBottom,
    marginLeft: frame.marginLeft,
    style: {
      fontFamily,
      fontSize: `${frame.fontSize}px`,
      color: palette.ink,
      background: palette.background,
    },
    ariaLabel: 'Bar chart: sentences per theme, split by modality',
    ariaDescription: themeOverviewSummary(frame, codebook),
    x: { domain: [0, frame.xMax] },
    // Every fill is a colour from the palette: no colour scale, and no default scheme to load.
    color: { type: 'identity' },
    y: {
      type: 'band',
      domain: frame.rows.map((r) => r.theme),
      range: [frame.marginTop, frame.height - frame.marginBottom],
      paddingInner: frame.paddingInner,
      paddingOuter: frame.paddingOuter,
      align: 0.5,
      round: false,
      axis: null,
    },
    marks,
  };
}

/** Whose words a share counts: the statement's, or the statements' of a merged corpus. */
export const wordsOf = ({ merged }: { merged: boolean }) =>
  `the statement${merged ? "s'" : "'s"} words`;

/** The grid and the x axis, drawn first. */
function axisMarks(frame: ThemeOverviewFrame, palette: Palette): Plot.Markish[] {
  const { measure, fontSize } = frame;
  return [
    Plot.gridX(frame.ticks, {
      stroke: palette.grid,
      strokeOpacity: 1,
      ariaHidden: 'true',
    }),
    Plot.axisX(frame.ticks, {
      anchor: 'bottom',
      color: palette.muted,
      fontSize,
      tickFormat: (d: number) => (measure === 'sentences' ? String(d) : `${d}%`),
      label:
        measure === 'sentences' ? 'Sentences with the theme' : `Share of ${wordsOf(frame)} (%)`,
      labelAnchor: 'left',
      labelArrow: 'right',
      labelOffset: 32,
      ariaHidden: 'true',
    }),
  ];
}

/** How far the bars sit below the top of their band (under the label in the compact layout). */
const barInset = (frame: Pick<ThemeOverviewFrame, 'compact' | 'labelBand'>) =>
  frame.compact ? frame.labelBand : 0;
/** How far a value label sits below the middle of its band. */
const valueShift = (frame: Pick<ThemeOverviewFrame, 'compact' | 'labelBand'>) =>
  frame.compact ? frame.labelBand / 2 : 0;
/** The gap between a bar's end and its value label. */
const VALUE_GAP = 5;

/** The marks a selection changes: segments (faded or not), highlighted parts, outlines of
 * the selected themes and the value labels. `themeOverviewMarks` draws the same ones. */
function selectionMarks(layout: ThemeOverviewLayout, palette: Palette): Plot.Markish[] {
  const { rows, fontSize } = layout;
  const barInsetTop = barInset(layout);
  return [
    Plot.barX(barSegments(layout), {
      x1: 'x1',
      x2: 'x2',
      y: 'theme',
      // Faded by colour, not opacity: a faded segment keeps 3:1 against the background.
      fill: (d: ThemeSegment) => segmentFill(d, palette),
      stroke: palette.background,
      strokeWidth: 1,
      insetTop: barInsetTop,
      className: 'theme-bar',
      ariaHidden: 'true',
    }),
    // The selected part of a bar is outlined, so it stands apart from the faded rest by more
    // than a shade of the same colour.
    Plot.barX(hitSegments(layout), {
      x1: 'x1',
      x2: 'x2',
      y: 'theme',
      fill: (d: ThemeSegment) => palette.modality[d.modality],
      stroke: palette.ink,
      strokeWidth: 1,
      insetTop: barInsetTop,
      className: 'theme-hit',
      ariaHidden: 'true',
    }),
    // Selected themes get an outline, so the selection does not rest on the fading alone.
    Plot.barX(
      rows.filter((r) => r.selected),
      {
        x1: 0,
        x2: 'total',
        y: 'theme',
        fill: 'none',
        stroke: palette.ink,
        strokeWidth: 2,
        insetTop: barInsetTop - 1,
        insetBottom: -1,
        insetLeft: -1,
        insetRight: -1,
        className: 'theme-selected',
        ariaHidden: 'true',
      },
    ),
    Plot.text(rows, {
      x: 'total',
      y: 'theme',
      text: 'valueLabel',
      dx: VALUE_GAP,
      dy: valueShift(layout),
      textAnchor: 'start',
      fill: palette.ink,
      fontSize,
      fontVariant: 'tabular-nums',
      ariaHidden: 'true',
    }),
  ];
}

/** The theme names: left of the bars, or above them in the compact layout. */
function themeLabelMark(frame: ThemeOverviewFrame, palette: Palette): Plot.Markish {
  const { rows, fontSize } = frame;
  const labelOf = new Map(rows.map((r) => [r.theme, r.label]));
  return frame.compact
    ? Plot.text(rows, {
        y: 'theme',
        text: 'label',
        frameAnchor: 'left',
        textAnchor: 'start',
        lineAnchor: 'top',
        dy: -(rows[0]?.step ?? 0) * (1 - frame.paddingInner) * 0.5,
        fill: palette.ink,
        fontSize,
        ariaHidden: 'true',
      })
    : Plot.axisY({
        anchor: 'left',
        color: palette.ink,
        fontSize,
        tickSize: 0,
        tickPadding: 6,
        tickFormat: (id: ThemeId) => labelOf.get(id) ?? id,
        lineWidth: (frame.marginLeft - 8) / (fontSize * 1.0),
        label: null,
        ariaHidden: 'true',
      });
}

const segmentFill = (d: ThemeSegment, palette: Palette) =>
  d.dimmed ? fade(palette.modality[d.modality], palette) : palette.modality[d.modality];

/** A rect of the selection's marks, in the chart's SVG coordinates. */
export interface MarkRect {
  /** `theme/modality` for segments, the theme for outlines. */
  key: string;
  theme: ThemeId;
  modality: ModalityId | null;
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string;
}

/** A value label: its text and where it starts, before the shift all labels share. */
export interface MarkLabel {
  theme: ThemeId;
  text: string;
  x: number;
  y: number;
}

/** The marks a selection changes, placed as Plot places them on the chart's scales. */
export interface ThemeOverviewMarks {
  bars: MarkRect[];
  hits: MarkRect[];
  outlines: MarkRect[];
  labels: MarkLabel[];
  /** The shift of every value label: the gap after the bar, half a band and Plot's offset. */
  labelDx: number;
  labelDy: number;
}

/** The insets of a rect from its band and its x extent, as Plot's bar takes them. */
interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/**
 * What the selection's marks are placed with at one right margin: the scales of `selectionMarks`
 * (x linear from the left margin to the right one, y the base's bands), and the rects no
 * selection changes but for their colour, each segment in full colour and faded and each
 * theme's outline. A selection then only picks among them and places its highlighted parts.
 */
export interface ThemeOverviewGeometry {
  palette: Palette;
  /** Plot's x scale: from 0..xMax to the margins. */
  x: (value: number) => number;
  /** A rect for `theme` from x1 to x2 down its band, each side moved in by its inset. */
  rect: (
    key: string,
    theme: ThemeId,
    modality: ModalityId | null,
    x1: number,
    x2: number,
    fill: string,
    inset: Insets,
  ) => MarkRect;
  /** The insets of a segment (and of its highlighted part). */
  barInsets: Insets;
  /** Every segment in Plot's data order (rows in order, then modalities). */
  segments: { plain: MarkRect; faded: MarkRect }[];
  /** Each theme's outline, for when it is selected. */
  outlines: Map<ThemeId, MarkRect>;
  /** Where each row's band starts, and its value label's x. */
  bandOf: Map<ThemeId, number>;
  labelX: Map<ThemeId, number>;
  /** The shift of the value labels below the start of the band (before Plot's offset). */
  labelDy: number;
}

export function themeOverviewGeometry(
  base: ThemeOverviewBase,
  marginRight: number,
  palette: Palette,
): ThemeOverviewGeometry {
  // Plot's linear x scale from 0..xMax to the margins, as d3 computes it: the same numbers.
  const [x0, x1] = [base.marginLeft, base.width - marginRight];
  const x = (value: number) => {
    const t = value / base.xMax;
    return x0 * (1 - t) + x1 * t;
  };
  const band = base.bandwidth;
  const bandOf = new Map(base.rows.map((r) => [r.theme, r.band]));
  const rect: ThemeOverviewGeometry['rect'] = (key, theme, modality, from, to, fill, inset) => {
    const [left, right] = [x(from), x(to)];
    return {
      key,
      theme,
      modality,
      x: Math.min(left, right) + inset.left,
      y: bandOf.get(theme)! + inset.top,
      width: Math.max(0, Math.abs(right - left) - inset.left - inset.right),
      height: Math.max(0, band - inset.top - inset.bottom),
      fill,
    };
  };
  const top = barInset(base);
  const barInsets = { top, right: 0, bottom: 0, left: 0 };
  const outline = { top: top - 1, right: -1, bottom: -1, left: -1 };
  const segment = (s: BaseSegment, fill: string) =>
    rect(`${s.theme}/${s.modality}`, s.theme, s.modality, s.x1, s.x2, fill, barInsets);
  return {
    palette,
    x,
    rect,
    barInsets,
    segments: base.rows.flatMap((r) =>
      r.segments.map((s) => ({
        plain: segment(s, palette.modality[s.modality]),
        faded: segment(s, fade(palette.modality[s.modality], palette)),
      })),
    ),
    outlines: new Map(
      base.rows.map((r) => [r.theme, rect(r.theme, r.theme, null, 0, r.total, 'none', outline)]),
    ),
    bandOf,
    labelX: new Map(base.rows.map((r) => [r.theme, x(r.total)])),
    labelDy: valueShift(base) + band / 2,
  };
}

/**
 * The marks `selectionMarks` has Plot draw, placed as Plot places them (`geometry` holds the
 * scales and insets), so they can be drawn over the frame and updated in place. `layout` is
 * the geometry's base with a selection applied; `offset` is the crisp-edge offset Plot gives
 * its text marks on this screen (`crispOffset`). With the marks drawn before, every mark that
 * did not change is that same object (and a list with no change that same list), so a keyed
 * list touches only what changed.
 */
export function themeOverviewMarks(
  geometry: ThemeOverviewGeometry,
  layout: ThemeOverviewLayout,
  offset = 0,
  previous?: ThemeOverviewMarks,
): ThemeOverviewMarks {
  const { palette, rect, barInsets } = geometry;
  // In the order of Plot's data (`barSegments`, `hitSegments`).
  const bars: MarkRect[] = [];
  const hits: MarkRect[] = [];
  const outlines: MarkRect[] = [];
  const labels: MarkLabel[] = [];
  let k = 0;
  for (const row of layout.rows) {
    for (const s of row.segments) {
      const drawn = geometry.segments[k++];
      bars.push(s.dimmed ? drawn.faded : drawn.plain);
    }
    for (const s of row.hits) {
      const key = `${s.theme}/${s.modality}`;
      hits.push(
        rect(key, s.theme, s.modality, s.x1, s.x2, palette.modality[s.modality], barInsets),
      );
    }
    if (row.selected) outlines.push(geometry.outlines.get(row.theme)!);
    labels.push({
      theme: row.theme,
      text: row.valueLabel,
      x: geometry.labelX.get(row.theme)!,
      y: geometry.bandOf.get(row.theme)!,
    });
  }
  return {
    bars: reuse(previous?.bars, bars, sameRect),
    hits: reuse(previous?.hits, hits, sameRect),
    outlines: reuse(previous?.outlines, outlines, sameRect),
    labels: reuse(previous?.labels, labels, sameLabel),
    labelDx: offset + VALUE_GAP,
    labelDy: offset + geometry.labelDy,
  };
}

/** `next`, with each item equal to the previous one at its place replaced by that one; the
 * previous list itself when no item changed. */
function reuse<T>(previous: readonly T[] | undefined, next: T[], same: (a: T, b: T) => boolean) {
  if (!previous) return next;
  let unchanged = previous.length === next.length;
  for (let i = 0; i < next.length; i++) {
    if (i < previous.length && same(previous[i], next[i])) next[i] = previous[i];
    else unchanged = false;
  }
  return unchanged ? (previous as T[]) : next;
}

const sameRect = (a: MarkRect, b: MarkRect) =>
  a.key === b.key &&
  a.x === b.x &&
  a.y === b.y &&
  a.width === b.width &&
  a.height === b.height &&
  a.fill === b.fill;

const sameLabel = (a: MarkLabel, b: MarkLabel) =>
  a.theme === b.theme && a.text === b.text && a.x === b.x && a.y === b.y;

/**
 * The crisp-edge offset Plot applies on this screen (0.5 px on a 1x screen and in jsdom, 0 on
 * a high-DPI one), read off the grid of an SVG it drew.
 */
export function crispOffset(svg: Element): number {
  const grid = svg.querySelector('g[aria-label="x-grid"]');
  const m = /^translate\(([-\d.e]+),/.exec(grid?.getAttribute('transform') ?? '');
  return m ? Number(m[1]) : 0;
}

/** The data of the bar mark, in the order Plot binds as each rect's datum index. */
export const barSegments = (layout: ThemeOverviewLayout): ThemeSegment[] =>
  layout.rows.flatMap((r) => r.segments);
/** The data of the highlighted-part mark, in the same sense. */
export const hitSegments = (layout: ThemeOverviewLayout): ThemeSegment[] =>
  layout.rows.flatMap((r) => r.hits);

/** One sentence that says what the bars show, for <desc> and aria-description. */
export function themeOverviewSummary(
  layout: Pick<ThemeOverviewFrame, 'measure' | 'rows' | 'absent' | 'merged'>,
  codebook: Codebook,
): string {
  const what = layout.measure === 'sentences' ? 'sentences' : `share of ${wordsOf(layout)}`;
  const bars = layout.rows
    .map((r) => `${r.label} ${formatValue(layout.measure, r.total)}`)
    .join(', ');
  const absent = layout.absent.length
    ? ` Absent: ${layout.absent.map((a) => a.label).join(', ')}.`
    : '';
  const modalities = codebook.modalities.map((m) => m.label.toLowerCase()).join(', ');
  return `Themes by ${what}, largest first, each bar split by modality (${modalities}): ${bars}.${absent}`;
}

/** The legend as an exported file draws it: the modalities, and the fading when a selection is
 * shown (a lighter colour that keeps 3:1, as the chart draws faded segments). */
export function themeOverviewLegend(
  layout: Pick<ThemeOverviewLayout, 'hasHighlight'>,
  codebook: Codebook,
  palette: Palette,
): LegendSpec {
  const entries: LegendSpec['entries'] = codebook.modalities.map((m) => ({
    label: m.label,
    kind: 'swatch',
    color: palette.modality[m.id],
  }));
  if (layout.hasHighlight) {
    entries.push({
      label: 'faded: outside the selection',
      kind: 'swatch',
      color: fade(palette.muted, palette),
    });
  }
  return { title: 'Modality', entries };
}

/** The words a screen reader hears for a row: "Readmission & return: 3 sentences (demand 3)". */
export function rowDescription(
  row: Pick<ThemeRow, 'label' | 'sentences' | 'share'> & {
    segments: readonly Pick<ThemeSegment, 'modality' | 'sentences'>[];
  },
  measure: Measure,
  codebook: Codebook,
): string {
  const parts = row.segments
    .map((s) => `${label(codebook, 'modalities', s.modality).toLowerCase()} ${s.sentences}`)
    .join(', ');
  const count = `${row.sentences} sentence${row.sentences === 1 ? '' : 's'}`;
  const head =
    measure === 'sentences' ? count : `${formatValue('words', row.share)} of the words, ${count}`;
  return `${row.label}: ${head} (${parts})`;
}

/**
 * Makes Plot's SVG stand alone: explicit ink instead of currentColor, a role, a <title> and
 * a <desc>. Works on any document (browser or jsdom).
 */
export function finishSvg(
  svg: SVGSVGElement,
  { title, description, palette }: { title: string; description: string; palette: Palette },
): SVGSVGElement {
  const doc = svg.ownerDocument;
  for (const el of [
    svg,
    ...svg.querySelectorAll('[fill="currentColor"], [stroke="currentColor"]'),
  ]) {
    if (el.getAttribute('fill') === 'currentColor') el.setAttribute('fill', palette.ink);
    if (el.getAttribute('stroke') === 'currentColor') el.setAttribute('stroke', palette.ink);
  }
  svg.setAttribute('role', 'img');
  const titleEl = doc.createElementNS('http://www.w3.org/2000/svg', 'title');
  titleEl.textContent = title;
  const descEl = doc.createElementNS('http://www.w3.org/2000/svg', 'desc');
  descEl.textContent = description;
  svg.prepend(titleEl, descEl);
  return svg;
}
