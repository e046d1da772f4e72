import Ajv from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datasetProblem } from '../../src/lib/data/load.ts';
import { datasetSchema } from '../../src/lib/data/schema.ts';
import { schemaProblem } from '../../src/lib/data/validate.ts';
import { dataset } from '../helpers/dataset.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path into the dataset, e.g. ['documents', 0, 'sentences', 3, 'themes']. */
function paths(value: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  if (prefix.length > 0) out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}

const base = JSON.parse(JSON.stringify(dataset)) as Json;
// The document text is long; leave it out of the paths so mutations spread over the structure.
const allPaths = paths(base).filter((p) => !(p.length === 3 && p[2] === 'text'));
const ajv = new Ajv({ allErrors: false, strict: false });
const ajvValidate = ajv.compile(datasetSchema);

function mutate(path: (string | number)[], replacement: Json | undefined): Json {
  const copy = JSON.parse(JSON.stringify(base)) as Json;
  let node = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  const last = path[path.length - 1];
  if (replacement === undefined) {
    if (Array.isArray(node)) node.splice(last as number, 1);
    else delete node[last];
  } else node[last] = replacement;
  return copy;
}

const mutation = fc.record({
  path: fc.constantFrom(...allPaths),
  replacement: fc.option(fc.jsonValue() as fc.Arbitrary<Json>, { nil: undefined, freq: 4 }),
});

describe('the run-time dataset check', () => {
  it('accepts the committed dataset, as ajv does', () => {
    expect(ajvValidate(base)).toBe(true);
    expect(datasetProblem(base)).toBeNull();
  });

  it('agrees with ajv on 600 random mutations and never throws', () => {
    fc.assert(
      fc.property(mutation, ({ path, replacement }) => {
        const mutated = mutate(path, replacement);
        const ours = schemaProblem(datasetSchema, mutated);
        expect(ours === null).toBe(ajvValidate(mutated) as boolean);
        const problem = datasetProblem(mutated);
        expect(problem === null || typeof problem === 'string').toBe(true);
      }),
      { numRuns: 600 },
    );
  });

  it('names where a mutated dataset goes wrong', () => {
    const shifted = mutate(['documents', 0, 'sentences', 5, 'start'], 3);
    expect(datasetProblem(shifted)).toBe(
      'sentence s6 of "russian-federation-gcm-position" has offsets outside its text',
    );
    const typed = mutate(['documents', 0, 'counts', 'sentences'], 'many');
    expect(datasetProblem(typed)).toBe(
      'dataset.documents[0].counts.sentences: "many" should be an integer',
    );
    const dangling = mutate(['documents', 0, 'attributions', 0, 'sentence'], 's999');
    expect(datasetProblem(dangling)).toBe(
      'attribution a01 of "russian-federation-gcm-position" points at sentence s999, which does not exist',
    );
    const missing = mutate(['documents', 0, 'attributions', 0, 'quote'], undefined);
    expect(datasetProblem(missing)).toBe(
      'dataset.documents[0].attributions[0]: the field "quote" is missing',
    );
  });

  it('reports a field named like a built-in member of every object', () => {
    for (const key of ['constructor', 'toString', '__proto__']) {
      const extra = JSON.parse(
        JSON.stringify(base).replace('"codebookVersion":', `"${key}":{},"codebookVersion":`),
      ) as Json;
      expect(ajvValidate(extra)).toBe(false);
      expect(datasetProblem(extra)).toBe(`dataset.documents[0]: unexpected field "${key}"`);
    }
  });

  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(typeof datasetProblem(value)).toBe('string');
      }),
      { numRuns: 300 },
    );
  });
});
