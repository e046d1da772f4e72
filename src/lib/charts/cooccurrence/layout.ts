import { rgb } from 'd3-color';
import { interpolateHcl, piecewise } from 'd3-interpolate';
import type { Codebook, StatementDocument, ThemeId } from '../../data/types.ts';
import { label } from '../../data/queries.ts';
import { palettes, type Palette, type Scheme } from '../palette.ts';
import type { LegendSpec } from '../types.ts';

/**
 * The co-occurrence matrix as numbers: which cell sits where, how it is shaded and which text
 * colour its number takes. Pure, so it is unit-tested and shared by any renderer.
 */

export interface MatrixCell {
  /** Row and column theme; `a` and `b` put the pair in codebook order (the selection's order). */
  row: ThemeId;
  col: ThemeId;
  a: ThemeId;
  b: ThemeId;
  i: number;
  j: number;
  x: number;
  y: number;
  /** Sentences that carry both themes (on the diagonal: the theme's own sentences). */
  count: number;
  diagonal: boolean;
  fill: string;
  textFill: string;
  /** The cell faded (outside a selection): its shade blended towards the background, and the
   * dimmer ink its number takes there (still 4.5:1). */
  dimFill: string;
  dimTextFill: string;
}

export interface MatrixAxisLabel {
  theme: ThemeId;
  /** The codebook label; `text` may be a shortened form of it on narrow screens. */
  label: string;
  text: string;
}

export interface LegendStep {
  count: number;
  fill: string;
  textFill: string;
  /** Width of its swatch: the count sits on it. */
  width: number;
}

export interface MatrixLayout {
  themes: MatrixAxisLabel[];
  cells: MatrixCell[];
  cellSize: number;
  /** Left edge and top edge of the grid. */
  left: number;
  top: number;
  width: number;
  height: number;
  fontSize: number;
  compact: boolean;
  /** Largest count off the diagonal. */
  maxShared: number;
  legend: LegendStep[];
  diagonalFill: string;
  diagonalText: string;
  emptyFill: string;
}

/** Shading ramp for shared sentences, weak to strong, per scheme (ColorBrewer Blues in light). */
const ramps: Record<Scheme, string[]> = {
  light: ['#deebf7', '#6baed6', '#08519c'],
  dark: ['#1c3a5a', '#3f7fbf', '#a8d4ff'],
};

/** Below this width the axis labels shorten and the type gets smaller. */
export const COMPACT_WIDTH = 520;
const CHAR_EM = 0.56;
const MAX_CELL = 44;
const MIN_CELL = 12;

/** WCAG relative luminance of a CSS colour. */
export function luminance(colour: string): number {
  const { r, g, b } = rgb(colour);
  const channel = (v: number) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The text colour for a number printed on `background`: the scheme's ink or background colour,
 * whichever contrasts more, or pure black or white if neither reaches 4.5:1.
 */
export function textOn(background: string, palette: Palette): string {
  const best = (candidates: string[]) =>
    candidates.reduce((a, b) => (contrast(b, background) > contrast(a, background) ? b : a));
  const themed = best([palette.ink, palette.background]);
  return contrast(themed, background) >= 4.5 ? themed : best(['#000000', '#ffffff']);
}

/**
 * The text colour for a number on a faded cell: the scheme's dimmed text (or muted text) where
 * it keeps 4.5:1 on `background`, else what `textOn` picks. So a faded cell's number recedes
 * with its cell without falling below 4.5:1.
 */
export function fadedTextOn(background: string, palette: Palette): string {
  const muted = [palette.dimText, palette.muted].find((c) => contrast(c, background) >= 4.5);
  return muted ?? textOn(background, palette);
}

/** Short axis labels for narrow screens; the codebook's full labels stay in aria-labels. */
const SHORT_LABELS: Record<ThemeId, string> = {
  control: 'Control',
  readmission: 'Readmission',
  regular_pathways: 'Pathways',
  integration: 'Integration',
  humanitarian: 'Humanitarian',
  security: 'Security',
  root_causes: 'Root causes',
  sovereignty: 'Sovereignty',
  non_binding: 'Non-binding',
  responsibility: 'Responsibility',
  cooperation: 'Cooperation',
  process: 'Process',
};

/** A short form of a theme label: the known short name, else the part before "&", clipped. */
export function shortLabel(theme: ThemeId, full: string): string {
  if (SHORT_LABELS[theme]) return SHORT_LABELS[theme];
  const head = full.split(' & ')[0].trim();
  return head.length <= 14 ? head : `${head.slice(0, 13)}…`;
}

/** `colour` seen at `opacity` over `background`, as an explicit colour (so text can be matched to it). */
export function blend(colour: string, background: string, opacity: number): string {
  const a = rgb(colour);
  const b = rgb(background);
  const mix = (x: number, y: number) => Math.round(x * opacity + y * (1 - opacity));
  return rgb(mix(a.r, b.r), mix(a.g, b.g), mix(a.b, b.b)).formatHex();
}

/** Each scheme's ramp, built once: a matrix asks for a shade for each of its 144 cells. */
const rampOf = new Map<Scheme, (t: number) => string>();

/** Shade for a count of shared sentences, 1..max. */
export function sharedFill(count: number, max: number, scheme: Scheme): string {
  const t = max <= 1 ? 1 : (count - 1) / (max - 1);
  let ramp = rampOf.get(scheme);
  if (!ramp) rampOf.set(scheme, (ramp = piecewise(interpolateHcl, ramps[scheme])));
  return rgb(ramp(Math.max(0, Math.min(1, t)))).formatHex();
}

export function matrixLayout({
  doc,
  codebook,
  scheme,
  width,
}: {
  doc: StatementDocument;
  codebook: Codebook;
  scheme: Scheme;
  width: number;
}): MatrixLayout {
  const palette = palettes[scheme];
  const totals = new Map(doc.aggregates.themeTotals.map((t) => [t.theme, t.sentences]));
  const shared = new Map<string, number>();
  for (const c of doc.aggregates.coOccurrence) {
    shared.set(`${c.a}\u0000${c.b}`, c.sentences);
    shared.set(`${c.b}\u0000${c.a}`, c.sentences);
  }
  const compact = width < COMPACT_WIDTH;
  const fontSize = compact ? 9 : 11;
  const themes: MatrixAxisLabel[] = codebook.themes
    .filter((t) => (totals.get(t.id) ?? 0) > 0)
    .map((t) => {
      const full = label(codebook, 'themes', t.id);
      return { theme: t.id, label: full, text: compact ? shortLabel(t.id, full) : full };
    });
  const n = themes.length;
  const labelWidth = Math.ceil(
    Math.max(0, ...themes.map((t) => t.text.length)) * CHAR_EM * fontSize,
  );
  const left = labelWidth + 8;
  const top = labelWidth + 8;
  const cellSize = Math.max(
    MIN_CELL,
    Math.min(MAX_CELL, Math.floor((width - left - 2) / Math.max(1, n))),
  );
  const maxShared = Math.max(0, ...doc.aggregates.coOccurrence.map((c) => c.sentences));
  const diagonalFill = palette.grid;
  const emptyFill = palette.background;

  // A handful of distinct shades: the colour math of each is done once, not once per cell.
  const inks = new Map<string, { textFill: string; dimFill: string; dimTextFill: string }>();
  const inksOn = (fill: string) => {
    let ink = inks.get(fill);
    if (ink === undefined) {
      const dimFill = blend(fill, palette.background, palette.dim);
      ink = {
        textFill: textOn(fill, palette),
        dimFill,
        dimTextFill: fadedTextOn(dimFill, palette),
      };
      inks.set(fill, ink);
    }
    return ink;
  };

  const cells: MatrixCell[] = [];
  themes.forEach((r, i) =>
    themes.forEach((c, j) => {
      const diagonal = i === j;
      const count = diagonal
        ? (totals.get(r.theme) ?? 0)
        : (shared.get(`${r.theme}\u0000${c.theme}`) ?? 0);
      const fill = diagonal
        ? diagonalFill
        : count > 0
          ? sharedFill(count, maxShared, scheme)
          : emptyFill;
      const [a, b] = i <= j ? [r.theme, c.theme] : [c.theme, r.theme];
      cells.push({
        row: r.theme,
        col: c.theme,
        a,
        b,
        i,
        j,
        x: left + j * cellSize,
        y: top + i * cellSize,
        count,
        diagonal,
        fill,
        ...inksOn(fill),
      });
    }),
  );

  const legend = legendCounts(maxShared).map((count) => {
    const fill = sharedFill(count, maxShared, scheme);
    return { count, fill, textFill: inksOn(fill).textFill, width: swatchWidth(count) };
  });

  return {
    themes,
    cells,
    cellSize,
    left,
    top,
    width: left + n * cellSize + 2,
    height: top + n * cellSize + 2,
    fontSize,
    compact,
    maxShared,
    legend,
    diagonalFill,
    diagonalText: inksOn(diagonalFill).textFill,
    emptyFill,
  };
}

/** A legend swatch is a 20 px square, wider when its count needs it (a digit of 11 px type is
 * about 7 px wide): with a corpus, counts run to three and four digits. */
const swatchWidth = (count: number): number => Math.max(20, String(count).length * 7 + 6);

/** Counts shown in the legend: every count up to 6, else six evenly spread ones. */
export function legendCounts(max: number): number[] {
  if (max <= 0) return [];
  if (max <= 6) return Array.from({ length: max }, (_, k) => k + 1);
  return [...new Set(Array.from({ length: 6 }, (_, k) => Math.round(1 + (k * (max - 1)) / 5)))];
}

/** The legend as an exported file draws it: the shading steps with their counts, and the
 * diagonal. */
export function matrixLegend(
  layout: Pick<MatrixLayout, 'legend' | 'diagonalFill' | 'diagonalText'>,
): LegendSpec {
  return {
    title: 'Sentences with both themes:',
    entries: [
      ...layout.legend.map((step) => ({
        label: '',
        kind: 'swatch' as const,
        color: step.fill,
        swatchText: String(step.count),
        swatchTextColor: step.textFill,
      })),
      {
        label: "Diagonal (grey): the theme's own sentences",
        kind: 'swatch',
        color: layout.diagonalFill,
        swatchText: 'n',
        swatchTextColor: layout.diagonalText,
        bold: true,
      },
    ],
  };
}

/** What the matrix shows and its strongest pairs, for <desc>. */
export function matrixSummary(
  doc: StatementDocument,
  layout: Pick<MatrixLayout, 'themes'>,
): string {
  const labelOf = (theme: ThemeId) => layout.themes.find((t) => t.theme === theme)?.label;
  const strongest = [...doc.aggregates.coOccurrence]
    .sort((x, y) => y.sentences - x.sentences)
    .slice(0, 3)
    .map((c) => `${labelOf(c.a)} and ${labelOf(c.b)} (${c.sentences})`)
    .join(', ');
  return (
    `${layout.themes.length} themes that occur, in codebook order, on both axes. ` +
    `Strongest pairs: ${strongest || 'none'}.`
  );
}
