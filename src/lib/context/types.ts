/**
 * The GCM context (`data/gcm-context.json`, verified public facts about the process, each with
 * its source) and the outcome map (`data/gcm-outcomes.json`, curated by hand: what the compact
 * made of each demand and rejection of a statement). `schema.ts` documents every field; the
 * pipeline and the app check both files against it and against the dataset (`validate.ts`).
 */

/** Kinds of event, in the order the process timeline draws their rows. */
export const EVENT_KINDS = [
  'milestone',
  'consultation',
  'negotiation',
  'draft',
  'withdrawal',
  'review',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export interface GcmEvent {
  /** ISO 8601 date (YYYY-MM-DD). */
  start: string;
  /** Last day, for events of more than one day; null for a one-day event. */
  end: string | null;
  label: string;
  /** UN document symbol (A/RES/73/195), or null. */
  document: string | null;
  kind: EventKind;
  /** Public sources (URLs), at least one. */
  sources: string[];
}

export interface GcmObjective {
  number: number;
  title: string;
  /** Where the compact states it ("A/RES/73/195, annex, para 16"). */
  source: string;
}

export interface GcmProvision {
  id: string;
  /** Paragraph of the compact: "15(b)", "11". */
  paragraph: string;
  summary: string;
  source: string;
}

export interface GcmContext {
  /** What the file is, and what is NOT verified (never shown as fact). */
  about: string;
  events: GcmEvent[];
  objectives: GcmObjective[];
  provisions: GcmProvision[];
}

/** How far the compact took up a demand or a rejection, from most to least. */
export const VERDICTS = ['taken_up', 'partly', 'not_taken_up', 'contradicted'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const VERDICT_LABELS: Record<Verdict, string> = {
  taken_up: 'taken up',
  partly: 'partly',
  not_taken_up: 'not taken up',
  contradicted: 'contradicted',
};

/** One demand or rejection of the statement and what the compact made of it. */
export interface OutcomeEntry {
  /** Sentence id in the dataset (s11). */
  sentence: string;
  /** Words that must occur in that sentence's text: a segmentation change is caught. */
  quote: string;
  /** GCM objectives (1–23) that answer it. */
  objectives: number[];
  /** Provisions of the context (`non_binding`, `review_forum`, …) that answer it. */
  provisions: string[];
  verdict: Verdict;
  /** One line that cites the objective or paragraph of the compact. */
  rationale: string;
  /** Sources of the objectives and provisions cited, as the context names them. */
  sources: string[];
}

export interface OutcomeMap {
  about: string;
  /** The dataset document the entries belong to. */
  document: string;
  entries: OutcomeEntry[];
}

/** Both files, checked against each other (and, in the views, against the document). */
export interface ContextData {
  context: GcmContext;
  outcomes: OutcomeMap;
}

/** What the views get: the files once loaded and checked, or why they could not be. */
export type ContextLoad = ({ ok: true } & ContextData) | { ok: false; error: string };
