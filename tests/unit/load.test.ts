import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/lib/data/load.ts';
import { datasetPath } from '../helpers/dataset.ts';

const committed = readFileSync(datasetPath, 'utf8');
const serve = (body: string, status = 200): typeof fetch =>
  (async () =>
    new Response(body, {
      status,
      statusText: status === 200 ? 'OK' : 'Not Found',
    })) as typeof fetch;

describe('loading the dataset in the app', () => {
  it('accepts the committed dataset', async () => {
    const result = await loadDataset('/data.json', serve(committed));
    expect(result.ok).toBe(true);
  });

  it('names a missing file', async () => {
    const result = await loadDataset('/data.json', serve('', 404));
    expect(result).toEqual({
      ok: false,
      error: 'The dataset is missing: /data.json answered 404 Not Found.',
    });
  });

  it('names truncated JSON', async () => {
    const result = await loadDataset('/data.json', serve(committed.slice(0, 500)));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(
      /^The dataset is not valid JSON \(truncated or damaged\)/,
    );
  });

  it('names a wrong schema version', async () => {
    const data = JSON.parse(committed);
    data.schemaVersion = 99;
    const result = await loadDataset('/data.json', serve(JSON.stringify(data)));
    expect(!result.ok && result.error).toContain(
      'schema version 99 is not the supported version 1',
    );
  });

  it('names an unknown theme id and offsets outside the text', async () => {
    const unknown = JSON.parse(committed);
    unknown.documents[0].sentences[3].themes[0].theme = 'astrology';
    const a = await loadDataset('/d', serve(JSON.stringify(unknown)));
    expect(!a.ok && a.error).toContain(
      'dataset.documents[0].sentences[3].themes[0].theme: unknown value "astrology"',
    );
    const outside = JSON.parse(committed);
    outside.documents[0].sentences[0].end = 10 ** 6;
    const b = await loadDataset('/d', serve(JSON.stringify(outside)));
    expect(!b.ok && b.error).toContain(
      'sentence s1 of "russian-federation-gcm-position" has offsets outside its text',
    );
  });

  it('names a failed request', async () => {
    const failing = (async () => {
      throw new TypeError('network down');
    }) as typeof fetch;
    const result = await loadDataset('/data.json', failing);
    expect(!result.ok && result.error).toContain('the network request failed');
  });

  it('names a schema version that cannot be written as text', async () => {
    // An object whose "toString" is not a function makes String() and `${}` throw.
    const body = JSON.stringify({ schemaVersion: { toString: false }, documents: [] });
    const result = await loadDataset('/data.json', serve(body));
    expect(result).toEqual({
      ok: false,
      error: 'The dataset is not usable: schema version an object is not the supported version 1.',
    });
    const index = { schemaVersion: { toString: false }, corpus: [] };
    expect(await loadDataset('/index.json', serve(JSON.stringify(index)))).toEqual({
      ok: false,
      error:
        'The corpus index /index.json is not usable: schema version an object is not the supported version 1.',
    });
  });

  it('answers with an error, never a rejection, whatever JSON the file holds', async () => {
    // Values under the keys the loader reads before any schema, and whole random files.
    const hostile = fc.oneof(
      fc.jsonValue(),
      fc.record({ schemaVersion: fc.jsonValue(), documents: fc.jsonValue() }),
      fc.record({ schemaVersion: fc.constant(1), documents: fc.jsonValue() }),
      fc.record({ schemaVersion: fc.jsonValue(), corpus: fc.jsonValue() }),
      fc.record({ schemaVersion: fc.constant(1), corpus: fc.jsonValue() }),
      fc.record({
        schemaVersion: fc.constant(1),
        documents: fc.record({ length: fc.jsonValue() }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(hostile, async (raw) => {
        const result = await loadDataset('/data.json', serve(JSON.stringify(raw)));
        expect(result.ok).toBe(false);
        expect(!result.ok && result.error).toMatch(/^The (dataset|corpus index)/);
      }),
      { numRuns: 400 },
    );
    const cornered = { ...JSON.parse(committed), documents: { length: { toString: false } } };
    const result = await loadDataset('/data.json', serve(JSON.stringify(cornered)));
    expect(result).toEqual({
      ok: false,
      error: 'The dataset is not usable: dataset.documents: an object should be a list.',
    });
  });
});
