import { createHash } from 'node:crypto';
import {
  SCHEMA_VERSION,
  type ActorId,
  type Attribution,
  type Codebook,
  type CorpusEntry,
  type CorpusIndex,
  type Dataset,
  type ListItem,
  type ModalityCoding,
  type Paragraph,
  type Sentence,
  type StatementDocument,
} from '../lib/data/types.ts';
import { aggregate } from '../lib/data/aggregate.ts';
import { parseAnnotations, suggestAttributions } from './annotations.ts';
import { findDates } from './dates.ts';
import { codeModality, codeThemes, ruleMatches, type Dictionary } from './dictionary.ts';
import { PipelineError } from './errors.ts';
import { tokenize } from './patterns.ts';
import { countWords, segment } from './segment.ts';

export interface StatementInput {
  /** Path of the seed as it is shown in messages and stored in the dataset. */
  file: string;
  text: string;
  /** The curated annotations file, if there is one: its path and its contents. */
  annotations: { file: string; source: string } | null;
}

/** "seeds/Russian Federation GCM position.txt" -> "russian-federation-gcm-position". */
export function documentIdOf(file: string): string {
  const base = file
    .split(/[\\/]/)
    .pop()!
    .replace(/\.[^.]+$/, '');
  const slug = base
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return slug || 'statement';
}

/** The whole pipeline for one statement: segment, code, attribute, count. Pure. */
export function buildDocument(
  input: StatementInput,
  codebook: Codebook,
  dictionary: Dictionary,
): StatementDocument {
  const { text, file } = input;
  const id = documentIdOf(file);
  const raw = segment(text);
  if (raw.sentences.length === 0) {
    throw new PipelineError(file, null, 'no sentences found: the text has no words to code');
  }
  const paragraphs: Paragraph[] = raw.paragraphs.map((p, i) => ({
    id: `p${i + 1}`,
    order: i + 1,
    parent: id,
    start: p.start,
    end: p.end,
    text: text.slice(p.start, p.end),
    number: i + 1,
    kind: p.kind,
  }));
  const listItems: ListItem[] = raw.listItems.map((item, i) => ({
    id: `i${i + 1}`,
    order: i + 1,
    parent: paragraphs[item.paragraph].id,
    start: item.start,
    end: item.end,
    text: text.slice(item.start, item.end),
    marker: item.marker,
  }));
  const leadIns = new Map<string, ModalityCoding>();
  const sentences: Sentence[] = raw.sentences.map((s, i) => {
    const paragraph = paragraphs[s.paragraph].id;
    const listItem = s.listItem >= 0 ? listItems[s.listItem].id : null;
    const modality = codeModality(
      text,
      s,
      dictionary,
      listItem ? (leadIns.get(paragraph) ?? null) : null,
    );
    // The last prose sentence before a list is its lead-in ("…should also cover the following:").
    if (!listItem) leadIns.set(paragraph, modality);
    return {
      id: `s${i + 1}`,
      order: i + 1,
      parent: listItem ?? paragraph,
      start: s.start,
      end: s.end,
      text: text.slice(s.start, s.end),
      paragraph,
      listItem,
      words: countWords(text.slice(s.start, s.end)),
      emphasis: s.emphasis,
      themes: codeThemes(text, s, dictionary),
      modality,
    };
  });
  const attributions: Attribution[] = input.annotations
    ? parseAnnotations(input.annotations.source, input.annotations.file, id, sentences)
    : suggestAttributions(text, sentences, dictionary);
  const dateReferences = findDates(sentences);
  const title = raw.title
    ? { ...raw.title, text: text.slice(raw.title.start, raw.title.end) }
    : null;
  const speakerName = speakerOf(title?.text ?? '');
  return {
    id,
    title,
    name: title?.text ?? file.split(/[\\/]/).pop()!,
    speaker: {
      actor: speakerName ? actorOf(speakerName, dictionary) : null,
      name: speakerName ?? 'Unknown speaker',
    },
    source: { file, sha256: createHash('sha256').update(text, 'utf8').digest('hex') },
    codebookVersion: codebook.version,
    counts: {
      characters: text.length,
      words: sentences.reduce((n, s) => n + s.words, 0),
      paragraphs: paragraphs.length,
      listItems: listItems.length,
      sentences: sentences.length,
      themeCodings: sentences.reduce((n, s) => n + s.themes.length, 0),
      attributions: attributions.length,
      dateReferences: dateReferences.length,
    },
    text,
    paragraphs,
    listItems,
    sentences,
    attributions,
    dateReferences,
    aggregates: aggregate(paragraphs, sentences, attributions),
  };
}

/** "The Position of the Russian Federation on the Global Compact…" -> "Russian Federation". */
function speakerOf(title: string): string | null {
  const match = /\bPosition of (?:the )?(.+?) (?:on|regarding|concerning)\b/i.exec(title);
  return match ? match[1].trim() : null;
}

function actorOf(name: string, dictionary: Dictionary): ActorId | null {
  const tokens = tokenize(name);
  const rule = dictionary.actors.find((r) => ruleMatches(r, tokens, dictionary).length > 0);
  return (rule?.code as ActorId | undefined) ?? null;
}

export function buildDataset(documents: StatementDocument[], codebook: Codebook): Dataset {
  const ids = new Set<string>();
  for (const doc of documents) {
    if (ids.has(doc.id)) {
      throw new PipelineError(
        doc.source.file,
        null,
        `two statements share the id "${doc.id}"; rename one file`,
      );
    }
    ids.add(doc.id);
  }
  return { schemaVersion: SCHEMA_VERSION, codebook, documents };
}

/**
 * The dataset as written to disk: JSON indented by one space (a diff of the committed dataset
 * reads line by line), or with no spaces at all for a generated corpus, which is only read by
 * machines and is a quarter smaller; either with a final newline. Every character outside ASCII
 * is written as a `\uXXXX` escape: a browser decodes and parses a file of ASCII only several
 * times faster (a single en dash makes the whole decoded text two bytes a character; a corpus of
 * 100 statements took about 200 ms longer to read).
 */
export function serialize(value: unknown, { compact = false }: { compact?: boolean } = {}): string {
  const json = compact ? JSON.stringify(value) : JSON.stringify(value, null, 1);
  return `${json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}

/** The file of a split corpus that holds every document (CorpusIndex.all). */
export const WHOLE_CORPUS_FILE = 'all.json';

/**
 * A corpus as files to write in one folder: `index.json`, which names each document and its
 * file, `documents/<id>.json`, a dataset of that one document (with the codebook), so the
 * dashboard loads only the documents it shows (src/lib/data/corpus-index.ts), and `all.json`,
 * the whole dataset, which "All documents" loads in one request instead of one per document.
 * Compact JSON.
 */
export function splitCorpus(dataset: Dataset): Record<string, string> {
  const files: Record<string, string> = {};
  const corpus: CorpusEntry[] = dataset.documents.map((doc) => {
    const file = `documents/${doc.id}.json`;
    files[file] = serialize({ ...dataset, documents: [doc] }, { compact: true });
    return { id: doc.id, name: doc.name, file };
  });
  const index: CorpusIndex = {
    schemaVersion: dataset.schemaVersion,
    corpus,
    all: WHOLE_CORPUS_FILE,
  };
  return {
    'index.json': serialize(index, { compact: true }),
    ...files,
    [WHOLE_CORPUS_FILE]: serialize(dataset, { compact: true }),
  };
}
