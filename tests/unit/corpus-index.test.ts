import { describe, expect, it, vi } from 'vitest';
import { datasetProblem, loadDataset, type LoadResult } from '../../src/lib/data/load.ts';
import { corpusFileProblem } from '../../src/lib/data/corpus-index.ts';
import { ALL_DOCUMENTS } from '../../src/lib/data/queries.ts';
import type { CorpusIndex, Dataset } from '../../src/lib/data/types.ts';
import { serialize, splitCorpus } from '../../src/pipeline/build.ts';
import { corpusFromSeeds } from '../../src/pipeline/io.ts';
import { projectRoot } from './support.ts';

const corpus = corpusFromSeeds(projectRoot, { statements: 3, seed: 2 });
const ids = corpus.documents.map((d) => d.id);
const BASE = 'https://dashboard.test/corpus/three/';

/** Serves `files` under BASE, as a site would, and logs every request. */
function site(files: Record<string, string>) {
  const requested: string[] = [];
  const fetcher = (async (input: string | URL | Request) => {
    const url = String(input);
    requested.push(url.startsWith(BASE) ? url.slice(BASE.length) : url);
    const body = url.startsWith(BASE) ? files[url.slice(BASE.length)] : undefined;
    return body === undefined
      ? new Response('', { status: 404, statusText: 'Not Found' })
      : new Response(body, { status: 200 });
  }) as typeof fetch;
  return { fetcher, requested };
}

const open = (files: Record<string, string>, want: string | null = null) => {
  const { fetcher, requested } = site(files);
  return { result: loadDataset(`${BASE}index.json`, fetcher, want), requested };
};

const dataset = (result: LoadResult): Dataset => {
  if (!result.ok) throw new Error(result.error);
  return result.dataset;
};

const withIndex = (change: (index: CorpusIndex) => void) => {
  const files = splitCorpus(corpus);
  const index = JSON.parse(files['index.json']) as CorpusIndex;
  change(index);
  return { ...files, 'index.json': JSON.stringify(index) };
};

const errorOf = async (files: Record<string, string>, want: string | null = null) => {
  const result = await open(files, want).result;
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.error;
};

describe('a corpus split into an index and one file per document', () => {
  it('is written as an index, one valid dataset file per document and one of them all, the same every time', () => {
    const files = splitCorpus(corpus);
    expect(Object.keys(files)).toEqual([
      'index.json',
      ...ids.map((id) => `documents/${id}.json`),
      'all.json',
    ]);
    expect(JSON.parse(files['index.json'])).toEqual({
      schemaVersion: corpus.schemaVersion,
      corpus: corpus.documents.map((d) => ({
        id: d.id,
        name: d.name,
        file: `documents/${d.id}.json`,
      })),
      all: 'all.json',
    });
    expect(files['all.json']).toBe(serialize(corpus, { compact: true }));
    for (const [i, id] of ids.entries()) {
      const part = JSON.parse(files[`documents/${id}.json`]) as Dataset;
      expect(datasetProblem(part)).toBeNull();
      expect(part.documents).toEqual([corpus.documents[i]]);
      expect(part.codebook).toEqual(corpus.codebook);
    }
    expect(splitCorpus(corpusFromSeeds(projectRoot, { statements: 3, seed: 2 }))).toEqual(files);
    // Nothing is lost: the files together hold the whole corpus.
    const whole = {
      ...corpus,
      documents: ids.map((id) => JSON.parse(files[`documents/${id}.json`]).documents[0]),
    };
    expect(serialize(whole)).toBe(serialize(corpus));
  });

  it('loads the index and the first document only, naming every document', async () => {
    const { result, requested } = open(splitCorpus(corpus));
    const loaded = dataset(await result);
    expect(requested).toEqual(['index.json', `documents/${ids[0]}.json`]);
    expect(loaded.documents).toEqual([corpus.documents[0]]);
    expect(loaded.codebook).toEqual(corpus.codebook);
    expect(loaded.index?.entries).toEqual(corpus.documents.map(({ id, name }) => ({ id, name })));
  });

  it('loads the document a link names, all of them for "all", the first for an unknown id', async () => {
    const one = open(splitCorpus(corpus), ids[2]);
    expect(dataset(await one.result).documents).toEqual([corpus.documents[2]]);
    expect(one.requested).toEqual(['index.json', `documents/${ids[2]}.json`]);

    // All of them come in one file, not one request per document.
    const all = open(splitCorpus(corpus), ALL_DOCUMENTS);
    expect(dataset(await all.result).documents).toEqual(corpus.documents);
    expect(all.requested).toEqual(['index.json', 'all.json']);

    const unknown = open(splitCorpus(corpus), 'no-such-statement');
    expect(dataset(await unknown.result).documents).toEqual([corpus.documents[0]]);
  });

  it('loads more documents on demand, each once, in the index order', async () => {
    const { result, requested } = open(splitCorpus(corpus), ids[2]);
    const first = dataset(await result);
    const second = dataset(await first.index!.load(ids[0]));
    expect(second.documents.map((d) => d.id)).toEqual([ids[0], ids[2]]);
    // The same index: a third document joins the two. Only one is missing, so its own file
    // loads, not the file of them all.
    const all = dataset(await second.index!.load(ALL_DOCUMENTS));
    expect(all.documents).toEqual(corpus.documents);
    expect(requested.filter((r) => r !== 'index.json').sort()).toEqual(
      ids.map((id) => `documents/${id}.json`).sort(),
    );
    // Every answer is a new list: the views see a change.
    expect(all.documents).not.toBe(second.documents);
  });

  it('loads the file of them all when more than one is missing, keeping those loaded before', async () => {
    const { result, requested } = open(splitCorpus(corpus), ids[1]);
    const first = dataset(await result);
    const all = dataset(await first.index!.load(ALL_DOCUMENTS));
    expect(all.documents).toEqual(corpus.documents);
    expect(all.documents[1]).toBe(first.documents[0]);
    expect(requested).toEqual(['index.json', `documents/${ids[1]}.json`, 'all.json']);
    // Once they are all loaded, nothing more is asked for.
    await all.index!.load(ALL_DOCUMENTS);
    expect(requested).toHaveLength(3);
  });

  it.each([
    ['missing', (files: Record<string, string>) => delete files['all.json']],
    [
      'holding other documents',
      (files: Record<string, string>) => (files['all.json'] = files[`documents/${ids[0]}.json`]),
    ],
    [
      'coded with another codebook',
      (files: Record<string, string>) =>
        (files['all.json'] = files['all.json'].replace(
          JSON.stringify(corpus.codebook.themes[0].label),
          '"Another label"',
        )),
    ],
  ])(
    'loads each document from its own file when the file of them all is %s, and says so',
    async (_, damage) => {
      const files = splitCorpus(corpus);
      damage(files);
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      try {
        const { result, requested } = open(files, ids[0]);
        const all = dataset(await dataset(await result).index!.load(ALL_DOCUMENTS));
        expect(all.documents).toEqual(corpus.documents);
        expect(requested).toEqual([
          'index.json',
          `documents/${ids[0]}.json`,
          'all.json',
          `documents/${ids[1]}.json`,
          `documents/${ids[2]}.json`,
        ]);
        expect(warn).toHaveBeenCalledOnce();
        expect(warn.mock.calls[0][0]).toMatch(
          /^The file of the whole corpus \(all\.json\).*Loading each document's own file instead\.$/,
        );
      } finally {
        warn.mockRestore();
      }
    },
  );

  it('checks the file of them all in the words any dataset is checked with, and says what is wrong with it', async () => {
    const damages: ((d: Dataset & Record<string, unknown>) => void)[] = [
      (d) => (d.documents[2].sentences[0].end = d.documents[2].text.length + 5),
      (d) => ((d.documents[1].sentences[3].modality as { modality: string }).modality = 'shouting'),
      (d) => (d.documents[0].attributions as unknown[]).push({ id: 'a99' }),
      (d) => (d.documents[2].paragraphs[1].order = -1),
      (d) => (d.codebook.themes[0].id = 'weather' as never),
      (d) => (d.schemaVersion = 99),
    ];
    const sound = () => JSON.parse(serialize(corpus)) as Dataset & Record<string, unknown>;
    expect(corpusFileProblem(sound())).toBeNull();
    for (const damage of damages) {
      const copy = sound();
      damage(copy);
      expect(datasetProblem(copy)).not.toBeNull();
      expect(corpusFileProblem(copy)).toBe(datasetProblem(copy));
    }
    for (const other of [null, [], 'corpus', 3]) {
      expect(corpusFileProblem(other)).toBe(datasetProblem(other));
    }
    const damaged = sound();
    damages[1](damaged);
    const files = { ...splitCorpus(corpus), 'all.json': serialize(damaged) };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const { result } = open(files, ids[0]);
      const all = dataset(await dataset(await result).index!.load(ALL_DOCUMENTS));
      // The documents' own files are sound: they load instead.
      expect(all.documents).toEqual(corpus.documents);
      expect(warn.mock.calls).toEqual([
        [
          `The file of the whole corpus (all.json): The dataset is not usable: ${datasetProblem(damaged)}. Loading each document's own file instead.`,
        ],
      ]);
    } finally {
      warn.mockRestore();
    }
  });

  it('loads each document from its own file for an index that names no file of them all', async () => {
    const { result, requested } = open(
      withIndex((index) => delete index.all),
      ALL_DOCUMENTS,
    );
    expect(dataset(await result).documents).toEqual(corpus.documents);
    expect(requested).toEqual(['index.json', ...ids.map((id) => `documents/${id}.json`)]);
  });

  it('names a document file that is missing or damaged, and asks for it again later', async () => {
    const files = splitCorpus(corpus);
    const missing = { ...files };
    delete missing[`documents/${ids[1]}.json`];
    const { fetcher, requested } = site(missing);
    const first = dataset(await loadDataset(`${BASE}index.json`, fetcher));
    const failed = await first.index!.load(ids[1]);
    expect(failed).toEqual({
      ok: false,
      error: `Document "${ids[1]}" of the corpus (documents/${ids[1]}.json): The dataset is missing: ${BASE}documents/${ids[1]}.json answered 404 Not Found.`,
    });
    await first.index!.load(ids[1]);
    expect(requested.filter((r) => r.endsWith(`${ids[1]}.json`))).toHaveLength(2);

    const damaged = {
      ...files,
      [`documents/${ids[0]}.json`]: files[`documents/${ids[0]}.json`].slice(0, 300),
    };
    expect(await errorOf(damaged)).toMatch(
      new RegExp(
        `^Document "${ids[0]}" of the corpus \\(documents/${ids[0]}.json\\): The dataset is not valid JSON`,
      ),
    );
  });

  it('refuses a document file that is itself an index, asking for it once', async () => {
    const files = withIndex((index) => (index.corpus[0].file = 'index.json'));
    const { result, requested } = open(files);
    const answer = await result;
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.error).toMatch(
      new RegExp(
        `^Document "${ids[0]}" of the corpus \\(index\\.json\\): The dataset is not usable`,
      ),
    );
    expect(requested).toEqual(['index.json', 'index.json']);
  });

  it('refuses a document file that holds another document or another codebook', async () => {
    const files = splitCorpus(corpus);
    const swapped = { ...files, [`documents/${ids[0]}.json`]: files[`documents/${ids[1]}.json`] };
    expect(await errorOf(swapped)).toBe(
      `Document "${ids[0]}" of the corpus (documents/${ids[0]}.json) should hold that one document, but holds "${ids[1]}".`,
    );
    const other = JSON.parse(files[`documents/${ids[1]}.json`]) as Dataset;
    other.codebook.themes[0].label = 'Another label';
    const recoded = {
      ...withIndex((index) => delete index.all),
      [`documents/${ids[1]}.json`]: JSON.stringify(other),
    };
    expect(await errorOf(recoded, ALL_DOCUMENTS)).toBe(
      `Document "${ids[1]}" of the corpus (documents/${ids[1]}.json) is coded with another codebook than the corpus's other documents.`,
    );
  });

  it.each([
    [
      'a wrong schema version',
      (i: CorpusIndex) => (i.schemaVersion = 2),
      'schema version 2 is not the supported version 1',
    ],
    ['no documents', (i: CorpusIndex) => (i.corpus = []), '"corpus" is not a list of documents'],
    [
      'an entry without a file',
      (i: CorpusIndex) => delete (i.corpus[1] as Partial<CorpusIndex['corpus'][0]>).file,
      'entry 2 of "corpus" needs an id, a name and a file, all text',
    ],
    [
      'two entries with one id',
      (i: CorpusIndex) => (i.corpus[2].id = i.corpus[0].id),
      `two entries share the id "${ids[0]}"`,
    ],
    [
      'a file outside its folder',
      (i: CorpusIndex) => (i.corpus[0].file = '../secret.json'),
      `the file of "${ids[0]}" is not a relative path`,
    ],
    [
      'a file on another site',
      (i: CorpusIndex) => (i.corpus[0].file = 'https://elsewhere.test/a.json'),
      `the file of "${ids[0]}" is not a relative path`,
    ],
    [
      'a file from the site root',
      (i: CorpusIndex) => (i.corpus[0].file = '/data/dataset.json'),
      `the file of "${ids[0]}" is not a relative path`,
    ],
    [
      'a file of them all on another site',
      (i: CorpusIndex) => (i.all = 'https://elsewhere.test/all.json'),
      '"all" is not a relative path',
    ],
  ])('refuses an index with %s, fetching no document', async (_, change, problem) => {
    const { result, requested } = open(withIndex(change));
    const answer = await result;
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.error).toContain(
      `The corpus index ${BASE}index.json is not usable: ${problem}`,
    );
    expect(requested).toEqual(['index.json']);
  });
});

describe('a corpus in one file', () => {
  const FILE = `${BASE}corpus.json`;
  /** The corpus with its third document's first sentence running past the end of its text. */
  const damaged = () => {
    const copy = JSON.parse(serialize(corpus)) as Dataset;
    const doc = copy.documents[2];
    doc.sentences[0].end = doc.text.length + 5;
    return copy;
  };
  const load = (body: unknown, want: string | null = null) => {
    const { fetcher } = site({ 'corpus.json': JSON.stringify(body) });
    return loadDataset(FILE, fetcher, want);
  };

  it('checks only the documents shown, naming every document and keeping each one object', async () => {
    const first = dataset(await load(damaged()));
    expect(first.documents.map((d) => d.id)).toEqual([ids[0]]);
    expect(first.index!.entries.map((e) => e.id)).toEqual(ids);
    expect(first.index!.entries.map((e) => e.name)).toEqual(corpus.documents.map((d) => d.name));
    const second = dataset(await first.index!.load(ids[1]));
    expect(second.documents.map((d) => d.id)).toEqual([ids[0], ids[1]]);
    expect(second.documents[0]).toBe(first.documents[0]);
    expect(second.documents[0]).toEqual(corpus.documents[0]);
  });

  it('names a damaged document when it is asked for, as a check of the whole file would', async () => {
    const whole = `The dataset is not usable: ${datasetProblem(damaged())}.`;
    expect(whole).toContain(`of "${ids[2]}" has offsets outside its text`);
    const opened = dataset(await load(damaged()));
    expect(await opened.index!.load(ids[2])).toEqual({ ok: false, error: whole });
    expect(await opened.index!.load(ALL_DOCUMENTS)).toEqual({ ok: false, error: whole });
    // The documents that pass stay usable.
    expect(dataset(await opened.index!.load(ids[1])).documents).toHaveLength(2);
    expect(await load(damaged(), ids[2])).toEqual({ ok: false, error: whole });
    expect(await load(damaged(), ALL_DOCUMENTS)).toEqual({ ok: false, error: whole });
  });

  it('words a schema problem inside a document with its place in the file', async () => {
    const copy = JSON.parse(serialize(corpus)) as Dataset;
    (copy.documents[1].sentences[3] as { modality: { modality: string } }).modality.modality =
      'shouting';
    const whole = `The dataset is not usable: ${datasetProblem(copy)}.`;
    expect(whole).toMatch(/^The dataset is not usable: dataset\.documents\[1\]\.sentences\[3\]/);
    expect(dataset(await load(copy)).documents).toHaveLength(1);
    expect(await load(copy, ids[1])).toEqual({ ok: false, error: whole });
  });

  it('refuses at once a file whose codebook, version or list of documents is wrong', async () => {
    const refused = async (change: (d: Dataset & Record<string, unknown>) => void) => {
      const copy = JSON.parse(serialize(corpus)) as Dataset & Record<string, unknown>;
      change(copy);
      const result = await load(copy);
      expect(result.ok).toBe(false);
      return result.ok ? '' : result.error;
    };
    expect(await refused((d) => (d.schemaVersion = 99))).toMatch(/schema version 99/);
    expect(await refused((d) => (d.codebook.themes[0].id = 'weather' as never))).toMatch(
      /dataset\.codebook\.themes\[0\]\.id: unknown value "weather"/,
    );
    expect(await refused((d) => delete (d.documents[2] as { name?: string }).name)).toMatch(
      /dataset\.documents\[2\]: the field "name" is missing/,
    );
    expect(await refused((d) => (d.documents[1].id = d.documents[0].id))).toMatch(
      new RegExp(`two documents share the id "${ids[0]}"`),
    );
    expect(await refused((d) => (d.extra = true))).toMatch(/unexpected field "extra"/);
  });

  it('checks a file of one document whole, as before', async () => {
    const one = JSON.parse(serialize(corpus)) as Dataset;
    one.documents = [damaged().documents[2]];
    const result = await load(one);
    expect(result).toEqual({
      ok: false,
      error: `The dataset is not usable: ${datasetProblem(one)}.`,
    });
    // A sound one is a plain dataset: no index, its one document there.
    const sound = JSON.parse(serialize(corpus)) as Dataset;
    sound.documents = [sound.documents[1]];
    const opened = dataset(await load(sound));
    expect(opened.index).toBeUndefined();
    expect(opened.documents.map((d) => d.id)).toEqual([ids[1]]);
  });
});
