import { describe, expect, it } from 'vitest';
import {
  describeSelection,
  emptySelection,
  hasTheme,
  selectedSentences,
  type Selection,
} from '../../src/lib/data/queries.ts';
import { queryWithSelection, sameSelection, selectionFromQuery } from '../../src/lib/state/url.ts';
import { codebook, doc } from '../helpers/dataset.ts';

// A co-occurrence cell selects the sentences that carry both of its themes: Selection.mode 'all'.
const pair: Selection = { ...emptySelection, themes: ['control', 'readmission'], mode: 'all' };

describe('selection mode', () => {
  it("'all' picks the sentences with every theme, the default any of them", () => {
    const both = selectedSentences(doc, pair)!;
    const either = selectedSentences(doc, { ...pair, mode: undefined })!;
    const expected = doc.sentences.filter(
      (s) => hasTheme(s, 'control') && hasTheme(s, 'readmission'),
    );
    expect([...both]).toEqual(expected.map((s) => s.id));
    expect(both.size).toBe(
      doc.aggregates.coOccurrence.find((c) => c.a === 'control' && c.b === 'readmission')!
        .sentences,
    );
    expect(either.size).toBeGreaterThan(both.size);
    expect(selectedSentences(doc, { ...pair, mode: 'any' })).toEqual(either);
  });

  it('survives the URL round trip', () => {
    const query = queryWithSelection('?view=1', pair);
    expect(query).toBe('?view=1&theme=control,readmission&match=all');
    expect(selectionFromQuery(query)).toEqual(pair);
    expect(sameSelection(selectionFromQuery(query), pair)).toBe(true);
  });

  it('leaves plain selections as they were', () => {
    const plain: Selection = { ...emptySelection, themes: ['control', 'readmission'] };
    expect(queryWithSelection('', plain)).toBe('?theme=control,readmission');
    expect(selectionFromQuery('?theme=control,readmission')).toEqual(plain);
    expect('mode' in selectionFromQuery('?theme=control&match=all')).toBe(false);
    expect(selectionFromQuery('?theme=control,readmission&match=bogus')).toEqual(plain);
    expect(sameSelection(plain, pair)).toBe(false);
  });

  it('reads "and" in the summary', () => {
    expect(describeSelection(doc, codebook, pair)).toBe(
      'Migration control and Readmission & return',
    );
    expect(describeSelection(doc, codebook, { ...pair, mode: 'any' })).toBe(
      'Migration control or Readmission & return',
    );
  });
});
