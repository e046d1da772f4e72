import type {
  ActorId,
  Attribution,
  Codebook,
  RelationId,
  Sentence,
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
}

export type ThemeMode = 'any' | 'all';

export const emptySelection: Selection = { themes: [], actor: null, relation: null, range: null, sentence: null };

export function isEmpty(selection: Selection): boolean {
  return (
    selection.themes.length === 0 &&
    selection.actor === null &&
    selection.relation === null &&
    selection.range === null &&
    selection.sentence === null
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
          (selection.sentence === null || s.id === selection.sentence),
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
  return parts.join(' · ');
}

/** Source line every chart carries. */
export function sourceLine(doc: StatementDocument, codebook: Codebook): string {
  return `Source: “${doc.name}” (${doc.source.file}, sha256 ${doc.source.sha256.slice(0, 12)}); codebook v${codebook.version}.`;
}
