import type {
  ActorId,
  Attribution,
  Codebook,
  ModalityId,
  RelationId,
  Sentence,
  Span,
  StatementDocument,
  ThemeId,
} from './types.ts';

/** What the analyst has picked; every criterion that is set narrows the sentences. */
export interface Selection {
  themes: ThemeId[];
  actor: ActorId | null;
  relation: RelationId | null;
  /** First and last sentence `order`, inclusive. */
  range: [number, number] | null;
  sentence: string | null;
  /** How several themes combine: `any` (the default) picks sentences with at least one of
   * them, `all` only sentences with every one (a co-occurrence cell). */
  mode?: ThemeMode;
  /** A GCM objective ("21") or provision ("non_binding") picked in the outcome map: a name for
   * `sentences`, the sentences the outcome map says it answers (set together). */
  objective?: string;
  /** Sentence ids, any of them: set with `objective`. */
  sentences?: string[];
}

export type ThemeMode = 'any' | 'all';

export const emptySelection: Selection = { themes: [], actor: null, relation: null, range: null, sentence: null };

export function isEmpty(selection: Selection): boolean {
  return (
    selection.themes.length === 0 &&
    selection.actor === null &&
    selection.relation === null &&
    selection.range === null &&
    selection.sentence === null &&
    !selection.sentences?.length
  );
}

export const hasTheme = (sentence: Sentence, theme: ThemeId) => sentence.themes.some((t) => t.theme === theme);

/** Attributions that match the actor and relation of the selection. */
export function matchingAttributions(doc: StatementDocument, selection: Selection): Attribution[] {
  return doc.attributions.filter(
    (a) =>
      (selection.actor === null || a.actor === selection.actor) &&
      (selection.relation === null || a.relation === selection.relation),
  );
}

/** Ids of the sentences the selection picks, or null when nothing is selected (all count). */
export function selectedSentences(doc: StatementDocument, selection: Selection): Set<string> | null {
  if (isEmpty(selection)) return null;
  const attributed =
    selection.actor || selection.relation
      ? new Set(matchingAttributions(doc, selection).map((a) => a.sentence))
      : null;
  return new Set(
    doc.sentences
      .filter(
        (s) =>
          (selection.themes.length === 0 ||
            (selection.mode === 'all'
              ? selection.themes.every((t) => hasTheme(s, t))
              : selection.themes.some((t) => hasTheme(s, t)))) &&
          (attributed === null || attributed.has(s.id)) &&
          (selection.range === null || (s.order >= selection.range[0] && s.order <= selection.range[1])) &&
          (selection.sentence === null || s.id === selection.sentence) &&
          (!selection.sentences?.length || selection.sentences.includes(s.id)),
      )
      .map((s) => s.id),
  );
}

export function label(codebook: Codebook, kind: 'themes' | 'modalities' | 'actors' | 'relations', id: string): string {
  return (codebook[kind] as { id: string; label: string }[]).find((e) => e.id === id)?.label ?? id;
}

/** "Readmission & return, Migration control · sentences 3–9" */
export function describeSelection(doc: StatementDocument, codebook: Codebook, selection: Selection): string {
  const parts: string[] = [];
  if (selection.themes.length)
    parts.push(
      selection.themes
        .map((t) => label(codebook, 'themes', t))
        .join(selection.mode === 'all' ? ' and ' : ' or '),
    );
  if (selection.actor) parts.push(`actor: ${label(codebook, 'actors', selection.actor)}`);
  if (selection.relation) parts.push(`relation: ${label(codebook, 'relations', selection.relation)}`);
  if (selection.range) parts.push(`sentences ${selection.range[0]}–${selection.range[1]}`);
  if (selection.sentence) {
    const s = doc.sentences.find((x) => x.id === selection.sentence);
    parts.push(`sentence ${s?.order ?? selection.sentence}`);
  }
  if (selection.sentences?.length) {
    const o = selection.objective;
    parts.push(
      o === undefined
        ? `sentences ${selection.sentences.map((id) => doc.sentences.find((x) => x.id === id)?.order ?? id).join(', ')}`
        : /^\d+$/.test(o)
          ? `GCM objective ${o}`
          : `GCM provision “${o.replace(/_/g, ' ')}”`,
    );
  }
  return parts.join(' · ');
}

/** Source line every chart carries; for several documents merged, the documents it spans. */
export function sourceLine(doc: StatementDocument, codebook: Codebook): string {
  if (isMerged(doc)) {
    const names = doc.parts.map((p) => `“${p.name}”`);
    const listed = names.length > 3 ? `${names.slice(0, 2).join(', ')} … ${names.at(-1)}` : names.join(', ');
    return `Source: ${doc.parts.length} statements (${listed}); codebook v${codebook.version}.`;
  }
  return `Source: “${doc.name}” (${doc.source.file}, sha256 ${doc.source.sha256.slice(0, 12)}); codebook v${codebook.version}.`;
}

/*
 * Which document of a dataset the views show. Light on purpose: a dataset of one statement
 * never loads the code that merges several (corpus.ts).
 */

/** The `doc=` value that stands for every document of the dataset. */
export const ALL_DOCUMENTS = 'all';

/** One document inside a merged one. */
export interface DocumentPart extends Span {
  id: string;
  name: string;
  /** Id (in the merged document) of its first paragraph; null when it has none. */
  firstParagraph: string | null;
  /** First and last sentence `order` (in the merged document), inclusive. */
  firstOrder: number;
  lastOrder: number;
  /** Each theme the document's sentences are coded with, in the order it first comes. */
  themes: PartTheme[];
}

/** A document's sentences coded with one theme (merged ids, reading order), and how many of
 * them take each modality, most first (a tie: the one that comes first). */
export interface PartTheme {
  theme: ThemeId;
  sentences: string[];
  modalities: [ModalityId, number][];
}

/** The documents of a dataset as one; `parts` says where each one sits. */
export interface MergedDocument extends StatementDocument {
  parts: DocumentPart[];
  /** The attributions grouped by actor, relation and target, each group in reading order, the
   * groups in the order each first comes: the attribution diagram draws a group as one line. */
  bundles: Attribution[][];
}

export function isMerged(doc: StatementDocument): doc is MergedDocument {
  return Array.isArray((doc as Partial<MergedDocument>).parts);
}

/** The document part that holds sentence `order` of a merged document, if any. */
export function partOfOrder(doc: MergedDocument, order: number): DocumentPart | undefined {
  return doc.parts.find((p) => order >= p.firstOrder && order <= p.lastOrder);
}

/** What the views show for a `doc=` value, and a notice when that value names no document. */
export interface DocumentChoice {
  doc: StatementDocument;
  /** The picker's value: a document id, or `all`. */
  key: string;
  notice: string | null;
}

/**
 * The document `requested` names: a document id, `all` for every document merged by `merge`
 * (corpus.ts, loaded only for a dataset of several documents; one document is its own "all"),
 * or null for the first. An id the dataset does not hold falls back to the
 * first document, with a notice that says so. `known`: every document a corpus index names,
 * loaded or not; null while a document it needs is still to be loaded.
 */
export function chooseDocument(
  documents: readonly StatementDocument[],
  requested: string | null,
  merge: ((documents: readonly StatementDocument[]) => MergedDocument) | null,
  known: readonly { id: string }[] = documents,
): DocumentChoice | null {
  const first = documents[0];
  const needs = (id: string) => !documents.some((d) => d.id === id);
  if (
    requested === ALL_DOCUMENTS
      ? documents.length < known.length
      : needs(known.some((d) => d.id === requested) ? requested! : known[0].id)
  ) {
    return null;
  }
  if (requested === ALL_DOCUMENTS && documents.length > 1 && merge) {
    return { doc: merge(documents), key: ALL_DOCUMENTS, notice: null };
  }
  const found =
    requested === null || requested === ALL_DOCUMENTS
      ? first
      : documents.find((d) => d.id === requested);
  if (found) return { doc: found, key: found.id, notice: null };
  const shown = requested!.length > 80 ? `${requested!.slice(0, 79)}…` : requested;
  return {
    doc: first,
    key: first.id,
    notice: `This dataset has no document “${shown}”: showing the first one, “${first.name}”.`,
  };
}
