import { describe, expect, it } from 'vitest';
import {
  emptySelection,
  isEmpty,
  selectedSentences,
  describeSelection,
} from '../../src/lib/data/queries.ts';
import { codebook, doc } from '../helpers/dataset.ts';

const themed = (theme: string) =>
  doc.sentences.filter((s) => s.themes.some((t) => t.theme === theme)).map((s) => s.id);

describe('which sentences a selection picks', () => {
  it('picks nothing special when nothing is selected', () => {
    expect(selectedSentences(doc, emptySelection)).toBeNull();
  });

  it('picks the sentences coded with any selected theme', () => {
    const picked = selectedSentences(doc, {
      ...emptySelection,
      themes: ['readmission', 'security'],
    })!;
    expect([...picked].sort()).toEqual(
      [...new Set([...themed('readmission'), ...themed('security')])].sort(),
    );
  });

  it('picks the sentences that carry an actor’s attributions', () => {
    const picked = selectedSentences(doc, { ...emptySelection, actor: 'western_states' })!;
    const expected = new Set(
      doc.attributions.filter((a) => a.actor === 'western_states').map((a) => a.sentence),
    );
    expect(picked).toEqual(expected);
    expect(picked.size).toBeGreaterThan(1);
  });

  it('intersects criteria: theme within a range', () => {
    const picked = selectedSentences(doc, {
      ...emptySelection,
      themes: ['responsibility'],
      range: [1, 26],
    })!;
    expect([...picked]).toEqual(
      themed('responsibility').filter((id) => doc.sentences.find((s) => s.id === id)!.order <= 26),
    );
  });

  it('picks the sentences an objective of the outcome map answers, and names it', () => {
    const selection = { ...emptySelection, objective: '21', sentences: ['s11', 's12', 's21'] };
    expect(isEmpty(selection)).toBe(false);
    expect([...selectedSentences(doc, selection)!]).toEqual(['s11', 's12', 's21']);
    expect(describeSelection(doc, codebook, selection)).toBe('GCM objective 21');
    expect(describeSelection(doc, codebook, { ...selection, objective: 'non_binding' })).toBe(
      'GCM provision “non binding”',
    );
    expect(describeSelection(doc, codebook, { ...emptySelection, sentences: ['s8', 's23'] })).toBe(
      'sentences 8, 23',
    );
    // With a theme: the sentences of both.
    expect([...selectedSentences(doc, { ...selection, themes: ['readmission'] })!]).toEqual([
      's11',
      's12',
      's21',
    ]);
    expect([...selectedSentences(doc, { ...selection, themes: ['security'] })!]).toEqual(['s11']);
  });

  it('describes the selection in words', () => {
    expect(
      describeSelection(doc, codebook, {
        ...emptySelection,
        themes: ['readmission'],
        range: [2, 5],
      }),
    ).toBe('Readmission & return · sentences 2–5');
  });
});
