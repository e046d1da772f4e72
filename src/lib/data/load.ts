import { SCHEMA_VERSION, THEME_IDS, type Dataset } from './types.ts';

export type LoadResult = { ok: true; dataset: Dataset } | { ok: false; error: string };

/** Fetches and checks the dataset; every failure becomes one sentence a reader can act on. */
export async function loadDataset(url: string, fetcher: typeof fetch = fetch): Promise<LoadResult> {
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
    raw = JSON.parse(await response.text());
  } catch (error) {
    return { ok: false, error: `The dataset is not valid JSON (truncated or damaged): ${(error as Error).message}.` };
  }
  const problem = datasetProblem(raw);
  return problem ? { ok: false, error: `The dataset is not usable: ${problem}.` } : { ok: true, dataset: raw as Dataset };
}

/** The first thing that makes `raw` unusable as a dataset, or null. */
export function datasetProblem(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null) return 'it is not a JSON object';
  const data = raw as Partial<Dataset>;
  if (data.schemaVersion !== SCHEMA_VERSION) {
    return `schema version ${String(data.schemaVersion)} is not the supported version ${SCHEMA_VERSION}`;
  }
  if (!data.codebook || !Array.isArray(data.codebook.themes)) return 'it has no codebook';
  if (!Array.isArray(data.documents) || data.documents.length === 0) return 'it holds no statement';
  for (const doc of data.documents) {
    if (typeof doc?.text !== 'string' || !Array.isArray(doc.sentences)) return `statement "${doc?.id}" has no text`;
    for (const sentence of doc.sentences) {
      if (
        !(sentence.start >= 0 && sentence.end <= doc.text.length && sentence.start <= sentence.end) ||
        doc.text.slice(sentence.start, sentence.end) !== sentence.text
      ) {
        return `sentence ${sentence.id} of "${doc.id}" has offsets outside its text`;
      }
      for (const coding of sentence.themes) {
        if (!(THEME_IDS as readonly string[]).includes(coding.theme)) {
          return `sentence ${sentence.id} of "${doc.id}" has an unknown theme id "${coding.theme}"`;
        }
      }
    }
  }
  return null;
}
