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
