import { datasetSchema } from './schema.ts';
import { SCHEMA_VERSION, type Dataset, type Span, type StatementDocument } from './types.ts';
import { schemaProblem, show } from './validate.ts';

export type LoadResult = { ok: true; dataset: Dataset } | { ok: false; error: string };

/**
 * Fetches and checks the dataset; every failure becomes one sentence a reader can act on. A
 * corpus index (corpus-index.ts) loads the documents `want` needs: a document id, `all`, or
 * null for the first; `false` for a document's own file, which must not be an index (an index
 * naming itself would load forever). `problemOf` checks what is read (a corpus's file of all
 * its documents: corpusFileProblem, the same words, faster).
 */
export async function loadDataset(
  url: string,
  fetcher: typeof fetch = fetch,
  want: string | null | false = null,
  problemOf: (raw: unknown) => string | null = datasetProblem,
): Promise<LoadResult> {
  let response: Response;
  try {
    response = await fetcher(url);
  } catch {
    return { ok: false, error: `The dataset could not be fetched from ${url}: the network request failed.` };
  }
  if (!response.ok) {
    return { ok: false, error: `The dataset is missing: ${url} answered ${response.status} ${response.statusText}.` };
  }
  let raw: unknown;
  try {
    // Through a Blob: the browser collects the body off the page's thread, where reading it as
    // an ArrayBuffer directly takes a turn of that thread per chunk (a 6 MB corpus: 150-180 ms
    // against 75-100, in Chromium on two cores).
    const bytes = await (await response.blob()).arrayBuffer();
    raw = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    return { ok: false, error: `The dataset is not valid JSON (truncated or damaged): ${(error as Error).message}.` };
  }
  // A corpus: an index of files, or one file of several documents (each checked when shown).
  const documents = (raw as Partial<Dataset> | null)?.documents;
  if (
    want !== false &&
    typeof raw === 'object' &&
    raw !== null &&
    ('corpus' in raw || (Array.isArray(documents) && documents.length > 1))
  ) {
    return import('./corpus-index.ts').then(
      (m) => m.openCorpus(raw, url, want, fetcher),
      () => ({ ok: false, error: `${url} is a corpus; the code that reads one did not load.` }),
    );
  }
  const problem = problemOf(raw);
  return problem ? { ok: false, error: `The dataset is not usable: ${problem}.` } : { ok: true, dataset: raw as Dataset };
}

/** What is wrong with a dataset's or a corpus index's schema version, or null. */
export function versionProblem(version: unknown): string | null {
  return version === SCHEMA_VERSION
    ? null
    : `schema version ${show(version)} is not the supported version ${SCHEMA_VERSION}`;
}

/**
 * The first thing that makes `raw` unusable as a dataset, or null: the schema the pipeline
 * writes, then what a schema cannot say (every offset inside the text, every quoted text equal
 * to its slice). Never throws, whatever `raw` holds.
 */
export function datasetProblem(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'it is not a JSON object';
  const version = versionProblem((raw as { schemaVersion?: unknown }).schemaVersion);
  if (version) return version;
  const problem = schemaProblem(datasetSchema, raw);
  if (problem) return problem;
  for (const doc of (raw as Dataset).documents) {
    const inside = documentProblem(doc);
    if (inside) return inside;
  }
  return null;
}

/** What a schema cannot say about one document that passed it: every offset inside its text,
 * every quoted text equal to its slice, every sentence's paragraph and attribution's sentence
 * there. */
export function documentProblem(doc: StatementDocument): string | null {
  // Names are built only for the unit that fails: a corpus has tens of thousands of units.
  const outside = (unit: Span & { text?: string; quote?: string }) => {
    const text = unit.text ?? unit.quote;
    return (
      unit.start > unit.end ||
      unit.end > doc.text.length ||
      // The same test as text === doc.text.slice(start, end), without a copy of each slice.
      (text !== undefined &&
        (text.length !== unit.end - unit.start || !doc.text.startsWith(text, unit.start)))
    );
  };
  const problem = (what: string) => `${what} of "${doc.id}" has offsets outside its text`;
  const sentenceIds = new Set(doc.sentences.map((s) => s.id));
  const paragraphIds = new Set(doc.paragraphs.map((p) => p.id));
  const itemIds = new Set(doc.listItems.map((i) => i.id));
  for (const s of doc.sentences) {
    if (!paragraphIds.has(s.paragraph) || (s.listItem !== null && !itemIds.has(s.listItem))) {
      return `sentence ${s.id} of "${doc.id}" points at a paragraph or list item that does not exist`;
    }
  }
  for (const a of doc.attributions) {
    if (!sentenceIds.has(a.sentence)) {
      return `attribution ${a.id} of "${doc.id}" points at sentence ${a.sentence}, which does not exist`;
    }
  }
  if (doc.title && outside(doc.title)) return problem('the title');
  for (const p of doc.paragraphs) if (outside(p)) return problem(`paragraph ${p.id}`);
  for (const i of doc.listItems) if (outside(i)) return problem(`list item ${i.id}`);
  for (const s of doc.sentences) {
    if (outside(s)) return problem(`sentence ${s.id}`);
    for (const t of s.themes) {
      for (const e of t.evidence) if (outside(e)) return problem(`evidence in sentence ${s.id}`);
    }
  }
  for (const a of doc.attributions) if (outside(a)) return problem(`attribution ${a.id}`);
  for (const d of doc.dateReferences) if (outside(d)) return problem(`date "${d.text}"`);
  return null;
}
