import { describe, expect, it } from 'vitest';
import { MODALITY_IDS, type ModalityId, type Sentence } from '../../src/lib/data/types.ts';
import { codeModality } from '../../src/pipeline/dictionary.ts';
import { build, dictionary, seedDoc as doc, sentenceStarting } from './support.ts';

const modalityOf = (sentence: string) =>
  codeModality(sentence, { start: 0, end: sentence.length }, dictionary, null);

/** The cue is recorded with its offsets and lies inside the sentence that it decided. */
function expectCueIn(text: string, sentence: Sentence) {
  const { cue } = sentence.modality;
  expect(cue).not.toBeNull();
  expect(text.slice(cue!.start, cue!.end)).toBe(cue!.text);
  expect(cue!.start).toBeGreaterThanOrEqual(sentence.start);
  expect(cue!.end).toBeLessThanOrEqual(sentence.end);
  expect(sentence.text).toContain(cue!.text);
}

/** One sentence per modality, written for this test (none is from the statement). */
const EXAMPLES: Record<ModalityId, { sentence: string; cue: string }> = {
  demand: { sentence: 'States must strengthen cooperation with countries of origin.', cue: 'must' },
  rejection: { sentence: 'We reject any attempt to impose quotas on us.', cue: 'reject' },
  attribution: {
    sentence: 'The current crisis was caused by a reckless military intervention.',
    cue: 'caused by',
  },
  position: { sentence: 'We believe that dialogue is the way forward.', cue: 'We believe' },
  assessment: {
    sentence: 'We highly appreciate the work of the facilitators.',
    cue: 'highly appreciate',
  },
};

describe('modality on examples not from the statement', () => {
  it('has one example for each modality of the codebook', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual([...MODALITY_IDS].sort());
  });

  it.each(MODALITY_IDS)('codes %s from its cue', (modality) => {
    const { sentence, cue } = EXAMPLES[modality];
    const doc = build(sentence);
    const [coded] = doc.sentences;
    expect(coded.modality.modality).toBe(modality);
    expect(coded.modality.basis).toBe('cue');
    expect(coded.modality.cue?.text).toBe(cue);
    expectCueIn(doc.text, coded);
  });

  it('falls back to the default modality, with no cue, when nothing matches', () => {
    const coded = modalityOf('The report has forty pages.');
    expect(coded).toEqual({ modality: dictionary.defaultModality, cue: null, basis: 'default' });
    expect(coded.modality).toBe('position');
  });

  it('reads "should not" as a rejection, not as a demand', () => {
    expect(modalityOf('The compact should not create new duties.').modality).toBe('rejection');
    expect(modalityOf('The compact should create new duties.').modality).toBe('demand');
  });

  it("gives list items without a cue their lead-in's modality and cue", () => {
    const doc = build(
      'The declaration must cover the following points:\n- safe routes;\n- faster procedures; and\n- it must not exclude anyone.',
    );
    const [leadIn, first, second, third] = doc.sentences;
    expect(leadIn.modality).toMatchObject({ modality: 'demand', basis: 'cue' });
    for (const item of [first, second]) {
      expect(item.modality).toEqual({ ...leadIn.modality, basis: 'lead-in' });
    }
    expect(third.modality).toMatchObject({ modality: 'rejection', basis: 'cue' });
    expectCueIn(doc.text, third);
  });

  it('gives list items under a lead-in without a cue the default, not a cue-less lead-in', () => {
    const doc = build('Our topics:\n- safe routes;\n- faster procedures.');
    for (const s of doc.sentences) {
      expect(s.modality).toEqual({ modality: 'position', cue: null, basis: 'default' });
    }
  });
});

describe('a rejection cue the hand-coding guide names', () => {
  // The hand-coding guide counts "we do not accept" as a rejection (rule rejection.not-accept).
  it('reads "We do not accept …" as a rejection', () => {
    expect(modalityOf('We do not accept new legal obligations.').modality).toBe('rejection');
  });
});

describe('modality of the statement', () => {
  it('reads "It should not be a legally binding instrument…" as a rejection', () => {
    const s = sentenceStarting(doc, 'It should not be a legally binding instrument');
    expect(s.modality.modality).toBe('rejection');
    expect(s.modality.cue?.text).toBe('should not');
    expectCueIn(doc.text, s);
  });

  it('reads "Therefore, the States which … must bear primary and heaviest responsibility…" as an attribution', () => {
    const s = sentenceStarting(doc, 'Therefore, the States which actively participated');
    expect(s.modality.modality).toBe('attribution');
    expect(s.modality.cue?.text).toBe('must bear primary and heaviest responsibility');
    expectCueIn(doc.text, s);
  });

  it('reads every list item as a demand, by the lead-in "should also cover" unless it has its own cue', () => {
    const leadIn = sentenceStarting(doc, 'Moreover, the Global compact should also cover');
    expect(leadIn.modality).toMatchObject({ modality: 'demand', basis: 'cue' });
    expect(leadIn.modality.cue?.text).toBe('should');
    const items = doc.sentences.filter((s) => s.listItem !== null);
    expect(items).toHaveLength(8);
    for (const item of items) {
      expect(item.modality.modality).toBe('demand');
      if (item.modality.basis === 'lead-in') expect(item.modality.cue).toEqual(leadIn.modality.cue);
      else expectCueIn(doc.text, item);
    }
    // Only the first item ("Importance of …") carries a demand cue of its own.
    expect(items.map((s) => s.modality.basis)).toEqual([
      'cue',
      'lead-in',
      'lead-in',
      'lead-in',
      'lead-in',
      'lead-in',
      'lead-in',
      'lead-in',
    ]);
    expect(items[0].modality.cue?.text).toBe('Importance');
  });

  it('reads "We positively assess…" as an assessment', () => {
    const s = sentenceStarting(doc, 'We positively assess');
    expect(s.modality.modality).toBe('assessment');
    expect(s.modality.cue?.text).toBe('positively assess');
    expectCueIn(doc.text, s);
  });

  it('records a cue inside its sentence for every sentence coded by a cue', () => {
    const byCue = doc.sentences.filter((s) => s.modality.basis === 'cue');
    expect(byCue.length).toBeGreaterThan(25);
    for (const s of byCue) expectCueIn(doc.text, s);
  });
});
