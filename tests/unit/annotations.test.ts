import { beforeAll, describe, expect, it } from 'vitest';
import type { StatementDocument } from '../../src/lib/data/types.ts';
import { parseAnnotations, suggestAttributions } from '../../src/pipeline/annotations.ts';
import { PipelineError } from '../../src/pipeline/errors.ts';
import {
  annotationsFile,
  build,
  curatedDoc,
  dictionary,
  lineOfText,
  readProjectFile,
  seedDoc,
} from './support.ts';

interface RawAttribution {
  id: string;
  sentence: string;
  actor: string;
  relation: string;
  target: string;
  quote: string;
  rationale: string;
}

const committed = readProjectFile(annotationsFile);
const raw = JSON.parse(committed) as { document: string; attributions: RawAttribution[] };

/** The committed annotations with one attribution changed, written as an analyst would. */
function withChange(id: string, change: Partial<RawAttribution>): string {
  const attributions = raw.attributions.map((a) => (a.id === id ? { ...a, ...change } : a));
  return `${JSON.stringify({ ...raw, attributions }, null, 2)}\n`;
}

/** The PipelineError that parsing `source` throws. */
function failure(source: string): PipelineError {
  try {
    parseAnnotations(source, annotationsFile, doc.id, doc.sentences);
  } catch (error) {
    expect(error).toBeInstanceOf(PipelineError);
    return error as PipelineError;
  }
  throw new Error('the annotations were accepted');
}

const doc = seedDoc;

describe('the attribution quote check', () => {
  it('refuses a quote that is not in its sentence, naming the file, the id and the problem', () => {
    const source = withChange('a06', { quote: 'prevent lawful acts of the migrants' });
    const error = failure(source);
    expect(error.file).toBe(annotationsFile);
    expect(error.where).toBe(`line ${lineOfText(source, '"a06"')}`);
    expect(error.message).toContain(annotationsFile);
    expect(error.message).toContain('attribution "a06"');
    expect(error.message).toContain(
      'the quote "prevent lawful acts of the migrants" is not in sentence s11',
    );
  });

  it('refuses a quote that is in the statement but in another sentence', () => {
    const error = failure(withChange('a01', { quote: 'We positively assess the results' }));
    expect(error.message).toContain('attribution "a01": the quote "We positively assess');
    expect(error.message).toContain('is not in sentence s2');
  });

  it('refuses a quote that differs only in its quotation marks', () => {
    const sentence = doc.sentences.find((s) => s.text.includes('"responsibility sharing"'))!;
    const curly = withChange('a01', {
      sentence: sentence.id,
      quote: 'the term “responsibility sharing”',
    });
    expect(failure(curly).message).toContain(`is not in sentence ${sentence.id}`);
  });

  it.each([
    ['an actor', { actor: 'aliens' }, 'actor "aliens" is not in the codebook'],
    ['a relation', { relation: 'threatens' }, 'relation "threatens" is not in the codebook'],
    ['a sentence', { sentence: 's99' }, 'sentence "s99" does not exist in the statement'],
    ['a target', { target: ' ' }, '"target" must be a non-empty string'],
  ])('refuses %s that does not exist', (_, change, problem) => {
    const source = withChange('a07', change);
    const error = failure(source);
    expect(error.where).toBe(`line ${lineOfText(source, '"a07"')}`);
    expect(error.message).toContain(`attribution "a07": ${problem}`);
  });

  it('refuses a duplicate id and a file made for another statement', () => {
    const duplicate = JSON.stringify({
      ...raw,
      attributions: [raw.attributions[0], raw.attributions[0]],
    });
    expect(failure(duplicate).message).toContain('attribution "a01": duplicate attribution id');
    const other = failure(JSON.stringify({ ...raw, document: 'another-statement' }));
    expect(other.message).toContain(
      `"document" is "another-statement" but the statement's id is "${doc.id}"`,
    );
  });

  it('reports invalid JSON with the file', () => {
    expect(failure('{ "attributions": [ }').message).toMatch(
      new RegExp(`^${annotationsFile}.*invalid JSON`),
    );
  });
});

describe('the committed annotations', () => {
  let doc: StatementDocument;
  beforeAll(() => {
    doc = curatedDoc();
  });

  it('all pass the checks and become curated attributions in file order', () => {
    expect(doc.attributions.map((a) => a.id)).toEqual(raw.attributions.map((a) => a.id));
    expect(doc.attributions.every((a) => a.source === 'curated')).toBe(true);
    expect(doc.counts.attributions).toBe(raw.attributions.length);
  });

  it('give each attribution a quote equal to text.slice(start, end), inside its sentence', () => {
    const sentences = new Map(doc.sentences.map((s) => [s.id, s]));
    for (const [i, a] of doc.attributions.entries()) {
      const sentence = sentences.get(a.sentence)!;
      expect(a.quote).toBe(raw.attributions[i].quote);
      expect(doc.text.slice(a.start, a.end)).toBe(a.quote);
      expect(a.start).toBeGreaterThanOrEqual(sentence.start);
      expect(a.end).toBeLessThanOrEqual(sentence.end);
      expect(sentence.text).toContain(a.quote);
    }
  });

  it('link every actor, relation and target of the attributions', () => {
    const linked = doc.aggregates.attributionLinks.flatMap((l) => l.attributions).sort();
    expect(linked).toEqual(doc.attributions.map((a) => a.id).sort());
    const blamed = doc.aggregates.attributionLinks.filter(
      (l) => l.actor === 'western_states' && l.relation === 'caused',
    );
    expect(blamed.length).toBeGreaterThan(0);
  });
});

describe('suggested attributions', () => {
  it('pair an actor with a relation cue in one sentence, quoting the words between them', () => {
    const other = build(
      'Western countries must bear responsibility for the crises. We assist victims of the war.',
    );
    const suggested = other.attributions.map((a) => [a.sentence, a.actor, a.relation, a.quote]);
    expect(suggested).toContainEqual([
      's1',
      'western_states',
      'must_bear_responsibility',
      'Western countries must bear responsibility',
    ]);
    expect(suggested).toContainEqual(['s2', 'refugees', 'beneficiary_of', 'assist victims']);
    for (const a of other.attributions) {
      expect(a.source).toBe('suggested');
      expect(other.text.slice(a.start, a.end)).toBe(a.quote);
    }
  });

  it('suggest nothing for a sentence without an actor', () => {
    const text = 'The result of the storm was serious.';
    expect(suggestAttributions(text, build(text).sentences, dictionary)).toEqual([]);
  });
});
