import { scaleBand, scaleLinear } from 'd3-scale';
import type { Codebook, ModalityId, StatementDocument, ThemeId } from '../../data/types.ts';
import { fade, type Palette } from '../palette.ts';
import type { LegendSpec } from '../types.ts';
import { isMerged, type MergedDocument, type PartTheme } from '../../data/queries.ts';
import { moveInRows, type FocusMove, type FocusTarget } from '../focus.ts';

/**
 * Geometry of the topic timeline: the statement from its first to its last sentence along x,
 * each sentence a segment as long as its words (so paragraphs are proportional and the reader
 * sees where the weight of the text lies), one row per codebook theme, one mark per
 * (sentence, theme) coding. Pure numbers: the component only places them.
 *
 * A corpus of documents with more sentences than the width can tell apart (under
 * `MIN_SENTENCE_WIDTH` pixels a sentence) is drawn by document, with `byDocument` (by-document.ts,
 * which loads with the code that merges documents); without it, sentence by sentence.
 */

export interface SentenceSpan {
  id: string;
  order: number;
  /** Word position in the text where the sentence starts and ends. */
  wordStart: number;
  wordEnd: number;
  x0: number;
  x1: number;
}

export interface TimelineMark {
  /** Stable key, also the focus key: `m:<sentence>:<theme>`. */
  key: string;
  sentence: string;
  order: number;
  theme: ThemeId;
  row: number;
  modality: ModalityId;
  paragraph: number;
  /** 1-based number of the list item within its paragraph, or null. */
  listItem: number | null;
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Drawn by document: the document's first and last sentence, its sentences coded with the
   * theme, and what the mark says to a screen reader. */
  part?: PartTheme & { first: number; last: number; label: string };
}

export interface TimelineRow {
  theme: ThemeId;
  label: string;
  index: number;
  /** Top of the row's slot and its height. */
  y: number;
  height: number;
  /** Where the marks sit inside the slot. */
  markY: number;
  markHeight: number;
  labelX: number;
  labelY: number;
  labelAnchor: 'start' | 'end';
  /** Sentences coded with the theme. */
  marks: number;
  absent: boolean;
}

export interface ParagraphBand {
  /** Focus key: `p:<paragraph>`. */
  key: string;
  id: string;
  number: number;
  kind: 'prose' | 'list';
  x: number;
  width: number;
  firstOrder: number;
  lastOrder: number;
  /** "¶4", or "4" when the band is too narrow for the pilcrow. */
  label: string;
  /** Drawn by document: what the band says to a screen reader. */
  describe?: string;
  labelX: number;
  labelY: number;
}

export interface ListItemTick {
  id: string;
  paragraph: number;
  number: number;
  x: number;
  width: number;
  cx: number;
  y: number;
}

export interface AxisTick {
  value: number;
  x: number;
  label: string;
}

export interface TimelineLayout {
  width: number;
  height: number;
  /** Labels sit above the rows instead of left of them. */
  compact: boolean;
  plot: { left: number; right: number; top: number; bottom: number };
  /** Top of the paragraph bands (they reach up over the paragraph numbers). */
  bandTop: number;
  rows: TimelineRow[];
  /** The marks drawn: `codings`, or one per (document, theme) when drawn by document. */
  marks: TimelineMark[];
  /** One per (sentence, theme) coding. */
  codings: TimelineMark[];
  /** Drawn by document: how (the bands are documents, not paragraphs); else null. */
  byDocument: ByDocument | null;
  paragraphs: ParagraphBand[];
  listItems: ListItemTick[];
  sentences: SentenceSpan[];
  ticks: AxisTick[];
  axisY: number;
  axisTitle: { x: number; y: number; text: string };
  totalWords: number;
}

/** Below this width the row labels move above their rows. */
export const COMPACT_WIDTH = 560;
const LABEL_COLUMN = 176;
const FONT_WIDTH = 6.4; // rough advance of an 11 px system-ui glyph

const textWidth = (text: string) => text.length * FONT_WIDTH;

/** Narrower than this on average, the sentences of a corpus are drawn by document. */
export const MIN_SENTENCE_WIDTH = 2;

/** A corpus drawn by document (by-document.ts): its bands and marks, and the words for them. */
export interface ByDocument {
  bands(
    doc: MergedDocument,
    sentences: SentenceSpan[],
    textWidth: (text: string) => number,
  ): ParagraphBand[];
  marks(
    doc: MergedDocument,
    bands: ParagraphBand[],
    rows: TimelineRow[],
    codebook: Codebook,
  ): TimelineMark[];
  /** "Document", the top row's name; how the marks read; the legend's title; the axis title. */
  unit: string;
  reads: string;
  legend: string;
  axis: string;
}

export function timelineLayout(
  doc: StatementDocument,
  codebook: Codebook,
  width: number,
  byDocument?: ByDocument | null,
): TimelineLayout {
  const compact = width < COMPACT_WIDTH;
  const marginRight = 12;
  const left = compact ? 8 : LABEL_COLUMN;
  const right = Math.max(left + 40, width - marginRight);

  // Word positions: each sentence runs from the words before it to those plus its own.
  let cursor = 0;
  const positions = doc.sentences.map((s) => {
    const wordStart = cursor;
    cursor += Math.max(1, s.words);
    return { s, wordStart, wordEnd: cursor };
  });
  const totalWords = Math.max(1, cursor);
  const x = scaleLinear().domain([0, totalWords]).range([left, right]);

  const sentences: SentenceSpan[] = positions.map(({ s, wordStart, wordEnd }) => ({
    id: s.id,
    order: s.order,
    wordStart,
    wordEnd,
    x0: x(wordStart),
    x1: x(wordEnd),
  }));
  const spanOf = new Map(sentences.map((span) => [span.id, span]));

  const drawn =
    byDocument &&
    isMerged(doc) &&
    doc.parts.length > 1 &&
    sentences.length * MIN_SENTENCE_WIDTH > right - left
      ? { by: byDocument, doc }
      : null;

  // Paragraph numbers: "¶n" when it fits, otherwise "n"; a label that would overlap the one
  // before it drops to a second line. (Drawn by document: a band per document instead.)
  const lineHeight = 13;
  const paragraphLabelTop = 12;
  const paragraphs: ParagraphBand[] = drawn ? drawn.by.bands(drawn.doc, sentences, textWidth) : [];
  let lineEnds = [-Infinity, -Infinity];
  for (const p of drawn ? [] : doc.paragraphs) {
    const own = sentences.filter((_, i) => doc.sentences[i].paragraph === p.id);
    if (own.length === 0) continue;
    const x0 = own[0].x0;
    const x1 = own[own.length - 1].x1;
    const bandWidth = x1 - x0;
    const label = textWidth(`¶${p.number}`) <= bandWidth - 2 ? `¶${p.number}` : `${p.number}`;
    const labelX = x0 + bandWidth / 2;
    const half = textWidth(label) / 2;
    const line = labelX - half >= lineEnds[0] + 2 ? 0 : 1;
    lineEnds = line === 0 ? [labelX + half, lineEnds[1]] : [lineEnds[0], labelX + half];
    paragraphs.push({
      key: `p:${p.id}`,
      id: p.id,
      number: p.number,
      kind: p.kind,
      x: x0,
      width: bandWidth,
      firstOrder: Math.min(...own.map((s) => s.order)),
      lastOrder: Math.max(...own.map((s) => s.order)),
      label,
      labelX,
      labelY: paragraphLabelTop + line * lineHeight,
    });
  }
  const labelLines = paragraphs.some((p) => p.labelY > paragraphLabelTop) ? 2 : 1;

  const paragraphNumber = new Map(doc.paragraphs.map((p) => [p.id, p.number]));
  const hasItems = !drawn && doc.listItems.length > 0;
  const listY = paragraphLabelTop + (labelLines - 1) * lineHeight + 10;
  const listItems: ListItemTick[] = [];
  const itemNumber = new Map<string, number>();
  for (const item of hasItems ? doc.listItems : []) {
    const siblings = doc.listItems.filter((i) => i.parent === item.parent);
    const number = siblings.indexOf(item) + 1;
    itemNumber.set(item.id, number);
    const own = doc.sentences.filter((s) => s.listItem === item.id).map((s) => spanOf.get(s.id)!);
    if (own.length === 0) continue;
    const x0 = own[0].x0;
    const x1 = own[own.length - 1].x1;
    listItems.push({
      id: item.id,
      paragraph: paragraphNumber.get(item.parent) ?? 0,
      number,
      x: x0,
      width: x1 - x0,
      cx: (x0 + x1) / 2,
      y: listY,
    });
  }

  const top = (hasItems ? listY : listY - 10) + 10;
  const rowStep = compact ? 32 : 22;
  const themes = codebook.themes;
  const bottom = top + rowStep * themes.length;
  const y = scaleBand<ThemeId>()
    .domain(themes.map((t) => t.id))
    .range([top, bottom]);

  const markHeight = 14;
  const rowIndex = new Map(themes.map((t, i) => [t.id, i]));
  const rows: TimelineRow[] = themes.map((t, index) => {
    const slot = y(t.id)!;
    const markY = compact ? slot + rowStep - markHeight - 3 : slot + (rowStep - markHeight) / 2;
    return {
      theme: t.id,
      label: t.label,
      index,
      y: slot,
      height: y.bandwidth(),
      markY,
      markHeight,
      labelX: compact ? left : left - 8,
      labelY: compact ? markY - 3 : markY + markHeight / 2 + 4,
      labelAnchor: compact ? 'start' : 'end',
      marks: 0,
      absent: true,
    };
  });

  const codings: TimelineMark[] = [];
  for (const s of doc.sentences) {
    const span = spanOf.get(s.id)!;
    // A hair of space between neighbours, so adjacent sentences stay two marks.
    const inset = span.x1 - span.x0 > 3 ? 0.5 : 0;
    const markX = span.x0 + inset;
    const markWidth = Math.max(1, span.x1 - span.x0 - 2 * inset);
    for (const coding of s.themes) {
      const index = rowIndex.get(coding.theme);
      if (index === undefined) continue;
      const row = rows[index];
      row.marks++;
      row.absent = false;
      codings.push({
        key: `m:${s.id}:${coding.theme}`,
        sentence: s.id,
        order: s.order,
        theme: coding.theme,
        row: index,
        modality: s.modality.modality,
        paragraph: paragraphNumber.get(s.paragraph) ?? 0,
        listItem: s.listItem ? (itemNumber.get(s.listItem) ?? null) : null,
        text: s.text,
        x: markX,
        y: row.markY,
        width: markWidth,
        height: row.markHeight,
      });
    }
  }

  const axisY = bottom + 4;
  const tickCount = Math.max(2, Math.floor((right - left) / 90));
  const ticks: AxisTick[] = x.ticks(tickCount).map((value) => ({
    value,
    x: x(value),
    label: String(value),
  }));

  return {
    width,
    height: axisY + 38,
    compact,
    plot: { left, right, top, bottom },
    bandTop: 0,
    rows,
    marks: drawn ? drawn.by.marks(drawn.doc, paragraphs, rows, codebook) : codings,
    codings,
    byDocument: drawn?.by ?? null,
    paragraphs,
    listItems,
    sentences,
    ticks,
    axisY,
    axisTitle: {
      x: left,
      y: axisY + 32,
      text:
        drawn?.by.axis ??
        (isMerged(doc) ? 'Words into the statements →' : 'Words into the statement →'),
    },
    totalWords,
  };
}

/** First and last sentence `order` whose segment overlaps [xa, xb], or null when none does. */
export function sentencesInInterval(
  layout: Pick<TimelineLayout, 'sentences'>,
  xa: number,
  xb: number,
): [number, number] | null {
  const lo = Math.min(xa, xb);
  const hi = Math.max(xa, xb);
  const hit = layout.sentences.filter((s) => s.x1 > lo && s.x0 < hi).map((s) => s.order);
  return hit.length ? [Math.min(...hit), Math.max(...hit)] : null;
}

/** The text cut at a word boundary near `max` characters, with an ellipsis when cut. */
export function truncate(text: string, max = 80): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

/** Keyboard targets by row: the paragraph bands first (row -1), then each theme's marks. */
function focusRows(layout: Pick<TimelineLayout, 'rows' | 'marks' | 'paragraphs'>) {
  const rows: FocusTarget[][] = [
    layout.paragraphs.map((p) => ({ key: p.key, cx: p.x + p.width / 2 })),
  ];
  for (const row of layout.rows) {
    rows.push(
      layout.marks
        .filter((m) => m.row === row.index)
        .map((m) => ({ key: m.key, cx: m.x + m.width / 2 }))
        .sort((a, b) => a.cx - b.cx),
    );
  }
  return rows;
}

/** The x centre of a keyboard target, or null when the key is unknown. */
export function focusCenter(
  layout: Pick<TimelineLayout, 'rows' | 'marks' | 'paragraphs'>,
  key: string,
): number | null {
  for (const row of focusRows(layout)) {
    const target = row.find((t) => t.key === key);
    if (target) return target.cx;
  }
  return null;
}

/**
 * Where the focus goes from `key` on an arrow, Home or End: `moveInRows` over the paragraph
 * bands and each theme's marks (`goalX` keeps a run of Up/Down to one column); a key that is
 * not there goes to the first mark.
 */
export function moveFocus(
  layout: Pick<TimelineLayout, 'rows' | 'marks' | 'paragraphs'>,
  key: string,
  move: FocusMove,
  goalX?: number | null,
): string {
  // A theme with no mark has an empty row: Up and Down pass over it.
  const rows = focusRows(layout).filter((row) => row.length > 0);
  if (!rows.some((row) => row.some((t) => t.key === key))) return defaultFocus(layout) ?? key;
  return moveInRows(rows, key, move, goalX);
}

/** The first mark in reading order, or the first paragraph when nothing is coded. */
export function defaultFocus(layout: Pick<TimelineLayout, 'marks' | 'paragraphs'>): string | null {
  return layout.marks[0]?.key ?? layout.paragraphs[0]?.key ?? null;
}

/** The legend as an exported file draws it: mark colour by modality, and the fading of marks
 * outside a selection (a lighter colour that keeps 3:1, as the chart draws them). */
export function timelineLegend(
  codebook: Codebook,
  palette: Palette,
  faded: boolean,
  title = "Mark colour: the sentence's modality",
): LegendSpec {
  const entries: LegendSpec['entries'] = codebook.modalities.map((m) => ({
    label: m.label,
    kind: 'swatch',
    color: palette.modality[m.id],
    stroke: palette.ink,
  }));
  if (faded) {
    entries.push({
      label: 'faded: outside the selection',
      kind: 'swatch',
      color: fade(palette.muted, palette),
    });
  }
  return { title, entries };
}

/** What the timeline shows and where the weight lies: the themes with the most marks. */
export function timelineSummary(
  doc: StatementDocument,
  codebook: Codebook,
  layout: Pick<TimelineLayout, 'rows' | 'codings' | 'paragraphs' | 'totalWords' | 'byDocument'>,
): string {
  const busiest = [...layout.rows]
    .filter((r) => r.marks > 0)
    .sort((a, b) => b.marks - a.marks || a.index - b.index)
    .slice(0, 3)
    .map((r) => `${r.label} ${r.marks}`)
    .join(', ');
  const absent = layout.rows.filter((r) => r.absent).map((r) => r.label);
  const by = layout.byDocument;
  return (
    `“${doc.name}” from its first to its last sentence (${doc.counts.sentences} sentences, ` +
    `${layout.totalWords} words, ${layout.paragraphs.length} ${by ? 'documents' : 'paragraphs'}); ` +
    `one row per theme (${codebook.themes.length}), ${layout.codings.length} ` +
    (by
      ? `sentences coded with a theme, ${by.reads}. Most sentences`
      : 'marks, one per sentence coded with a theme, as wide as the sentence and coloured by its modality. Most marks') +
    `: ${busiest || 'none'}.` +
    (absent.length ? ` Absent: ${absent.join(', ')}.` : '')
  );
}
