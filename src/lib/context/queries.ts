import type { DateReference, StatementDocument } from '../data/types.ts';
import {
  VERDICTS,
  VERDICT_LABELS,
  type GcmContext,
  type GcmEvent,
  type OutcomeEntry,
  type OutcomeMap,
  type Verdict,
} from './types.ts';

/**
 * Pure questions about the GCM context and the outcome map: phases, which events the
 * statement's dates point at, what each objective answers, verdict counts. Nothing here adds a
 * fact: phases are read from the label of the event that set them, dates from the dataset.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const DAY_MS = 86_400_000;

/** Milliseconds (UTC) of a YYYY-MM-DD day, or of the first day of a YYYY-MM month. */
export function dayValue(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, (m ?? 1) - 1, d ?? 1);
}

const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The last day of a YYYY-MM month, as YYYY-MM-DD. */
function lastDayOf(year: number, month: number): string {
  return isoOf(Date.UTC(year, month, 0));
}

/** "19 Sep 2016" (a day) or "Sep 2016" (a month). */
export function formatDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return d ? `${d} ${MONTHS[m - 1]} ${y}` : `${MONTHS[m - 1]} ${y}`;
}

/** "8–9 May 2017", "29 Nov – 2 Dec 2017", "19 Sep 2016". */
export function formatSpan(start: string, end: string | null): string {
  if (!end || end === start) return formatDay(start);
  const [y0, m0, d0] = start.split('-').map(Number);
  const [y1, m1, d1] = end.split('-').map(Number);
  if (y0 === y1 && m0 === m1) return `${d0}–${d1} ${MONTHS[m1 - 1]} ${y1}`;
  if (y0 === y1) return `${d0} ${MONTHS[m0 - 1]} – ${d1} ${MONTHS[m1 - 1]} ${y1}`;
  return `${formatDay(start)} – ${formatDay(end)}`;
}

/** Whole months: "Apr–Nov 2017", "Nov 2017 – Jan 2018" (for phases, which have no days). */
export function formatMonths(start: string, end: string): string {
  const [y0, m0] = start.split('-').map(Number);
  const [y1, m1] = end.split('-').map(Number);
  if (y0 === y1)
    return m0 === m1 ? `${MONTHS[m1 - 1]} ${y1}` : `${MONTHS[m0 - 1]}–${MONTHS[m1 - 1]} ${y1}`;
  return `${MONTHS[m0 - 1]} ${y0} – ${MONTHS[m1 - 1]} ${y1}`;
}

/** One phase of the process, as the event that set it names it. */
export interface Phase {
  key: string;
  /** "Consultations". */
  name: string;
  /** The words of the event's label it was read from: "consultations (Apr–Nov 2017)". */
  quote: string;
  /** First and last day of its months. */
  start: string;
  end: string;
  /** The event whose label names it: its sources are the phase's sources. */
  event: GcmEvent;
}

const PHASE =
  /(?:^|[:;,]\s*)([a-z][a-z ]*?)\s*\(([A-Z][a-z]{2})(?: (\d{4}))?–([A-Z][a-z]{2}) (\d{4})\)/g;

/**
 * The phases the context's events announce, in time order: "consultations (Apr–Nov 2017)" in
 * the label of the modalities resolution becomes a phase from 1 April to 30 November 2017.
 */
export function processPhases(context: GcmContext): Phase[] {
  const phases: Phase[] = [];
  for (const event of context.events) {
    for (const m of event.label.matchAll(PHASE)) {
      const [quote, words, fromMonth, fromYear, toMonth, toYear] = m;
      const m0 = MONTHS.indexOf(fromMonth);
      const m1 = MONTHS.indexOf(toMonth);
      if (m0 < 0 || m1 < 0) continue;
      const y1 = Number(toYear);
      const y0 = fromYear ? Number(fromYear) : y1;
      const name = words.trim();
      phases.push({
        key: name.replace(/\s+/g, '-'),
        name: name[0].toUpperCase() + name.slice(1),
        quote: quote.replace(/^[:;,]\s*/, ''),
        start: isoOf(Date.UTC(y0, m0, 1)),
        end: lastDayOf(y1, m1 + 1),
        event,
      });
    }
  }
  return phases.sort((a, b) => a.start.localeCompare(b.start));
}

/**
 * When the statement may have been submitted: NOT a verified date. The phases before the
 * negotiations, when States' inputs were gathered; null when the context names no such phase.
 */
export function submissionWindow(
  phases: Phase[],
): { start: string; end: string; phases: Phase[] } | null {
  const negotiations = phases.findIndex((p) => /negotiation/i.test(p.name));
  const before = negotiations < 0 ? [] : phases.slice(0, negotiations);
  if (before.length === 0) return null;
  return { start: before[0].start, end: before[before.length - 1].end, phases: before };
}

/** The "Not verified …" part of the context's `about`, or null. */
export function notVerified(context: GcmContext): string | null {
  const at = context.about.search(/Not verified/i);
  return at < 0 ? null : context.about.slice(at).trim();
}

/** Whether `event` falls on (or spans) the date of a reference (a day or a month). */
export function eventOnDate(event: GcmEvent, date: string): boolean {
  const from = dayValue(event.start);
  const to = dayValue(event.end ?? event.start);
  if (/^\d{4}-\d{2}$/.test(date)) {
    const [y, m] = date.split('-').map(Number);
    return from <= dayValue(lastDayOf(y, m)) && to >= dayValue(date);
  }
  const day = dayValue(date);
  return from <= day && day <= to;
}

/** A dated reference of the statement and the events (by index) on that date. */
export interface DateLink {
  reference: DateReference;
  events: number[];
}

export function dateLinks(doc: StatementDocument, context: GcmContext): DateLink[] {
  return doc.dateReferences.map((reference) => ({
    reference,
    events: context.events.flatMap((e, i) => (eventOnDate(e, reference.date) ? [i] : [])),
  }));
}

// ---- The outcome map ------------------------------------------------------------------------

/**
 * What an entry points at, as keys: an objective's number ("21") or a provision's id
 * ("non_binding"). The same key is the selection's `objective` value.
 */
export function entryTargets(entry: OutcomeEntry): string[] {
  return [...entry.objectives.map(String), ...entry.provisions];
}

export const isObjectiveKey = (key: string) => /^\d+$/.test(key);

/** The entries that point at `key`, in reading order. */
export function entriesFor(map: OutcomeMap, key: string): OutcomeEntry[] {
  return map.entries.filter((e) => entryTargets(e).includes(key));
}

/** "Objective 21" or "para 15(b)". */
export function targetName(context: GcmContext, key: string): string {
  if (isObjectiveKey(key)) return `Objective ${key}`;
  const provision = context.provisions.find((p) => p.id === key);
  return provision ? `para ${provision.paragraph}` : key;
}

/** The objective's title or the provision's summary. */
export function targetTitle(context: GcmContext, key: string): string {
  if (isObjectiveKey(key)) return context.objectives[Number(key) - 1]?.title ?? '';
  return context.provisions.find((p) => p.id === key)?.summary ?? '';
}

/** Where the context sources it. */
export function targetSource(context: GcmContext, key: string): string {
  if (isObjectiveKey(key)) return context.objectives[Number(key) - 1]?.source ?? '';
  return context.provisions.find((p) => p.id === key)?.source ?? '';
}

export function verdictCounts(entries: readonly OutcomeEntry[]): Record<Verdict, number> {
  const counts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  for (const e of entries) counts[e.verdict]++;
  return counts;
}

/** "7 taken up, 9 partly, 4 not taken up, 1 contradicted" (verdicts with none left out). */
export function verdictList(entries: readonly OutcomeEntry[]): string {
  const counts = verdictCounts(entries);
  return VERDICTS.filter((v) => counts[v] > 0)
    .map((v) => `${counts[v]} ${VERDICT_LABELS[v]}`)
    .join(', ');
}

/** The one-line summary: "21 demands and rejections: 7 taken up, 9 partly, …". */
export function verdictSummary(map: OutcomeMap, doc: StatementDocument): string {
  const modality = new Map(doc.sentences.map((s) => [s.id, s.modality.modality]));
  const demands = map.entries.filter((e) => modality.get(e.sentence) === 'demand').length;
  const rejections = map.entries.filter((e) => modality.get(e.sentence) === 'rejection').length;
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return (
    `${plural(map.entries.length, 'demand or rejection', 'demands and rejections')} ` +
    `(${plural(demands, 'demand', 'demands')}, ${plural(rejections, 'rejection', 'rejections')}): ` +
    `${verdictList(map.entries)}.`
  );
}
