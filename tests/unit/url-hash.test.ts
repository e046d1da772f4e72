import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  SINGLE_FILE_MODE,
  hashWithSelection,
  locationWithSelection,
  selectionFromHash,
  selectionFromLocation,
  urlMode,
} from '../../src/lib/state/url.ts';
import { emptySelection, type Selection } from '../../src/lib/data/queries.ts';
import { datasetUrl } from '../../src/lib/data/source.ts';
import { loadDataset } from '../../src/lib/data/load.ts';
import { datasetPath } from '../helpers/dataset.ts';

const readmission: Selection = { ...emptySelection, themes: ['readmission'] };
const place = (search: string, hash: string) => ({ pathname: '/briefing.html', search, hash });

describe('where the selection lives', () => {
  it('is the query string for the served app', () => {
    expect(urlMode('http:', 'production')).toBe('query');
    expect(urlMode('https:', 'development')).toBe('query');
  });

  it('is the hash in the one-file build, and in any page opened from a file', () => {
    expect(urlMode('file:', SINGLE_FILE_MODE)).toBe('hash');
    expect(urlMode('http:', SINGLE_FILE_MODE)).toBe('hash');
    expect(urlMode('file:', 'production')).toBe('hash');
  });
});

describe('selection in the URL hash', () => {
  it('round-trips every criterion in the same form as the query', () => {
    const selection: Selection = {
      ...emptySelection,
      themes: ['readmission', 'control'],
      mode: 'all',
      actor: 'western_states',
      relation: 'caused',
      range: [3, 9],
      sentence: 's12',
    };
    const hash = hashWithSelection('', selection);
    expect(hash).toBe(
      '#theme=readmission,control&match=all&actor=western_states&relation=caused&range=3-9&sentence=s12',
    );
    expect(selectionFromHash(hash)).toEqual(selection);
  });

  it('reads the example from the README', () => {
    expect(selectionFromHash('#theme=readmission&sentence=s12')).toEqual({
      ...emptySelection,
      themes: ['readmission'],
      sentence: 's12',
    });
  });

  it('drops unknown ids and malformed values instead of failing', () => {
    expect(selectionFromHash('#theme=control,bogus&actor=aliens&range=a-b&sentence=x')).toEqual({
      ...emptySelection,
      themes: ['control'],
    });
  });

  it('writes no hash for an empty selection', () => {
    expect(hashWithSelection('#theme=control', emptySelection)).toBe('');
  });

  it('keeps hash parameters that are not the selection, and replaces an in-page anchor', () => {
    expect(hashWithSelection('#embed=timeline&theme=control', readmission)).toBe(
      '#embed=timeline&theme=readmission',
    );
    expect(hashWithSelection('#reader-title', readmission)).toBe('#theme=readmission');
  });
});

describe('selection <-> location', () => {
  it('query mode is unchanged: the query holds the selection, the hash is kept', () => {
    expect(selectionFromLocation(place('?theme=readmission', '#x'), 'query')).toEqual(readmission);
    expect(locationWithSelection(place('?embed=1', '#reader-title'), readmission, 'query')).toBe(
      '/briefing.html?embed=1&theme=readmission#reader-title',
    );
  });

  it('hash mode reads and writes the hash', () => {
    expect(selectionFromLocation(place('', '#theme=readmission'), 'hash')).toEqual(readmission);
    expect(locationWithSelection(place('', ''), readmission, 'hash')).toBe(
      '/briefing.html#theme=readmission',
    );
    expect(locationWithSelection(place('', '#theme=readmission'), emptySelection, 'hash')).toBe(
      '/briefing.html',
    );
  });

  it('hash mode honours a hand-written query when there is no hash, then moves it to the hash', () => {
    expect(selectionFromLocation(place('?theme=readmission', ''), 'hash')).toEqual(readmission);
    expect(
      locationWithSelection(
        place('?theme=readmission&lang=en', ''),
        { ...readmission, sentence: 's3' },
        'hash',
      ),
    ).toBe('/briefing.html?lang=en#theme=readmission&sentence=s3');
  });

  it('the hash wins over the query in hash mode', () => {
    expect(selectionFromLocation(place('?theme=control', '#theme=readmission'), 'hash')).toEqual(
      readmission,
    );
    expect(selectionFromLocation(place('?theme=control', '#sentence=s1'), 'hash')?.themes).toEqual(
      [],
    );
  });

  it('an in-page anchor (the skip link) says nothing about the selection', () => {
    expect(selectionFromLocation(place('', '#reader-title'), 'hash')).toBeNull();
    expect(selectionFromLocation(place('', ''), 'hash')).toEqual(emptySelection);
  });
});

describe('where the app finds its dataset', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('the served app fetches the JSON file next to it', () => {
    expect(datasetUrl()).toMatch(/\/data\/dataset\.json$/);
  });

  it('the one-file build loads the inlined dataset through the same checks, with no file fetched', async () => {
    vi.stubEnv('MODE', SINGLE_FILE_MODE);
    const url = datasetUrl();
    expect(url).toMatch(/^blob:/);
    expect(datasetUrl()).toBe(url); // one blob per page
    const result = await loadDataset(url);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.dataset).toEqual(JSON.parse(readFileSync(datasetPath, 'utf8')));
  });
});
