import { describe, expect, it } from 'vitest';
import { queryWithSelection, selectionFromQuery } from '../../src/lib/state/url.ts';
import { emptySelection } from '../../src/lib/data/queries.ts';

describe('selection in the URL', () => {
  it('round-trips every criterion', () => {
    const selection = {
      ...emptySelection,
      themes: ['readmission' as const, 'control' as const],
      actor: 'western_states' as const,
      relation: 'caused' as const,
      range: [3, 9] as [number, number],
      sentence: 's12',
    };
    const query = queryWithSelection('', selection);
    expect(query).toBe(
      '?theme=readmission,control&actor=western_states&relation=caused&range=3-9&sentence=s12',
    );
    expect(selectionFromQuery(query)).toEqual(selection);
  });

  it('round-trips an objective of the outcome map with its sentences', () => {
    const selection = {
      ...emptySelection,
      objective: '21',
      sentences: ['s11', 's12', 's16', 's21'],
    };
    const query = queryWithSelection('', selection);
    expect(query).toBe('?objective=21&sentences=s11,s12,s16,s21');
    expect(selectionFromQuery(query)).toEqual(selection);
    expect(selectionFromQuery('?objective=non_binding&sentences=s5,s29')).toEqual({
      ...emptySelection,
      objective: 'non_binding',
      sentences: ['s5', 's29'],
    });
    // Sentences alone (no counterpart), and an objective alone means nothing.
    expect(selectionFromQuery('?sentences=s8,s9')).toEqual({
      ...emptySelection,
      sentences: ['s8', 's9'],
    });
    expect(selectionFromQuery('?objective=21')).toEqual(emptySelection);
    expect(selectionFromQuery('?objective=2%3B1&sentences=x1,s3')).toEqual({
      ...emptySelection,
      sentences: ['s3'],
    });
  });

  it('keeps parameters that are not the selection', () => {
    expect(
      queryWithSelection('?embed=timeline&theme=control', {
        ...emptySelection,
        themes: ['security'],
      }),
    ).toBe('?embed=timeline&theme=security');
  });

  it('drops unknown ids and malformed values instead of failing', () => {
    expect(
      selectionFromQuery(
        '?theme=control,bogus&actor=aliens&relation=x&range=a-b&sentence=<script>',
      ),
    ).toEqual({
      ...emptySelection,
      themes: ['control'],
    });
  });

  it('orders a reversed range', () => {
    expect(selectionFromQuery('?range=9-3').range).toEqual([3, 9]);
  });

  it('writes nothing for an empty selection', () => {
    expect(queryWithSelection('', emptySelection)).toBe('');
  });
});
