import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datasetSchema } from '../../src/lib/data/schema.ts';
import { schemaTest } from '../../src/lib/data/schema-test.ts';
import { schemaProblem, type Schema } from '../../src/lib/data/validate.ts';
import type { Dataset } from '../../src/lib/data/types.ts';
import { serialize } from '../../src/pipeline/build.ts';
import { corpusFromSeeds } from '../../src/pipeline/io.ts';
import { projectRoot, readProjectFile } from './support.ts';

/**
 * The corpus code tests each document fast (schema-test.ts) and words a problem with
 * schemaProblem only when the test fails: the two must agree on every document, or a damaged
 * document would be drawn, or a sound one refused with no words.
 */

const documentSchema = (datasetSchema.properties.documents as Schema & { items: Schema }).items;
const fits = schemaTest(documentSchema);
const statement = JSON.parse(readProjectFile('data/dataset.json')) as Dataset;
const corpus = JSON.parse(
  serialize(corpusFromSeeds(projectRoot, { statements: 3, seed: 5 })),
) as Dataset;
const documents = [...statement.documents, ...corpus.documents];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every place in `value` a change can go: the path to each object, list and field. */
function places(value: Json, at: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => places(v, [...at, i], out));
  else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) places(v, [...at, key], out);
  }
  return out;
}

const agree = (doc: unknown) => expect(fits(doc)).toBe(schemaProblem(documentSchema, doc) === null);

/** Values a damaged file could hold where another belongs: near misses and any JSON. */
const wrongValue = fc.oneof(
  fc.constantFrom<Json>(-1, 0, 1, 1.5, '', 'x', 'Not An Id', 'control', 'cue', null, true, [], {}),
  fc.jsonValue() as fc.Arbitrary<Json>,
);

describe('the fast test of a document', () => {
  it('passes every document of the dataset and of a generated corpus', () => {
    expect(documents.length).toBe(4);
    for (const doc of documents) {
      expect(schemaProblem(documentSchema, doc)).toBeNull();
      expect(fits(doc)).toBe(true);
    }
  });

  it('fails where schemaProblem names a problem, and only there, for any one change', () => {
    const paths = documents.map((doc) => places(doc as unknown as Json));
    const change = fc.record({
      doc: fc.nat({ max: documents.length - 1 }),
      place: fc.nat(),
      kind: fc.constantFrom('replace', 'remove', 'add'),
      value: wrongValue,
    });
    let failed = 0;
    fc.assert(
      fc.property(change, ({ doc, place, kind, value }) => {
        const copy = structuredClone(documents[doc]) as unknown as Json;
        const path = paths[doc][place % paths[doc].length];
        if (path.length === 0) {
          agree(kind === 'replace' ? value : copy);
          return;
        }
        let parent = copy as Record<string | number, Json>;
        for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
        const key = path[path.length - 1];
        if (kind === 'replace') parent[key] = value;
        else if (kind === 'remove' && Array.isArray(parent)) parent.splice(key as number, 1);
        else if (kind === 'remove') delete parent[key];
        else if (Array.isArray(parent)) parent.push(value);
        else if (parent[key] !== null && typeof parent[key] === 'object') {
          (parent[key] as Record<string, Json>).extra = value;
        } else parent[`${key}Extra`] = value;
        if (!fits(copy)) failed++;
        agree(copy);
      }),
      { numRuns: 600, seed: 7 },
    );
    // Most single changes break the document: the test is not passing everything.
    expect(failed).toBeGreaterThan(300);
  });
});
