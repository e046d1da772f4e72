import { untrack } from 'svelte';
import { watchWidth } from './box-width.ts';

/**
 * A chart's width: the one it is given (an export's), else its box's. The box is measured
 * after it mounts, with the other boxes mounted in the same update, before anything is drawn
 * in it; until then `ready` is false and the chart draws nothing. So a chart draws once, at
 * its width, instead of first at a default width and again when its box is measured. A box
 * that measures 0 (hidden, or a page with no layout) draws at `fallback`, and again once it
 * has a width.
 *
 * Use: `<div {@attach box.attach}>{#if box.ready}…{/if}</div>`.
 */
export class BoxWidth {
  #measured = $state<number | null>(null);
  #fixed: () => number | undefined;
  #fallback: number;

  constructor(fixed: () => number | undefined, fallback = 640) {
    this.#fixed = fixed;
    this.#fallback = fallback;
  }

  get ready(): boolean {
    return this.#fixed() !== undefined || this.#measured !== null;
  }

  /** `ready` as a function, for what asks whether the chart is drawn (`followStates`). */
  isReady = (): boolean => this.ready;

  get value(): number {
    return this.#fixed() ?? (this.#measured ? Math.round(this.#measured) : this.#fallback);
  }

  /** Measures `box` (see above), and again whenever its size changes. */
  attach = (box: HTMLElement): (() => void) => watchWidth(box, (width) => (this.#measured = width));
}

/**
 * Calls `report` once, the first time `drawn()` holds; read in an effect, so after the marks
 * it speaks of are in the page. For charts whose marks are their template's: `drawn` is
 * `box.ready`, or also the chart's data having loaded (or failed to).
 */
export function reportFirstDraw(drawn: () => boolean, report: () => void): void {
  let reported = false;
  $effect(() => {
    if (reported || !drawn()) return;
    reported = true;
    untrack(report);
  });
}
