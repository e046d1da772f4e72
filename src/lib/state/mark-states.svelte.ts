import { untrack } from 'svelte';

/** One mark's state: a reactive value of its own. */
class Cell<T> {
  value = $state.raw() as T;
  constructor(value: T) {
    this.value = value;
  }
}

/**
 * The selection state of each mark of a chart, or each sentence of the reader (lit, dimmed,
 * pressed, holding the tab stop), each mark's a reactive value of its own. A new selection is
 * worked out for every mark at once (`states`, in plain code), and only the marks whose state
 * changes are told: a mark that read one shared value would be checked again on every
 * selection (the co-occurrence matrix's 144 cells scheduled or recomputed about 1,650 effects
 * and derived values per selection). The topic timeline's marks do without: with a thousand of
 * them, reading the selection in each mark draws a corpus faster (see there).
 *
 * Create it in a `$derived` of the marks (it starts from the states of the moment, so a chart
 * rendered on the server draws the selection too), and call `followStates` in the component's
 * script.
 */
export class MarkStates<T> {
  #cells: Cell<T>[];
  /** What the cells hold, read without subscribing to them. */
  #current: T[];
  #same: (a: T, b: T) => boolean;

  /** `marks`: what the states are of (one state each), read so that a `$derived` makes new
   * states for new marks. `same`: whether two states draw the same (by default, whether their
   * fields are equal). */
  constructor(
    marks: readonly unknown[],
    states: () => T[],
    same: (a: T, b: T) => boolean = sameFields,
  ) {
    this.#current = untrack(states);
    if (this.#current.length !== marks.length) {
      throw new Error(`${this.#current.length} states for ${marks.length} marks`);
    }
    this.#cells = this.#current.map((state) => new Cell(state));
    this.#same = same;
  }

  /** Mark `index`'s state (subscribes to that mark's only). */
  get(index: number): T {
    return this.#cells[index].value;
  }

  /** Takes each mark's next state, telling only the marks whose state changed. */
  set(next: T[]): void {
    const current = this.#current;
    for (let i = 0; i < next.length && i < current.length; i++) {
      if (!this.#same(current[i], next[i])) {
        current[i] = next[i];
        this.#cells[i].value = next[i];
      }
    }
  }
}

/** Whether two states hold equal fields, each compared with `===` (a state is a small object of
 * booleans, numbers and strings, or of lists that stay the same object while they are equal). */
function sameFields<T>(a: T, b: T): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  for (const key in a) if (a[key] !== b[key]) return false;
  return true;
}

/**
 * Keeps `marks()` (a MarkStates) in step with `states()`, before the page is updated: call
 * once in a component's script. While `ready()` is false (a chart whose box is not measured
 * yet draws no marks) it reads neither, so nothing is worked out for marks not drawn.
 */
export function followStates<T>(
  marks: () => MarkStates<T>,
  states: () => T[],
  ready: () => boolean = () => true,
): void {
  $effect.pre(() => {
    if (!ready()) return;
    const target = marks();
    const next = states();
    untrack(() => target.set(next));
  });
}
