import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { MarkStates, followStates } from '../../src/lib/state/mark-states.svelte.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/**
 * Three marks that are lit when the selected sentence is theirs, each mark's state read by an
 * effect of its own (as each mark's markup reads it); `runs` counts each mark's redraws.
 */
function chart(marks: string[], selected: string | null = null) {
  const view = $state({ marks, selected });
  const states = () => view.marks.map((m) => ({ lit: m === view.selected }));
  const runs: Record<string, number> = {};
  const shown: Record<string, boolean> = {};
  cleanups.push(
    $effect.root(() => {
      const all = $derived(new MarkStates(view.marks, states));
      followStates(() => all, states);
      $effect(() => {
        for (const [i, m] of view.marks.entries()) {
          $effect(() => {
            shown[m] = all.get(i).lit;
            runs[m] = (runs[m] ?? 0) + 1;
          });
        }
      });
    }),
  );
  flushSync();
  return { view, runs, shown };
}

describe('MarkStates', () => {
  it('starts from the selection of the moment', () => {
    // Before any effect runs (as a chart rendered on the server is drawn).
    const states = new MarkStates(['a', 'b', 'c'], () => [
      { lit: false },
      { lit: true },
      { lit: false },
    ]);
    expect([0, 1, 2].map((i) => states.get(i).lit)).toEqual([false, true, false]);
    const { shown, runs } = chart(['a', 'b', 'c'], 'b');
    expect(shown).toEqual({ a: false, b: true, c: false });
    expect(runs).toEqual({ a: 1, b: 1, c: 1 });
  });

  it('redraws only the marks a new selection changes', () => {
    const { view, runs, shown } = chart(['a', 'b', 'c']);
    expect(runs).toEqual({ a: 1, b: 1, c: 1 });
    view.selected = 'a';
    flushSync();
    expect(shown).toEqual({ a: true, b: false, c: false });
    expect(runs).toEqual({ a: 2, b: 1, c: 1 });
    view.selected = 'c';
    flushSync();
    expect(shown).toEqual({ a: false, b: false, c: true });
    expect(runs).toEqual({ a: 3, b: 1, c: 2 });
    // A selection that changes no mark's state redraws none.
    view.selected = 'nothing here';
    flushSync();
    view.selected = 'nothing either';
    flushSync();
    expect(runs).toEqual({ a: 3, b: 1, c: 3 });
  });

  it('takes new marks with their own states', () => {
    const { view, shown } = chart(['a', 'b']);
    view.selected = 'd';
    flushSync();
    view.marks = ['c', 'd', 'e'];
    flushSync();
    expect(shown).toMatchObject({ c: false, d: true, e: false });
  });

  it('works out nothing while its marks are not drawn, and follows them once they are', () => {
    const view = $state({ ready: false, selected: 'a' });
    let asked = 0;
    const states = () => {
      asked++;
      return ['a', 'b'].map((m) => ({ lit: m === view.selected }));
    };
    let all: MarkStates<{ lit: boolean }> | null = null;
    cleanups.push(
      $effect.root(() => {
        const marks = $derived(new MarkStates(['a', 'b'], states));
        followStates(
          () => (all = marks),
          states,
          () => view.ready,
        );
      }),
    );
    flushSync();
    view.selected = 'b';
    flushSync();
    expect(asked).toBe(0);
    expect(all).toBeNull();
    view.ready = true;
    flushSync();
    expect([0, 1].map((i) => all!.get(i).lit)).toEqual([false, true]);
    view.selected = 'a';
    flushSync();
    expect([0, 1].map((i) => all!.get(i).lit)).toEqual([true, false]);
  });

  it('refuses states that are not one per mark', () => {
    expect(() => new MarkStates(['a', 'b'], () => [1])).toThrow('1 states for 2 marks');
  });
});
