import { aggregate } from './aggregate.ts';
import {
  ALL_DOCUMENTS,
  type DocumentPart,
  type MergedDocument,
  type PartTheme,
} from './documents.ts';
import type {
  Attribution,
  DateReference,
  DocumentCounts,
  Evidence,
  ListItem,
  ModalityId,
  Paragraph,
  Sentence,
  Span,
  StatementDocument,
} from './types.ts';

/**
 * Several statements in one dataset. The views take one `StatementDocument`; for "All
 * documents" they get a merged one: the texts one after the other, every offset shifted into
 * the merged text, every id prefixed with its document's id (`<document>.s12`) so ids stay
 * unique, sentences, paragraphs and list items renumbered in reading order across the whole
 * corpus, and the aggregates recomputed by the pipeline's own function. Pure.
 */

/** What separates two documents in the merged text. */
export const DOCUMENT_SEPARATOR = '\n\n';

/** The id a unit of document `docId` carries in the merged document. */
export const mergedId = (docId: string, unitId: string): string => `${docId}.${unitId}`;

const merged = new WeakMap<readonly StatementDocument[], MergedDocument>();

/** Every document as one (memoised per documents list: the views ask on every update). */
export function mergeDocuments(documents: readonly StatementDocument[]): MergedDocument {
  let doc = merged.get(documents);
  if (!doc) {
    doc = merge(documents);
    merged.set(documents, doc);
  }
  return doc;
}

function merge(documents: readonly StatementDocument[]): MergedDocument {
  const paragraphs: Paragraph[] = [];
  const listItems: ListItem[] = [];
  const sentences: Sentence[] = [];
  const attributions: Attribution[] = [];
  const dateReferences: DateReference[] = [];
  const parts: DocumentPart[] = [];
  const texts: string[] = [];
  let offset = 0;
  for (const source of documents) {
    if (texts.length) offset += DOCUMENT_SEPARATOR.length;
    const shift = offset;
    const id = (unitId: string) => mergedId(source.id, unitId);
    // Each unit is copied once, its offsets shifted in the same copy.
    const span = <T extends Span>(unit: T): T => ({
      ...unit,
      start: unit.start + shift,
      end: unit.end + shift,
    });
    const evidence = (e: Evidence): Evidence => span(e);
    const firstOrder = sentences.length + 1;
    const firstParagraph = source.paragraphs.length ? id(source.paragraphs[0].id) : null;
    for (const p of source.paragraphs) {
      const order = paragraphs.length + 1;
      paragraphs.push({
        ...p,
        start: p.start + shift,
        end: p.end + shift,
        id: id(p.id),
        order,
        number: order,
        parent: ALL_DOCUMENTS,
      });
    }
    for (const item of source.listItems) {
      listItems.push({
        ...item,
        start: item.start + shift,
        end: item.end + shift,
        id: id(item.id),
        order: listItems.length + 1,
        parent: id(item.parent),
        marker: span(item.marker),
      });
    }
    const themes = new Map<string, PartTheme & { counts: Map<ModalityId, number> }>();
    for (const s of source.sentences) {
      for (const { theme } of s.themes) {
        let group = themes.get(theme);
        if (!group) themes.set(theme, (group = { theme, sentences: [], modalities: [], counts: new Map() }));
        group.sentences.push(id(s.id));
        const m = s.modality.modality;
        group.counts.set(m, (group.counts.get(m) ?? 0) + 1);
      }
      sentences.push({
        ...s,
        start: s.start + shift,
        end: s.end + shift,
        id: id(s.id),
        order: sentences.length + 1,
        parent: id(s.parent),
        paragraph: id(s.paragraph),
        listItem: s.listItem === null ? null : id(s.listItem),
        emphasis: s.emphasis.map(span),
        themes: s.themes.map((t) => ({ theme: t.theme, evidence: t.evidence.map(evidence) })),
        modality: { ...s.modality, cue: s.modality.cue ? evidence(s.modality.cue) : null },
      });
    }
    for (const a of source.attributions) {
      attributions.push({
        ...a,
        start: a.start + shift,
        end: a.end + shift,
        id: id(a.id),
        sentence: id(a.sentence),
      });
    }
    for (const d of source.dateReferences) {
      dateReferences.push({
        ...d,
        start: d.start + shift,
        end: d.end + shift,
        sentence: id(d.sentence),
      });
    }
    parts.push({
      id: source.id,
      name: source.name,
      start: shift,
      end: shift + source.text.length,
      firstParagraph,
      firstOrder,
      lastOrder: sentences.length,
      // A stable sort: a tie keeps the modality that came first.
      themes: [...themes.values()].map(({ counts, ...group }) => ({
        ...group,
        modalities: [...counts].sort((a, b) => b[1] - a[1]),
      })),
    });
    texts.push(source.text);
    offset += source.text.length;
  }
  const text = texts.join(DOCUMENT_SEPARATOR);
  const bundles = new Map<string, Attribution[]>();
  for (const a of attributions) {
    const key = JSON.stringify([a.actor, a.relation, a.target]);
    const bundle = bundles.get(key);
    if (bundle) bundle.push(a);
    else bundles.set(key, [a]);
  }
  const sum = (key: keyof DocumentCounts) => documents.reduce((n, d) => n + d.counts[key], 0);
  const speakers = [...new Set(documents.map((d) => d.speaker.name))];
  const actors = [...new Set(documents.map((d) => d.speaker.actor))];
  return {
    id: ALL_DOCUMENTS,
    title: null,
    name: `All ${documents.length} documents`,
    speaker: {
      actor: actors.length === 1 ? actors[0] : null,
      name: speakers.length === 1 ? speakers[0] : `${speakers.length} speakers`,
    },
    // Not one file: the source line names the documents instead (queries.ts, sourceLine).
    source: { file: `${documents.length} statements`, sha256: '' },
    codebookVersion: documents[0]?.codebookVersion ?? '',
    counts: {
      characters: text.length,
      words: sum('words'),
      paragraphs: sum('paragraphs'),
      listItems: sum('listItems'),
      sentences: sum('sentences'),
      themeCodings: sum('themeCodings'),
      attributions: sum('attributions'),
      dateReferences: sum('dateReferences'),
    },
    text,
    paragraphs,
    listItems,
    sentences,
    attributions,
    dateReferences,
    aggregates: aggregate(paragraphs, sentences, attributions),
    parts,
    bundles: [...bundles.values()],
  };
}

export {
  ALL_DOCUMENTS,
  chooseDocument,
  isMerged,
  partOfOrder,
  type DocumentChoice,
  type DocumentPart,
  type MergedDocument,
} from './documents.ts';
