import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/lib/data/types.ts';
import { datasetSchema } from '../../src/lib/data/schema.ts';
import { serialize } from '../../src/pipeline/build.ts';
import { dataFiles } from '../../src/pipeline/io.ts';
import { build, projectRoot, readProjectFile } from './support.ts';

const DATA_FILES = ['data/dataset.json', 'data/dataset.schema.json', 'data/gcm-context.json'];
let fresh: Record<string, string>;
beforeAll(() => {
  fresh = dataFiles(projectRoot);
});

describe('freshness (the committed dataset equals a fresh run)', () => {
  it('writes exactly the three files of data/', () => {
    expect(Object.keys(fresh).sort()).toEqual(DATA_FILES);
  });

  it.each(DATA_FILES)('%s is byte for byte what the seeds give', (file) => {
    const committed = readFileSync(join(projectRoot, file));
    expect(Buffer.from(fresh[file], 'utf8').equals(committed), `${file} is stale`).toBe(true);
  });
});

describe('ASCII files', () => {
  it.each(DATA_FILES)('%s holds ASCII only, its other characters escaped', (file) => {
    expect(readFileSync(join(projectRoot, file), 'utf8')).not.toMatch(/[\u0080-\uffff]/);
  });

  it('escapes every other character, and reads back as what was written', () => {
    const value = { text: 'victims – refugees, “quoted”… 😀', plain: 'a "b" \\ c' };
    for (const compact of [false, true]) {
      const written = serialize(value, { compact });
      expect(written).not.toMatch(/[\u0080-\uffff]/);
      expect(written).toContain(
        'victims \\u2013 refugees, \\u201cquoted\\u201d\\u2026 \\ud83d\\ude00',
      );
      expect(JSON.parse(written)).toEqual(value);
    }
  });
});

describe('determinism (two runs, same bytes)', () => {
  it('gives the same bytes on a second run in the same process', () => {
    expect(dataFiles(projectRoot)).toEqual(fresh);
  });

  it('stamps no time, date of the run, machine or absolute path into the data', () => {
    const all = Object.values(fresh).join('\n');
    expect(all).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    expect(all).not.toMatch(/"(generated|generatedAt|timestamp|createdAt|updatedAt|builtAt)":/i);
    expect(all).not.toContain(projectRoot);
    const today = new Date().toISOString().slice(0, 10);
    expect(all).not.toContain(today);
  });
});

describe('the schema validating the dataset', () => {
  const schema = JSON.parse(readProjectFile('data/dataset.schema.json'));
  const validate = new Ajv({ allErrors: true }).compile(schema);
  const committed = (): Dataset => JSON.parse(readProjectFile('data/dataset.json'));

  it('is the schema that src/lib/data/schema.ts defines', () => {
    expect(schema).toEqual(JSON.parse(JSON.stringify(datasetSchema)));
  });

  it('accepts the committed dataset', () => {
    const ok = validate(committed());
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('accepts a dataset built from another statement', () => {
    const doc = build(
      'Position of the Republic of Testland on Migration\n\nWe support regular pathways for seasonal workers. Western countries must bear responsibility for the crises.',
    );
    const dataset = { ...committed(), documents: [doc] };
    expect(validate(dataset), JSON.stringify(validate.errors)).toBe(true);
  });

  const mutations: [string, (d: Dataset) => void, RegExp][] = [
    [
      'an unknown theme id on a sentence',
      (d) => {
        const s = d.documents[0].sentences.find((x) => x.themes.length > 0)!;
        (s.themes[0] as { theme: string }).theme = 'migration_control';
      },
      /\/themes\/0\/theme/,
    ],
    [
      'an unknown theme id in the codebook',
      (d) => {
        (d.codebook.themes[0] as { id: string }).id = 'borders';
      },
      /\/codebook\/themes\/0\/id/,
    ],
    [
      'a missing field',
      (d) => {
        delete (d.documents[0] as Partial<Dataset['documents'][0]>).counts;
      },
      /counts/,
    ],
    [
      'an unexpected field',
      (d) => {
        (d.documents[0].sentences[0] as unknown as Record<string, unknown>).score = 1;
      },
      /additional/,
    ],
    [
      'a negative offset',
      (d) => {
        d.documents[0].sentences[0].start = -1;
      },
      /\/sentences\/0\/start/,
    ],
    [
      'an unknown modality',
      (d) => {
        (d.documents[0].sentences[0].modality as { modality: string }).modality = 'question';
      },
      /\/modality\/modality/,
    ],
    [
      'another schema version',
      (d) => {
        d.schemaVersion = 2;
      },
      /schemaVersion/,
    ],
    [
      'a date that is not ISO',
      (d) => {
        d.documents[0].dateReferences[0].date = '19/09/2016';
      },
      /\/dateReferences\/0\/date/,
    ],
    [
      'no document',
      (d) => {
        d.documents = [];
      },
      /\/documents/,
    ],
  ];

  it.each(mutations)('rejects a copy with %s', (_, mutate, where) => {
    const dataset = committed();
    mutate(dataset);
    expect(validate(dataset)).toBe(false);
    const paths = (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`).join('\n');
    expect(paths).toMatch(where);
  });
});

describe('date references', () => {
  it('finds both mentions of 19 September 2016 in the statement', () => {
    const dataset = JSON.parse(fresh['data/dataset.json']) as Dataset;
    const dates = dataset.documents[0].dateReferences;
    expect(dates.map((d) => [d.text, d.date, d.sentence])).toEqual([
      ['19 September 2016', '2016-09-19', 's1'],
      ['19 September 2016', '2016-09-19', 's9'],
    ]);
  });

  it('reads day-month-year, month-day-year and month-year dates', () => {
    const doc = build(
      'The meeting on 10 December 2018 followed talks on July 13, 2018. Work began in September 2016.',
    );
    expect(doc.dateReferences.map((d) => [d.text, d.date, d.sentence])).toEqual([
      ['10 December 2018', '2018-12-10', 's1'],
      ['July 13, 2018', '2018-07-13', 's1'],
      ['September 2016', '2016-09', 's2'],
    ]);
  });

  it('records no date that does not exist', () => {
    const doc = build('It happened on 31 February 2018, on 0 May 2018 and on April 31, 2019.');
    expect(doc.dateReferences).toEqual([]);
    expect(build('On 29 February 2020 it rained.').dateReferences[0]?.date).toBe('2020-02-29');
  });
});
