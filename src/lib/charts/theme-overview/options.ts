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
import { label } from '../../data/queries.ts';
import { fade, fontFamily, palettes, type Palette, type Scheme } from '../palette.ts';
import type { LegendSpec } from '../types.ts';
import type { TableSpec } from '../../ui/table.ts';

/**
 * The theme overview as numbers (`themeOverviewLayout`) and as Plot options
 * (`themeOverviewOptions`). Both are pure, so the chart renders the same in the browser, in
 * jsdom and in Node (pass a jsdom `document`).
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

export function themeOverviewLayout({
  doc,
  codebook,
  measure,
  highlightThemes,
  highlight = null,
  width,
}: Omit<ThemeOverviewParams, 'scheme' | 'document'>): ThemeOverviewLayout {
  const totalWords = doc.counts.words || 1;
  const themeIds = codebook.themes.map((t) => t.id).filter((id) => THEME_IDS.includes(id));
  const totals = new Map(doc.aggregates.themeTotals.map((t) => [t.theme, t]));
  const measureOf = (sentences: number, words: number) =>
    measure === 'sentences' ? sentences : (words / totalWords) * 100;

  const hitCounts = new Map<string, { sentences: number; words: number }>();
  let hitSentencesByTheme = new Map<ThemeId, number>();
  if (highlight) {
    hitSentencesByTheme = new Map();
    for (const s of doc.sentences) {
      if (!highlight.has(s.id)) continue;
      for (const coding of s.themes) {
        const key = `${coding.theme}\u0000${s.modality.modality}`;
        const hit = hitCounts.get(key) ?? { sentences: 0, words: 0 };
        hit.sentences += 1;
        hit.words += s.words;
        hitCounts.set(key, hit);
        hitSentencesByTheme.set(coding.theme, (hitSentencesByTheme.get(coding.theme) ?? 0) + 1);
      }
    }
  }
  const themeSelected = highlightThemes.length > 0;

  const occurring = themeIds.filter((id) => (totals.get(id)?.sentences ?? 0) > 0);
  const absent = themeIds
    .filter((id) => (totals.get(id)?.sentences ?? 0) === 0)
    .map((theme) => ({ theme, label: label(codebook, 'themes', theme) }));

  const valueLabel = (total: number, hitTotal: number) =>
    highlight
      ? `${formatValue(measure, round(hitTotal, 1))} of ${formatValue(measure, total)}`
      : formatValue(measure, total);

  const unsorted = occurring.map((theme) => {
    const total = totals.get(theme)!;
    const selected = highlightThemes.includes(theme);
    let x = 0;
    let hitTotal = 0;
    const segments: ThemeSegment[] = [];
    const hits: ThemeSegment[] = [];
    for (const modality of MODALITY_IDS) {
      const cell = doc.aggregates.modalityByTheme.find(
        (m) => m.theme === theme && m.modality === modality,
      );
      if (!cell || cell.sentences === 0) continue;
      const value = round(measureOf(cell.sentences, cell.words));
      const hit = highlight ? hitCounts.get(`${theme}\u0000${modality}`) : undefined;
      const dimmed = highlight ? true : themeSelected && !selected;
      segments.push({
        theme,
        modality,
        sentences: cell.sentences,
        words: cell.words,
        value,
        x1: x,
        x2: round(x + value),
        dimmed,
      });
      if (hit) {
        const hitValue = round(measureOf(hit.sentences, hit.words));
        hits.push({
          theme,
          modality,
          sentences: hit.sentences,
          words: hit.words,
          value: hitValue,
          x1: x,
          x2: round(x + hitValue),
          dimmed: false,
        });
        hitTotal += hitValue;
      }
      x = round(x + value);
    }
    const barTotal = round(measureOf(total.sentences, total.words));
    return {
      theme,
      label: label(codebook, 'themes', theme),
      sentences: total.sentences,
      words: total.words,
      share: round((total.words / totalWords) * 100),
      total: barTotal,
      segments,
      hits,
      hitSentences: hitSentencesByTheme.get(theme) ?? 0,
      hitTotal: round(hitTotal),
      valueLabel: valueLabel(barTotal, hitTotal),
      selected,
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
  const longestValue = Math.max(0, ...unsorted.map((r) => r.valueLabel.length));
  const marginRight = Math.ceil(longestValue * CHAR_EM * fontSize) + 12;
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
  const rows: ThemeRow[] = unsorted.map((r) => ({
    ...r,
    top: round((y(r.theme) ?? 0) - (rowStep * paddingInner) / 2, 2),
    step: round(rowStep, 2),
  }));

  const max = Math.max(0, ...rows.map((r) => r.total));
  const xMax = max > 0 ? scaleLinear().domain([0, max]).nice().domain()[1] : 1;
  const innerWidth = Math.max(1, width - marginLeft - marginRight);
  const tickCount = Math.max(2, Math.floor(innerWidth / 70));
  const ticks = linearTicks(0, xMax, tickCount).filter(
    (t) => measure === 'words' || Number.isInteger(t),
  );

  return {
    measure,
    rows,
    absent,
    width,
    height,
    marginTop,
    marginRight,
    marginBottom,
    marginLeft,
    compact,
    labelBand,
    paddingInner,
    paddingOuter,
    xMax,
    ticks,
    hasHighlight: highlight !== null && highlight !== undefined,
    fontSize,
  };
}

/** The Plot options for the theme overview: bars stacked by modality, one row per theme. */
export function themeOverviewOptions(params: ThemeOverviewParams): Plot.PlotOptions {
  const layout = themeOverviewLayout(params);
  return optionsFromLayout(layout, params.codebook, palettes[params.scheme], params.document);
}

export function optionsFromLayout(
  layout: ThemeOverviewLayout,
  codebook: Codebook,
  palette: Palette,
  document?: Document,
): Plot.PlotOptions {
  const { rows, measure, compact, fontSize } = layout;
  const segments = barSegments(layout);
  const hits = hitSegments(layout);
  const selectedRows = rows.filter((r) => r.selected);
  const labelOf = new Map(rows.map((r) => [r.theme, r.label]));
  // In the compact layout the bar sits under its label line.
  const barInsetTop = compact ? layout.labelBand : 0;
  const valueDy = compact ? layout.labelBand / 2 : 0;

  const marks: Plot.Markish[] = [
    Plot.gridX(layout.ticks, {
      stroke: palette.grid,
      strokeOpacity: 1,
      ariaHidden: 'true',
    }),
    Plot.axisX(layout.ticks, {
      anchor: 'bottom',
      color: palette.muted,
      fontSize,
      tickFormat: (d: number) => (measure === 'sentences' ? String(d) : `${d}%`),
      label:
        measure === 'sentences' ? 'Sentences with the theme' : "Share of the statement's words (%)",
      labelAnchor: 'left',
      labelArrow: 'right',
      labelOffset: 32,
      ariaHidden: 'true',
    }),
    Plot.barX(segments, {
      x1: 'x1',
      x2: 'x2',
      y: 'theme',
      // Faded by colour, not opacity: a faded segment keeps 3:1 against the background.
      fill: (d: ThemeSegment) =>
        d.dimmed ? fade(palette.modality[d.modality], palette) : palette.modality[d.modality],
      stroke: palette.background,
      strokeWidth: 1,
      insetTop: barInsetTop,
      className: 'theme-bar',
      ariaHidden: 'true',
    }),
    // The selected part of a bar is outlined, so it stands apart from the faded rest by more
    // than a shade of the same colour.
    Plot.barX(hits, {
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
    Plot.barX(selectedRows, {
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
    }),
    Plot.text(rows, {
      x: 'total',
      y: 'theme',
      text: 'valueLabel',
      dx: 5,
      dy: valueDy,
      textAnchor: 'start',
      fill: palette.ink,
      fontSize,
      fontVariant: 'tabular-nums',
      ariaHidden: 'true',
    }),
    compact
      ? Plot.text(rows, {
          y: 'theme',
          text: 'label',
          frameAnchor: 'left',
          textAnchor: 'start',
          lineAnchor: 'top',
          dy: -(rows[0]?.step ?? 0) * (1 - layout.paddingInner) * 0.5,
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
          lineWidth: (layout.marginLeft - 8) / (fontSize * 1.0),
          label: null,
          ariaHidden: 'true',
        }),
  ];

  return {
    document,
    width: layout.width,
    height: layout.height,
    marginTop: layout.marginTop,
    marginRight: layout.marginRight,
    marginBottom: layout.marginBottom,
    marginLeft: layout.marginLeft,
    style: {
      fontFamily,
      fontSize: `${fontSize}px`,
      color: palette.ink,
      background: palette.background,
    },
    ariaLabel: 'Bar chart: sentences per theme, split by modality',
    ariaDescription: themeOverviewSummary(layout, codebook),
    x: { domain: [0, layout.xMax] },
    // Every fill is a colour from the palette: no colour scale, and no default scheme to load.
    color: { type: 'identity' },
    y: {
      type: 'band',
      domain: rows.map((r) => r.theme),
      range: [layout.marginTop, layout.height - layout.marginBottom],
      paddingInner: layout.paddingInner,
      paddingOuter: layout.paddingOuter,
      align: 0.5,
      round: false,
      axis: null,
    },
    marks,
  };
}

/** The data of the bar mark, in the order Plot binds as each rect's datum index. */
export const barSegments = (layout: ThemeOverviewLayout): ThemeSegment[] =>
  layout.rows.flatMap((r) => r.segments);
/** The data of the highlighted-part mark, in the same sense. */
export const hitSegments = (layout: ThemeOverviewLayout): ThemeSegment[] =>
  layout.rows.flatMap((r) => r.hits);

/** One sentence that says what the bars show, for <desc> and aria-description. */
export function themeOverviewSummary(layout: ThemeOverviewLayout, codebook: Codebook): string {
  const what = layout.measure === 'sentences' ? 'sentences' : "share of the statement's words";
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
export function rowDescription(row: ThemeRow, measure: Measure, codebook: Codebook): string {
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

/** The "Show as table" alternative: every codebook theme (absent ones last, at 0), with its
 * sentences, words, share of words and sentences per modality. */
export function themeOverviewTable(layout: ThemeOverviewLayout, codebook: Codebook): TableSpec {
  const none: ThemeSegment[] = [];
  const absent = layout.absent.map((a) => ({
    ...a,
    sentences: 0,
    words: 0,
    share: 0,
    segments: none,
  }));
  return {
    caption: 'Sentences and words per theme, by modality (sentences)',
    columns: [
      { label: 'Theme' },
      ...['Sentences', 'Words', 'Share of words', ...codebook.modalities.map((m) => m.label)].map(
        (label) => ({ label, numeric: true }),
      ),
    ],
    rowHeader: true,
    rows: [...layout.rows, ...absent].map((row) => ({
      key: row.theme,
      cells: [
        row.label,
        row.sentences,
        row.words,
        formatValue('words', row.share),
        ...codebook.modalities.map(
          (m) => row.segments.find((s) => s.modality === m.id)?.sentences ?? 0,
        ),
      ],
    })),
  };
}
