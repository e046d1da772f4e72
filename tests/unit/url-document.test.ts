import { describe, expect, it } from 'vitest';
import { emptySelection, type Selection } from '../../src/lib/data/queries.ts';
import { datasetSource } from '../../src/lib/data/source.ts';
import { embedUrl } from '../../src/lib/embed/mode.ts';
import {
  documentFromLocation,
  locationWithSelection,
  queryWithSelection,
  selectionFromLocation,
  selectionFromQuery,
} from '../../src/lib/state/url.ts';

const readmission: Selection = { ...emptySelection, themes: ['readmission'] };
const place = (search: string, hash = '') => ({ pathname: '/', search, hash });

describe('the document in the URL (doc=)', () => {
  it('is read from the query string, next to the selection', () => {
    const at = place('?doc=synthetic-statement-002&theme=readmission');
    expect(documentFromLocation(at, 'query')).toBe('synthetic-statement-002');
    expect(selectionFromLocation(at, 'query')).toEqual(readmission);
    expect(documentFromLocation(place('?doc=all'), 'query')).toBe('all');
    expect(documentFromLocation(place('?theme=control'), 'query')).toBeNull();
    expect(documentFromLocation(place('?doc='), 'query')).toBeNull();
  });

  it('is written before the selection and kept when the selection changes', () => {
    expect(queryWithSelection('', readmission, 'all')).toBe('?doc=all&theme=readmission');
    expect(queryWithSelection('?doc=all&theme=control', readmission)).toBe(
      '?doc=all&theme=readmission',
    );
    expect(queryWithSelection('?doc=all&theme=control', emptySelection, null)).toBe('');
    expect(locationWithSelection(place('?data=c.json&doc=x'), readmission, 'query')).toBe(
      '/?data=c.json&doc=x&theme=readmission',
    );
    expect(locationWithSelection(place('?doc=x&sentence=s3'), emptySelection, 'query', 'all')).toBe(
      '/?doc=all',
    );
  });

  it('lives in the hash in hash mode, and a query-string doc moves there with the selection', () => {
    const at = place('', '#doc=all&theme=readmission');
    expect(documentFromLocation(at, 'hash')).toBe('all');
    expect(selectionFromLocation(at, 'hash')).toEqual(readmission);
    expect(locationWithSelection(at, emptySelection, 'hash')).toBe('/#doc=all');
    expect(locationWithSelection(place('?doc=b'), readmission, 'hash')).toBe(
      '/#doc=b&theme=readmission',
    );
    expect(locationWithSelection(place('?doc=b', '#doc=c'), readmission, 'hash', 'd')).toBe(
      '/#doc=d&theme=readmission',
    );
    // A file opened with a hand-written query still honours it.
    expect(documentFromLocation(place('?doc=b'), 'hash')).toBe('b');
  });

  it('says nothing on an in-page anchor in hash mode, so the current document stays', () => {
    expect(documentFromLocation(place('?doc=b', '#reader-title'), 'hash')).toBeUndefined();
  });

  it('lets sentence ids of the merged view through, and still drops malformed ones', () => {
    expect(selectionFromQuery('?sentence=synthetic-statement-002.s14').sentence).toBe(
      'synthetic-statement-002.s14',
    );
    expect(selectionFromQuery('?sentence=s14').sentence).toBe('s14');
    expect(selectionFromQuery('?sentence=x.y').sentence).toBeNull();
    expect(selectionFromQuery('?sentence=<b>.s1').sentence).toBeNull();
  });

  it('is carried into the embed snippet with the dataset file', () => {
    expect(
      embedUrl(
        {
          origin: 'https://a.example',
          pathname: '/',
          search: '?data=c/x.json&doc=all&theme=control&utm=1',
        },
        'timeline',
      ),
    ).toBe('https://a.example/?embed=timeline&data=c%2Fx.json&doc=all&theme=control');
  });
});

describe('another dataset file (data=)', () => {
  const base = 'https://a.example/app/index.html';

  it('is the app’s own dataset when there is none', () => {
    expect(datasetSource('', base)).toMatchObject({ ok: true });
    expect(datasetSource('?theme=control', base)).toMatchObject({ ok: true });
  });

  it('accepts a relative path to a .json file on this site', () => {
    expect(datasetSource('?data=corpus/corpus-10.json', base)).toEqual({
      ok: true,
      url: 'https://a.example/app/corpus/corpus-10.json',
    });
    expect(datasetSource('?data=x_1.v2.json', base)).toEqual({
      ok: true,
      url: 'https://a.example/app/x_1.v2.json',
    });
  });

  it('refuses schemes, hosts, "..", "//", absolute paths, encodings and other files', () => {
    for (const bad of [
      'https://evil.example/x.json',
      '//evil.example/x.json',
      'javascript:alert(1)//.json',
      'data:application/json,{}',
      '../secret.json',
      'corpus/../../x.json',
      './x.json',
      '/x.json',
      'corpus//x.json',
      'corpus%2F..%2Fx.json',
      'corpus\\x.json',
      'x.json?y=1',
      'x.json#y',
      'x.txt',
      '.hidden.json',
      '',
    ]) {
      const result = datasetSource(`?${new URLSearchParams({ data: bad })}`, base);
      expect(result.ok, bad).toBe(false);
      expect(!result.ok && result.error).toContain('is not a dataset file on this site');
    }
  });
});
