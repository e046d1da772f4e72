import { ALL_DOCUMENTS } from './queries.ts';
import { documentProblem, loadDataset, versionProblem, type LoadResult } from './load.ts';
import { datasetSchema } from './schema.ts';
import { schemaProblem } from './validate.ts';
import { schemaTest } from './schema-test.ts';
import { DATASET_PATH } from './source.ts';
import {
  SCHEMA_VERSION,
  type Codebook,
  type CorpusEntry,
  type CorpusIndex,
  type Dataset,
  type StatementDocument,
} from './types.ts';

/**
 * A corpus: split into an index and one dataset file per document (`npm run corpus -- --split`),
 * the dashboard reads the index, then loads only the documents it shows, each file checked as
 * any dataset is; in one file of several documents, it checks only the documents it shows. Both
 * answer with the same `DocumentIndex`. Loaded only when a dataset file turns out to be a corpus
 * (an index lists files under "corpus", where a dataset has "documents").
 */

/** Opens a corpus: an index (openIndex) or one file of several documents (openCorpusFile). */
export function openCorpus(
  raw: unknown,
  url: string,
  want: string | null,
  fetcher: typeof fetch,
): Promise<LoadResult> {
  return 'corpus' in (raw as object)
    ? openIndex(raw, url, want, fetcher)
    : Promise.resolve(openCorpusFile(raw, want));
}

/** The dataset schema with each document checked for its id and name only. */
type Schema = Parameters<typeof schemaProblem>[0];
type ObjectSchema = Schema & { properties: Record<string, Schema> };
const documentsSchema = datasetSchema.properties.documents as Schema & { items: ObjectSchema };
const documentSchema = documentsSchema.items;
const documentFits = schemaTest(documentSchema);
const envelopeSchema = {
  ...datasetSchema,
  properties: {
    ...datasetSchema.properties,
    documents: {
      ...documentsSchema,
      items: {
        type: 'object',
        required: ['id', 'name'],
        properties: {
          id: documentSchema.properties.id,
          name: documentSchema.properties.name,
        },
      },
    },
  },
};

/** What is wrong with a file of several documents apart from the documents themselves: its
 * version, its codebook, its list of documents (each with an id and a name, no id twice). */
function envelopeProblem(raw: unknown): string | null {
  const version = versionProblem((raw as Partial<Dataset>).schemaVersion);
  if (version) return version;
  const problem = schemaProblem(envelopeSchema, raw);
  if (problem) return problem;
  const ids = new Set<string>();
  for (const { id } of (raw as Dataset).documents) {
    if (ids.has(id)) return `two documents share the id "${id}"`;
    ids.add(id);
  }
  return null;
}

/** What is wrong with the shape of `doc`, one of `documents`, in the words `datasetProblem`
 * uses: tested fast first, and checked again for the words (and its place) only when it fails. */
function shapeProblem(doc: StatementDocument, documents: StatementDocument[]): string | null {
  if (documentFits(doc)) return null;
  return schemaProblem(documentSchema, doc, `dataset.documents[${documents.indexOf(doc)}]`);
}

/**
 * What is wrong with a file of several documents (the file of a whole corpus that an index
 * names), in the words `datasetProblem` uses, the documents tested fast: the rest of the file
 * first, then every document's shape, then their offsets.
 */
export function corpusFileProblem(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'it is not a JSON object';
  const problem = envelopeProblem(raw);
  if (problem) return problem;
  const { documents } = raw as Dataset;
  for (const doc of documents) {
    const shape = shapeProblem(doc, documents);
    if (shape) return shape;
  }
  for (const doc of documents) {
    const inside = documentProblem(doc);
    if (inside) return inside;
  }
  return null;
}

/**
 * One dataset file of several documents (a corpus in one file): the file is checked whole except
 * for its documents, which are checked as they are shown (`want` first), each as a dataset's
 * would be, so that one document of a hundred draws without checking the other 99. A document
 * that fails is named when it is asked for; the others stay usable.
 */
export function openCorpusFile(raw: unknown, want: string | null): LoadResult {
  const usable = (problem: string) => `The dataset is not usable: ${problem}.`;
  const problem = envelopeProblem(raw);
  if (problem) return { ok: false, error: usable(problem) };
  const { codebook, documents } = raw as Dataset;
  const checked = new Set<StatementDocument>();

  function check(id: string | null): LoadResult {
    const wanted =
      id === ALL_DOCUMENTS ? documents : [documents.find((d) => d.id === id) ?? documents[0]];
    for (const doc of wanted) {
      if (checked.has(doc)) continue;
      const problem = shapeProblem(doc, documents) ?? documentProblem(doc);
      if (problem) return { ok: false, error: usable(problem) };
      checked.add(doc);
    }
    return {
      ok: true,
      dataset: {
        schemaVersion: SCHEMA_VERSION,
        codebook,
        documents: documents.filter((d) => checked.has(d)),
        index,
      },
    };
  }

  const index = {
    entries: documents.map(({ id, name }) => ({ id, name })),
    load: (id: string | null) => Promise.resolve(check(id)),
  };
  return check(want);
}

/** The first thing that makes `raw` unusable as a corpus index, or null. */
export function indexProblem(raw: unknown): string | null {
  const { schemaVersion, corpus } = raw as Partial<CorpusIndex>;
  const version = versionProblem(schemaVersion);
  if (version) return version;
  if (!Array.isArray(corpus) || corpus.length === 0) return '"corpus" is not a list of documents';
  const ids = new Set<string>();
  for (const [i, entry] of corpus.entries()) {
    const { id, name, file } = (entry ?? {}) as Partial<CorpusEntry>;
    if (typeof id !== 'string' || typeof name !== 'string' || typeof file !== 'string') {
      return `entry ${i + 1} of "corpus" needs an id, a name and a file, all text`;
    }
    if (ids.has(id)) return `two entries share the id "${id}"`;
    ids.add(id);
    if (!DATASET_PATH.test(file)) {
      return `the file of "${id}" is not a relative path to a .json file next to the index (no "..", no "//", no scheme)`;
    }
  }
  const { all } = raw as CorpusIndex;
  if (all !== undefined && (typeof all !== 'string' || !DATASET_PATH.test(all))) {
    return `"all" is not a relative path to a .json file next to the index (no "..", no "//", no scheme)`;
  }
  return null;
}

/**
 * Opens a corpus index read from `url` and loads the documents `want` needs (see
 * `DocumentIndex.load`). A document file must hold that one document, coded with the same
 * codebook as the others; any failure names the document and its file. When more than one
 * document is missing and the index names a file of them all (`all`), that one file loads
 * instead; if it cannot be used, the documents' own files load after all.
 */
export async function openIndex(
  raw: unknown,
  url: string,
  want: string | null,
  fetcher: typeof fetch,
): Promise<LoadResult> {
  const problem = indexProblem(raw);
  if (problem) return { ok: false, error: `The corpus index ${url} is not usable: ${problem}.` };
  const { corpus: entries, all } = raw as CorpusIndex;
  const loading = new Map<string, Promise<LoadResult>>();
  let wholeLoading: Promise<LoadResult> | null = null;
  const loaded = new Map<string, StatementDocument>();
  let codebook: Codebook | null = null;
  /** The first loaded document's codebook, as text: every other document's must read the same. */
  let codebookText: string | null = null;

  function loadEntry(entry: CorpusEntry): Promise<LoadResult> {
    let result = loading.get(entry.id);
    if (!result) {
      result = loadDataset(new URL(entry.file, url).href, fetcher, false);
      loading.set(entry.id, result);
      // A failed file is asked for again next time, not remembered as failed.
      result.then((r) => r.ok || loading.delete(entry.id));
    }
    return result;
  }

  /** Whether `other` is the codebook of the documents loaded so far (the first one sets it). */
  function sameCodebook(other: Codebook): boolean {
    const text = JSON.stringify(other);
    if (codebookText !== null && codebookText !== text) return false;
    codebook ??= other;
    codebookText ??= text;
    return true;
  }

  /** Loads the file of every document; null when they are all loaded, else what went wrong. */
  async function loadWhole(file: string): Promise<string | null> {
    wholeLoading ??= loadDataset(new URL(file, url).href, fetcher, false, corpusFileProblem);
    const result = await wholeLoading;
    const where = `The file of the whole corpus (${file})`;
    if (!result.ok) {
      wholeLoading = null;
      return `${where}: ${result.error}`;
    }
    const { documents } = result.dataset;
    if (documents.map((d) => d.id).join('\n') !== entries.map((e) => e.id).join('\n')) {
      return `${where} should hold the index's ${entries.length} documents in its order.`;
    }
    if (!sameCodebook(result.dataset.codebook)) {
      return `${where} is coded with another codebook than the documents loaded before it.`;
    }
    // A document loaded before keeps its object: nothing that reads it changes.
    for (const doc of documents) if (!loaded.has(doc.id)) loaded.set(doc.id, doc);
    return null;
  }

  async function load(id: string | null): Promise<LoadResult> {
    const wanted =
      id === ALL_DOCUMENTS ? entries : [entries.find((e) => e.id === id) ?? entries[0]];
    const missing = wanted.filter((e) => !loaded.has(e.id));
    if (all !== undefined && missing.length > 1) {
      const problem = await loadWhole(all);
      if (problem === null) return answer();
      console.warn(`${problem} Loading each document's own file instead.`);
    }
    const results = await Promise.all(missing.map(loadEntry));
    for (const [i, result] of results.entries()) {
      const entry = missing[i];
      const where = `Document "${entry.id}" of the corpus (${entry.file})`;
      if (!result.ok) return { ok: false, error: `${where}: ${result.error}` };
      const { documents } = result.dataset;
      if (documents.length !== 1 || documents[0].id !== entry.id) {
        return {
          ok: false,
          error: `${where} should hold that one document, but holds ${documents.map((d) => `"${d.id}"`).join(', ')}.`,
        };
      }
      if (!sameCodebook(result.dataset.codebook)) {
        return {
          ok: false,
          error: `${where} is coded with another codebook than the corpus's other documents.`,
        };
      }
      loaded.set(entry.id, documents[0]);
    }
    return answer();
  }

  function answer(): LoadResult {
    return {
      ok: true,
      dataset: {
        schemaVersion: SCHEMA_VERSION,
        codebook: codebook!,
        documents: entries.flatMap((e) => loaded.get(e.id) ?? []),
        index,
      },
    };
  }

  const index = { entries: entries.map(({ id, name }) => ({ id, name })), load };
  return load(want);
}
