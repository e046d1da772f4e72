import { scaleLinear } from 'd3-scale';
import type { StatementDocument } from '../../data/types.ts';
import { isMerged } from '../../data/queries.ts';
import {
  DAY_MS,
  dateLinks,
  dayValue,
  formatDay,
  formatMonths,
  formatSpan,
  notVerified,
  processPhases,
  submissionWindow,
  type Phase,
} from '../../context/queries.ts';
import {
  EVENT_KINDS,
  type EventKind,
  type GcmContext,
  type GcmEvent,
} from '../../context/types.ts';
import { fade, type Palette } from '../palette.ts';
import type { LegendSpec } from '../types.ts';
import { sourceLinks } from '../sources.ts';
import type { TableSpec } from '../../ui/table.ts';
import type { FocusTarget } from '../focus.ts';

/**
 * Geometry of the process timeline: the GCM process from the New York Declaration to the first
 * review forum along a time axis (broken where nothing happens for years), the phases as bands,
 * one row per kind of event, and a row for the statement: its dated references, each linked to
 * the events of that date, and the band of when it may have been submitted (not verified).
 * Pure numbers: the component only places them.
 */

export const KIND_LABELS: Record<EventKind, string> = {
  milestone: 'Milestones',
  consultation: 'Thematic sessions',
  negotiation: 'Negotiation rounds',
  draft: 'Drafts',
  withdrawal: 'Withdrawal',
  review: 'Review',
};

/** One kind of event in words, for a single event ("a negotiation round"). */
export const KIND_SINGULAR: Record<EventKind, string> = {
  milestone: 'milestone',
  consultation: 'thematic session',
  negotiation: 'negotiation round',
  draft: 'draft',
  withdrawal: 'withdrawal',
  review: 'review',
};

/** Mark colour per kind of event, from the palette (every one 3:1 or more on its background). */
export function kindColor(kind: EventKind, palette: Palette): string {
  const colors: Record<EventKind, string> = {
    milestone: palette.ink,
    consultation: palette.modality.position,
    negotiation: palette.modality.demand,
    draft: palette.modality.assessment,
    withdrawal: palette.modality.rejection,
    review: palette.modality.attribution,
  };
  return colors[kind];
}

export interface Lane {
  id: EventKind | 'phases' | 'statement';
  label: string;
  /** Top of the lane and its height. */
  y: number;
  height: number;
  labelX: number;
  labelY: number;
  labelAnchor: 'start' | 'end';
}

export interface PhaseBand {
  key: string;
  phase: Phase;
  x: number;
  width: number;
  y: number;
  height: number;
  /** The name when it fits inside the band, else "". */
  text: string;
}

export interface EventMark {
  key: string;
  index: number;
  event: GcmEvent;
  lane: number;
  /** A one-day event is a diamond, a longer one a bar as long as its days. */
  shape: 'diamond' | 'bar';
  x: number;
  width: number;
  cx: number;
  y: number;
  height: number;
  cy: number;
  /** Sentences of the statement that cite its date, in reading order. */
  sentences: string[];
}

export interface EventLabel {
  key: string;
  text: string;
  x: number;
  y: number;
  anchor: 'start' | 'end';
  /** A thin line from a label on an upper line down to its mark, or null. */
  leader: { y1: number; y2: number } | null;
}

export interface ReferenceMark {
  key: string;
  sentence: string;
  order: number;
  text: string;
  date: string;
  /** Indices of the events on that date. */
  events: number[];
  cx: number;
  cy: number;
  r: number;
}

export interface Connector {
  key: string;
  reference: string;
  event: string;
  /** From the event (x1, y1) down to the reference (x2, y2). */
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface WindowBand {
  key: 'window';
  start: string;
  end: string;
  phases: Phase[];
  x: number;
  width: number;
  y: number;
  height: number;
  text: string;
}

export interface Tick {
  x: number;
  label: string;
  major: boolean;
}

export interface ProcessLayout {
  width: number;
  height: number;
  compact: boolean;
  /** Several statements at once: the words speak of them all. */
  merged: boolean;
  plot: { left: number; right: number; top: number; bottom: number };
  lanes: Lane[];
  phases: PhaseBand[];
  events: EventMark[];
  labels: EventLabel[];
  references: ReferenceMark[];
  /** Text beside the references of one date: "sentences 1 and 9". */
  referenceLabels: { key: string; text: string; x: number; y: number }[];
  connectors: Connector[];
  window: WindowBand | null;
  ticks: Tick[];
  axisY: number;
  /** Where the axis is broken (years with no event), or null. */
  axisBreak: { x0: number; x1: number } | null;
  axisTitle: { x: number; y: number; text: string };
  /** Keyboard order: rows of keys, top to bottom, each left to right. */
  focusRows: FocusTarget[][];
}

/** What the source line adds to the statement's for this view. */
export const PROCESS_SOURCE =
  'Events and phases: data/gcm-context.json, each with its public source.';

/** Below this width the lane labels move above their lanes. */
export const COMPACT_WIDTH = 560;
const LABEL_COLUMN = 132;
const FONT = 11;
/** A generous estimate of the width of `text` at `size` px (system sans-serif). */
export const estimateWidth = (text: string, size = FONT) => text.length * size * 0.58;

/** A gap between two events longer than this breaks the axis. */
const BREAK_AFTER_DAYS = 730;
const PAD_DAYS = 40;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The label's first clause, cut at a word boundary near `max` characters. */
export function shortLabel(label: string, max: number): string {
  const head = label.split(/[:;(]| – /)[0].replace(/[\s,]+$/, '');
  if (head.length <= max) return head;
  const cut = head.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.5 ? cut.slice(0, space) : cut).replace(/[\s,;:–-]+$/, '')}…`;
}

/** Sentence numbers in words: "sentence 1", "sentences 1 and 9", "sentences 1, 4 and 9". */
export function sentenceList(orders: number[]): string {
  if (orders.length === 1) return `sentence ${orders[0]}`;
  return `sentences ${orders.slice(0, -1).join(', ')} and ${orders[orders.length - 1]}`;
}

export function processLayout(
  doc: StatementDocument,
  context: GcmContext,
  width: number,
): ProcessLayout {
  const compact = width < COMPACT_WIDTH;
  const left = compact ? 8 : LABEL_COLUMN;
  const right = Math.max(left + 120, width - 14);
  const order = new Map(doc.sentences.map((s) => [s.id, s.order]));

  // ---- Time: one segment, or two when years pass with no event ------------------------------
  const links = dateLinks(doc, context);
  const days = [
    ...context.events.flatMap((e) => [dayValue(e.start), dayValue(e.end ?? e.start)]),
    ...doc.dateReferences.map((r) => dayValue(r.date)),
  ].sort((a, b) => a - b);
  const first = days[0] - PAD_DAYS * DAY_MS;
  const last = days[days.length - 1] + PAD_DAYS * DAY_MS;
  let gap: [number, number] | null = null;
  for (let i = 1; i < days.length; i++) {
    const span = days[i] - days[i - 1];
    if (span > BREAK_AFTER_DAYS * DAY_MS && (!gap || span > gap[1] - gap[0]))
      gap = [days[i - 1], days[i]];
  }
  const breakWidth = 18;
  let domain: number[];
  let range: number[];
  let axisBreak: ProcessLayout['axisBreak'] = null;
  if (gap) {
    const mainEnd = gap[0] + PAD_DAYS * DAY_MS;
    const tailStart = gap[1] - PAD_DAYS * DAY_MS;
    const total = mainEnd - first + (last - tailStart);
    const tailWidth = Math.max(
      compact ? 44 : 64,
      ((right - left - breakWidth) * (last - tailStart)) / total,
    );
    const mainRight = right - tailWidth - breakWidth;
    domain = [first, mainEnd, tailStart, last];
    range = [left, mainRight, mainRight + breakWidth, right];
    axisBreak = { x0: mainRight, x1: mainRight + breakWidth };
  } else {
    domain = [first, last];
    range = [left, right];
  }
  // Milliseconds (UTC) to pixels: a linear scale in pieces (no calendar code is needed).
  const x = scaleLinear().domain(domain).range(range);
  const xOf = (iso: string) => x(dayValue(iso));
  /** Just past the last day of an event, so a one-week round is a week wide. */
  const xAfter = (iso: string) => x(dayValue(iso) + DAY_MS);

  // ---- Rows ------------------------------------------------------------------------------
  const lanes: Lane[] = [];
  let y = 0;
  const laneLabelHeight = compact ? 14 : 0;
  const addLane = (id: Lane['id'], label: string, height: number): Lane => {
    y += laneLabelHeight;
    const lane: Lane = {
      id,
      label,
      y,
      height,
      labelX: compact ? left : left - 10,
      labelY: compact ? y - 3 : y + height / 2 + 4,
      labelAnchor: compact ? 'start' : 'end',
    };
    lanes.push(lane);
    y += height;
    return lane;
  };

  // Phases: overlapping phases go on lines of their own.
  const phaseList = processPhases(context);
  const phaseLines: number[] = [];
  const phaseLine = phaseList.map((p) => {
    const x0 = xOf(p.start);
    let line = phaseLines.findIndex((end) => end <= x0);
    if (line < 0) line = phaseLines.length;
    phaseLines[line] = xAfter(p.end);
    return line;
  });
  const phaseLineHeight = 18;
  let phases: PhaseBand[] = [];
  if (phaseList.length) {
    const lane = addLane('phases', 'Phases', Math.max(1, phaseLines.length) * phaseLineHeight + 4);
    phases = phaseList.map((phase, i) => {
      const x0 = xOf(phase.start);
      const bandWidth = Math.max(4, xAfter(phase.end) - x0);
      const fits = (t: string) => estimateWidth(t, 10) <= bandWidth - 6;
      const lastWord = phase.name.split(' ').pop()!;
      const short = lastWord[0].toUpperCase() + lastWord.slice(1);
      const text = fits(phase.name) ? phase.name : fits(short) ? short : '';
      return {
        key: `phase:${i}`,
        phase,
        x: x0,
        width: bandWidth,
        y: lane.y + 2 + phaseLine[i] * phaseLineHeight,
        height: phaseLineHeight - 3,
        text,
      };
    });
  }

  // Event lanes, in a fixed order of kinds; milestones carry their labels above them.
  const kinds = EVENT_KINDS.filter((k) => context.events.some((e) => e.kind === k));
  const citing = new Map<number, string[]>();
  for (const link of links) {
    for (const i of link.events) citing.set(i, [...(citing.get(i) ?? []), link.reference.sentence]);
  }
  const labelLineHeight = 13;
  const maxLabelLines = 4;
  const labelChars = compact ? 20 : 30;
  const labels: EventLabel[] = [];
  const events: EventMark[] = [];
  const markHeight = 12;
  for (const kind of kinds) {
    const own = context.events
      .map((event, index) => ({ event, index }))
      .filter(({ event }) => event.kind === kind);
    // Labels first (milestones and the review), greedily on lines that stay clear.
    let labelTop = y + laneLabelHeight;
    if (kind === 'milestone' || kind === 'review') {
      const lineEnds: number[] = [];
      const placed: EventLabel[] = [];
      for (const { event, index } of own) {
        const text = shortLabel(event.label, labelChars);
        const w = estimateWidth(text);
        const cx = (xOf(event.start) + xAfter(event.end ?? event.start)) / 2;
        const anchor: 'start' | 'end' = cx + w > right && cx - w >= left ? 'end' : 'start';
        const x0 = anchor === 'start' ? cx - 3 : cx - w;
        const x1 = anchor === 'start' ? cx + w : cx + 3;
        const line = [0, 1, 2, 3]
          .slice(0, maxLabelLines)
          .find((l) => (lineEnds[l] ?? -Infinity) < x0);
        if (line === undefined) continue;
        lineEnds[line] = x1 + 6;
        placed.push({ key: `event:${index}`, text, x: cx, y: line, anchor, leader: null });
      }
      labelTop += lineEnds.length * labelLineHeight;
      // Line 0 sits right above the marks, the others above it with a leader down.
      const markTop = labelTop + 6;
      for (const label of placed) {
        const at = labelTop - label.y * labelLineHeight - 4;
        labels.push({
          ...label,
          y: at,
          leader: label.y > 0 ? { y1: at + 3, y2: markTop - 1 } : null,
        });
      }
    }
    const laneHeight = labelTop - y - laneLabelHeight + markHeight + 12;
    const lane = addLane(kind, KIND_LABELS[kind], laneHeight);
    const markY = lane.y + lane.height - markHeight - 6;
    // Marks a few days apart would cover each other: each keeps 1 px clear of the one before.
    let clear = -Infinity;
    const byTime = [...own].sort((p, q) => p.event.start.localeCompare(q.event.start));
    for (const { event, index } of byTime) {
      const multi = event.end !== null && event.end !== event.start;
      const days = xAfter(event.end ?? event.start) - xOf(event.start);
      const w = multi ? Math.max(6, days) : markHeight;
      const x0 = Math.max(multi ? xOf(event.start) : xOf(event.start) + days / 2 - w / 2, clear);
      clear = x0 + w + 1;
      const cx = x0 + w / 2;
      events.push({
        key: `event:${index}`,
        index,
        event,
        lane: lanes.length - 1,
        shape: multi ? 'bar' : 'diamond',
        x: x0,
        width: w,
        cx,
        y: markY,
        height: markHeight,
        cy: markY + markHeight / 2,
        sentences: [...new Set(citing.get(index) ?? [])].sort(
          (a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0),
        ),
      });
    }
    // A mark pushed past the end of its stretch of time (the break, or the right edge) pulls
    // the ones before it back.
    const own2 = events.filter((e) => e.lane === lanes.length - 1);
    let limit = Infinity;
    for (let i = own2.length - 1; i >= 0; i--) {
      const m = own2[i];
      const end = axisBreak && dayValue(m.event.start) < domain[2] ? axisBreak.x0 : right;
      const x0 = Math.min(m.x, Math.min(limit, end) - m.width);
      m.cx += x0 - m.x;
      m.x = x0;
      limit = x0 - 1;
    }
  }

  // The statement: its dated references (one line), the unverified window under them.
  const merged = isMerged(doc);
  const statement = addLane('statement', merged ? 'The statements' : 'This statement', 50);
  const refY = statement.y + 12;
  const byDate = new Map<string, typeof links>();
  for (const link of links)
    byDate.set(link.reference.date, [...(byDate.get(link.reference.date) ?? []), link]);
  const references: ReferenceMark[] = [];
  const referenceLabels: ProcessLayout['referenceLabels'] = [];
  for (const [date, group] of byDate) {
    const cx = /^\d{4}-\d{2}$/.test(date)
      ? (xOf(date) + x(dayValue(`${date}-01`) + 30 * DAY_MS)) / 2
      : (xOf(date) + xAfter(date)) / 2;
    const r = 5;
    group.forEach((link, k) => {
      const ref = link.reference;
      references.push({
        key: `ref:${ref.sentence}:${ref.start}`,
        sentence: ref.sentence,
        order: order.get(ref.sentence) ?? 0,
        text: ref.text,
        date,
        events: link.events,
        cx: cx + k * (2 * r + 3),
        cy: refY,
        r,
      });
    });
    const orders = group.map((l) => order.get(l.reference.sentence) ?? 0);
    referenceLabels.push({
      key: date,
      text: `${sentenceList(orders)}: ${formatDay(date)}`,
      x: cx + group.length * (2 * r + 3) + 2,
      y: refY + 4,
    });
  }
  // Many dates (a corpus): from left to right, a label that would run into the one before it,
  // into the dots after it or past the edge is left out; each dot still names its date to a
  // screen reader.
  referenceLabels.sort((a, b) => a.x - b.x);
  const dots = references.map((ref) => ref.cx - ref.r).sort((a, b) => a - b);
  let labelEnd = -Infinity;
  const shownLabels = referenceLabels.filter((label) => {
    const end = label.x + estimateWidth(label.text, 10.5);
    const next = dots.find((x0) => x0 > label.x) ?? Infinity;
    if (label.x < labelEnd + 6 || end > Math.min(next - 4, width)) return false;
    labelEnd = end;
    return true;
  });
  const connectors: Connector[] = [];
  for (const ref of references) {
    for (const i of ref.events) {
      const event = events.find((e) => e.index === i);
      if (!event) continue;
      connectors.push({
        key: `${ref.key}>${event.key}`,
        reference: ref.key,
        event: event.key,
        x1: event.cx,
        y1: event.y + event.height + 1,
        x2: ref.cx,
        y2: ref.cy - ref.r - 1,
      });
    }
  }

  const windowPhases = submissionWindow(phaseList);
  let windowBand: WindowBand | null = null;
  if (windowPhases) {
    const x0 = xOf(windowPhases.start);
    const bandWidth = Math.max(8, xAfter(windowPhases.end) - x0);
    const options = ['Submitted: date not verified', 'Date not verified', 'Not verified'];
    windowBand = {
      key: 'window',
      ...windowPhases,
      x: x0,
      width: bandWidth,
      y: statement.y + 24,
      height: 20,
      text: options.find((t) => estimateWidth(t, 10) <= bandWidth - 8) ?? '',
    };
  }

  // ---- Axis ------------------------------------------------------------------------------
  const bottom = y;
  const axisY = bottom + 6;
  const ticks: Tick[] = [];
  const segments = gap
    ? [
        [domain[0], domain[1]],
        [domain[2], domain[3]],
      ]
    : [[domain[0], domain[1]]];
  segments.forEach(([from, to], s) => {
    const start = new Date(from);
    const pxPerMonth = (x(to) - x(from)) / ((to - from) / (30.4 * DAY_MS));
    // The short segment after the break: a tick a month, its year once.
    const step = s === 1 ? 1 : pxPerMonth * 3 >= 34 ? 3 : pxPerMonth * 6 >= 34 ? 6 : 12;
    let year = start.getUTCFullYear();
    let month = start.getUTCMonth() + 1;
    month = Math.ceil(month / step) * step;
    for (;;) {
      if (month >= 12) {
        year += Math.floor(month / 12);
        month %= 12;
      }
      const at = Date.UTC(year, month, 1);
      if (at > to) break;
      const major = month === 0;
      // Each segment names its year at its first tick; the short one after the break only then.
      const firstOfSegment = !ticks.some((t) => t.x >= range[2 * s]);
      const label =
        s === 1
          ? firstOfSegment
            ? String(year)
            : ''
          : major
            ? String(year)
            : firstOfSegment
              ? `${MONTHS[month]} ${year}`
              : step < 12
                ? MONTHS[month]
                : '';
      ticks.push({ x: x(at), label, major: major || firstOfSegment });
      month += step;
    }
  });

  // ---- Keyboard order --------------------------------------------------------------------
  const focusRows: ProcessLayout['focusRows'] = [];
  if (phases.length) focusRows.push(phases.map((p) => ({ key: p.key, cx: p.x + p.width / 2 })));
  for (let lane = 0; lane < lanes.length; lane++) {
    const row = events.filter((e) => e.lane === lane).map((e) => ({ key: e.key, cx: e.cx }));
    if (row.length) focusRows.push(row.sort((a, b) => a.cx - b.cx));
  }
  const statementRow = [
    ...references.map((r) => ({ key: r.key, cx: r.cx })),
    ...(windowBand ? [{ key: windowBand.key, cx: windowBand.x + windowBand.width / 2 }] : []),
  ].sort((a, b) => a.cx - b.cx);
  if (statementRow.length) focusRows.push(statementRow);

  return {
    width,
    height: axisY + 36,
    compact,
    plot: { left, right, top: 0, bottom },
    lanes,
    phases,
    events,
    labels,
    merged,
    references,
    referenceLabels: shownLabels,
    connectors,
    window: windowBand,
    ticks,
    axisY,
    axisBreak,
    axisTitle: { x: left, y: axisY + 32, text: 'Time →' },
    focusRows,
  };
}

/** "19 Sep 2016, milestone, document A/RES/71/1: <label>. Cited by the statement in sentences
 * 1 and 9." (by "the statements" when several are merged: `merged`). */
export function eventDescription(
  mark: Pick<EventMark, 'event' | 'sentences'>,
  orders: Map<string, number>,
  merged = false,
): string {
  const e = mark.event;
  const cited = mark.sentences.length
    ? ` Cited by ${citedBy(merged)} in ${sentenceList(mark.sentences.map((s) => orders.get(s) ?? 0))}.`
    : '';
  return (
    `${formatSpan(e.start, e.end)}, ${KIND_SINGULAR[e.kind]}${e.document ? `, ${e.document}` : ''}: ` +
    `${e.label}.${cited}`
  );
}

/** What a dot of the statements' lane is, in the legend. */
export const referenceLegend = (merged: boolean) =>
  merged ? "A statement's dated reference" : "The statement's dated reference";

/** The legend as an exported file draws it: kinds of event, phases, the statement's marks. */
export function processLegend(
  kinds: EventKind[],
  palette: Palette,
  hasWindow: boolean,
  faded: boolean,
  merged = false,
): LegendSpec {
  const entries: LegendSpec['entries'] = kinds.map((k) => ({
    label: KIND_LABELS[k],
    kind: 'swatch',
    color: kindColor(k, palette),
  }));
  entries.push({ label: 'Phase', kind: 'swatch', color: palette.grid, stroke: palette.ink });
  entries.push({ label: referenceLegend(merged), kind: 'swatch', color: palette.accent });
  if (hasWindow)
    entries.push({
      label: 'Submitted: date not verified',
      kind: 'line',
      color: palette.muted,
      dash: '4 3',
    });
  if (faded)
    entries.push({
      label: 'faded: outside the selection',
      kind: 'swatch',
      color: fade(palette.accent, palette),
    });
  return { title: 'Mark colour: kind of event', entries };
}

/** Up to this many dates are named one by one in the summaries; more (a corpus) are counted. */
const NAMED_DATES = 4;

/** "The statement cites" or, for several statements, "The statements cite". */
const cites = (merged: boolean) => (merged ? 'The statements cite' : 'The statement cites');

/** Who cites an event: "the statement", or "the statements" when several are merged. */
const citedBy = (merged: boolean) => (merged ? 'the statements' : 'the statement');

/** "When it was submitted is not verified", or "When they were …" for several statements. */
export const unverified = (merged: boolean) =>
  `When ${merged ? 'they were' : 'it was'} submitted is not verified`;

/** The distinct dates the references cite, in the order they come. */
const datesOf = (references: readonly ReferenceMark[]) => [
  ...new Set(references.map((r) => r.date)),
];

/** "7 dates in 12 sentences, from 2 Mar 2016 to 8 Sep 2018": the `dates` of many references. */
function dateCount(dates: readonly string[], references: readonly ReferenceMark[]): string {
  const [first, ...rest] = [...dates].sort();
  const sentences = new Set(references.map((r) => r.sentence)).size;
  return (
    `${dates.length} dates in ${sentences} sentences, from ${formatDay(first)} to ` +
    `${formatDay(rest.at(-1) ?? first)}`
  );
}

/** The one line over the chart: how many events over what time, what the statement cites. */
export function processSummaryLine(
  context: GcmContext,
  layout: Pick<ProcessLayout, 'events' | 'references' | 'merged'>,
): string {
  const first = context.events[0];
  const last = context.events[context.events.length - 1];
  const dates = datesOf(layout.references);
  const cited = !dates.length
    ? `${cites(layout.merged)} no date`
    : dates.length > NAMED_DATES
      ? `${cites(layout.merged)} ${dateCount(dates, layout.references)}, each linked to the event of its date`
      : `${cites(layout.merged)} ${dates
          .map((d) => {
            const refs = layout.references.filter((r) => r.date === d);
            return `${formatDay(d)} (${sentenceList(refs.map((r) => r.order))})`;
          })
          .join(' and ')}, linked to the event of that date`;
  return (
    `${layout.events.length} events from ${formatDay(first.start)} to ` +
    `${formatDay(last.end ?? last.start)}, each with its source. ${cited}. ` +
    `${unverified(layout.merged)}.`
  );
}

/** What the timeline shows, for <desc> and the exported file. */
export function processSummary(
  context: GcmContext,
  layout: Pick<ProcessLayout, 'events' | 'phases' | 'references' | 'window' | 'merged'>,
): string {
  const first = context.events[0];
  const last = context.events[context.events.length - 1];
  const phases = layout.phases.map(
    (p) => `${p.phase.name.toLowerCase()} (${formatMonths(p.phase.start, p.phase.end)})`,
  );
  const { merged, references: refs } = layout;
  const dates = datesOf(refs);
  const linked = [...new Set(refs.flatMap((r) => r.events))].length;
  const cited = !refs.length
    ? `${cites(merged)} no date.`
    : dates.length > NAMED_DATES
      ? `${cites(merged)} ${dateCount(dates, refs)}, linked to ${linked} event(s) of those dates.`
      : `${cites(merged)} ${refs.map((r) => `“${r.text}”`).join(' and ')}, linked to ` +
        `${linked} event(s) of that date.`;
  const window = layout.window
    ? ` ${unverified(merged)}; the band marks the ${layout.window.phases.map((p) => p.name.toLowerCase()).join(' and ')} phases, when States' inputs were gathered.`
    : ` ${unverified(merged)}.`;
  return (
    `The GCM process from ${formatDay(first.start)} to ${formatDay(last.end ?? last.start)}: ` +
    `${layout.events.length} events, each with its source` +
    (phases.length ? `; phases: ${phases.join(', ')}` : '') +
    `. ${cited}${window}`
  );
}

/**
 * The "Show as table" alternative: every event in the context's order, with its kind, the
 * sentences that cite it and its sources; then the phases with the event that set them; then
 * what is not verified about when the statement was submitted.
 */
export function processTable(
  doc: StatementDocument,
  context: GcmContext,
  layout: Pick<ProcessLayout, 'events' | 'phases' | 'window' | 'merged'>,
): TableSpec {
  const orders = new Map(doc.sentences.map((s) => [s.id, s.order]));
  const band = layout.window
    ? `The dashed band marks the ${layout.window.phases.map((p) => p.name.toLowerCase()).join(' and ')} ` +
      `phases, when States' inputs were gathered; it is not a date.`
    : '';
  return {
    caption: 'Events of the GCM process, each with its source',
    columns: [
      { label: 'Date' },
      { label: 'Kind' },
      { label: 'Event', wide: true },
      { label: `Cited by ${citedBy(layout.merged)}` },
      { label: 'Sources', wide: true },
    ],
    rowHeader: true,
    rows: [...layout.events]
      .sort((a, b) => a.index - b.index)
      .map((m) => ({
        key: String(m.index),
        cells: [
          formatSpan(m.event.start, m.event.end),
          KIND_LABELS[m.event.kind],
          `${m.event.label}${m.event.document ? ` (${m.event.document})` : ''}`,
          m.sentences.length ? sentenceList(m.sentences.map((s) => orders.get(s) ?? 0)) : '—',
          sourceLinks(m.event.sources),
        ],
      })),
    more: layout.phases.length
      ? [
          {
            caption: 'Phases, as the event that set them names them',
            columns: [
              { label: 'Phase' },
              { label: 'Months' },
              { label: 'Set by', wide: true },
              { label: 'Source', wide: true },
            ],
            rowHeader: true,
            rows: layout.phases.map(({ key, phase }) => ({
              key,
              cells: [
                phase.name,
                formatMonths(phase.start, phase.end),
                `${phase.event.document ?? phase.event.label}, ${formatDay(phase.event.start)}`,
                sourceLinks(phase.event.sources),
              ],
            })),
          },
        ]
      : [],
    note: {
      lead: 'Submitted: date not verified.',
      text: [band, notVerified(context) ?? ''].filter(Boolean).join(' '),
    },
  };
}
