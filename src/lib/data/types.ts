/**
 * The dataset the pipeline writes to `data/dataset.json` and the app reads.
 * `data/dataset.schema.json` documents every field; keep the two in step
 * (a test validates the committed dataset against the schema).
 *
 * Offsets are UTF-16 code-unit indices into the document's `text` (JavaScript string
 * indices), end exclusive: `document.text.slice(unit.start, unit.end) === unit.text`.
 */

export const SCHEMA_VERSION = 1;

export const THEME_IDS = [
  'control',
  'readmission',
  'regular_pathways',
  'integration',
  'humanitarian',
  'security',
  'root_causes',
  'sovereignty',
  'non_binding',
  'responsibility',
  'cooperation',
  'process',
] as const;
export type ThemeId = (typeof THEME_IDS)[number];

export const MODALITY_IDS = ['demand', 'rejection', 'attribution', 'position', 'assessment'] as const;
export type ModalityId = (typeof MODALITY_IDS)[number];

export const ACTOR_IDS = [
  'russia',
  'western_states',
  'mena_states',
  'origin_states',
  'receiving_states',
  'migrants',
  'refugees',
  'foreign_terrorists',
  'hate_instigators',
  'non_state_actors',
  'international_community',
] as const;
export type ActorId = (typeof ACTOR_IDS)[number];

export const RELATION_IDS = [
  'caused',
  'must_bear_responsibility',
  'contributes',
  'exempt_from',
  'poses_risk',
  'limited_to',
  'beneficiary_of',
] as const;
export type RelationId = (typeof RELATION_IDS)[number];

export interface CodebookEntry<Id extends string> {
  id: Id;
  label: string;
  description: string;
}

export interface Codebook {
  version: string;
  themes: CodebookEntry<ThemeId>[];
  modalities: CodebookEntry<ModalityId>[];
  actors: CodebookEntry<ActorId>[];
  relations: CodebookEntry<RelationId>[];
}

export interface Span {
  start: number;
  end: number;
}

export interface TextUnit extends Span {
  id: string;
  order: number;
  parent: string;
  text: string;
}

export interface Paragraph extends TextUnit {
  /** 1-based number of the paragraph as a reader counts them. */
  number: number;
  /** `list` when the paragraph carries a bullet list after its lead-in sentence. */
  kind: 'prose' | 'list';
}

export interface ListItem extends TextUnit {
  /** Offsets of the bullet marker ("-", "•", "*") that opens the item. */
  marker: Span;
}

export interface Evidence extends Span {
  text: string;
  /** Id of the dictionary rule that matched. */
  rule: string;
}

export interface ThemeCoding {
  theme: ThemeId;
  evidence: Evidence[];
}

export interface ModalityCoding {
  modality: ModalityId;
  /** The cue that decided it; null when no cue matched and the default applies. */
  cue: Evidence | null;
  /** How it was decided: a cue in the sentence, the list's lead-in, or the default. */
  basis: 'cue' | 'lead-in' | 'default';
}

export interface Sentence extends TextUnit {
  /** The paragraph the sentence belongs to (equals `parent` unless it sits in a list item). */
  paragraph: string;
  /** The list item that holds the sentence, or null. */
  listItem: string | null;
  words: number;
  /** `*emphasis*` spans, markers included. */
  emphasis: Span[];
  themes: ThemeCoding[];
  modality: ModalityCoding;
}

export interface Attribution {
  id: string;
  sentence: string;
  actor: ActorId;
  relation: RelationId;
  /** What the actor is blamed for, asked to bear, exempted from, credited with. */
  target: string;
  quote: string;
  start: number;
  end: number;
  rationale: string;
  /** `curated` comes from an analyst's annotations file; `suggested` from the rules. */
  source: 'curated' | 'suggested';
}

export interface DateReference extends Span {
  text: string;
  /** ISO 8601 date (YYYY-MM-DD) or month (YYYY-MM). */
  date: string;
  sentence: string;
}

export interface ThemeTotal {
  theme: ThemeId;
  sentences: number;
  words: number;
}

export interface CoOccurrence {
  a: ThemeId;
  b: ThemeId;
  sentences: number;
}

export interface ParagraphThemes {
  paragraph: string;
  theme: ThemeId;
  sentences: number;
}

export interface ModalityByTheme {
  theme: ThemeId;
  modality: ModalityId;
  sentences: number;
  words: number;
}

export interface AttributionLink {
  actor: ActorId;
  relation: RelationId;
  target: string;
  attributions: string[];
}

export interface Aggregates {
  themeTotals: ThemeTotal[];
  coOccurrence: CoOccurrence[];
  themesByParagraph: ParagraphThemes[];
  modalityByTheme: ModalityByTheme[];
  attributionLinks: AttributionLink[];
}

export interface DocumentCounts {
  characters: number;
  words: number;
  paragraphs: number;
  listItems: number;
  sentences: number;
  themeCodings: number;
  attributions: number;
  dateReferences: number;
}

export interface StatementDocument {
  id: string;
  /** The title line as written, or null when the text has none. */
  title: (Span & { text: string }) | null;
  /** A display name: the title, or the source file's name when there is no title. */
  name: string;
  /** Who speaks; `actor` is null when the speaker is not one of the codebook's actors. */
  speaker: { actor: ActorId | null; name: string };
  source: { file: string; sha256: string };
  codebookVersion: string;
  counts: DocumentCounts;
  text: string;
  paragraphs: Paragraph[];
  listItems: ListItem[];
  sentences: Sentence[];
  attributions: Attribution[];
  dateReferences: DateReference[];
  aggregates: Aggregates;
}

export interface Dataset {
  schemaVersion: number;
  codebook: Codebook;
  documents: StatementDocument[];
  /** Only on a dataset read from a corpus (never in a file): the documents loaded, or checked,
   * so far are in `documents`, the index names them all and loads or checks the others. */
  index?: DocumentIndex;
}

/** One document of a split corpus: its id, its name, and its dataset file, relative to the
 * index. */
export interface CorpusEntry {
  id: string;
  name: string;
  file: string;
}

/**
 * A corpus split into files (`npm run corpus -- --split`): this index, and one dataset file of
 * one document each. The dashboard loads the index and only the documents it shows.
 */
export interface CorpusIndex {
  schemaVersion: number;
  corpus: CorpusEntry[];
  /** A dataset file of every document, in the index's order, relative to the index: "All
   * documents" loads it in one request instead of one per document. */
  all?: string;
}

/** A loaded corpus index: every document's id and name, and a way to load more of them. */
export interface DocumentIndex {
  entries: readonly { id: string; name: string }[];
  /**
   * Loads document `id` (`all`: every document; null or an id the index does not name: the
   * first) and answers with a dataset of every document loaded so far, in the index's order.
   */
  load(id: string | null): Promise<{ ok: true; dataset: Dataset } | { ok: false; error: string }>;
}
