import { emptySelection, type Selection } from '../data/queries.ts';
import { queryWithSelection, sameSelection, selectionFromQuery } from './url.ts';

/**
 * The one selection every view reads. `pinned` is what the analyst clicked (it lives in the
 * URL); `preview` is what the pointer or focus rests on, shown until it leaves. Writes that
 * change nothing are ignored, so views never loop on their own echo.
 */
class SelectionState {
  pinned = $state<Selection>({ ...emptySelection });
  preview = $state<Selection | null>(null);
  /** What views draw: the preview while there is one, else the pinned selection. */
  shown = $derived(this.preview ?? this.pinned);

  pin(next: Selection): void {
    this.preview = null;
    if (sameSelection(next, this.pinned)) return;
    this.pinned = next;
    performance.mark('selection-changed');
    if (typeof window !== 'undefined' && window.history) {
      const query = queryWithSelection(window.location.search, next);
      window.history.pushState(
        null,
        '',
        `${window.location.pathname}${query}${window.location.hash}`,
      );
    }
  }

  /** Pins the selection with `patch` applied; pinning what is already pinned clears it. */
  toggle(patch: Partial<Selection>): void {
    const next = { ...emptySelection, ...patch };
    this.pin(sameSelection(next, this.pinned) ? { ...emptySelection } : next);
  }

  hover(patch: Partial<Selection> | null): void {
    const next = patch ? { ...emptySelection, ...patch } : null;
    if (
      next === null
        ? this.preview === null
        : this.preview !== null && sameSelection(next, this.preview)
    )
      return;
    this.preview = next;
  }

  clear(): void {
    this.preview = null;
    this.pin({ ...emptySelection });
  }

  /** Reads the URL (on load, and on back/forward) without adding a history entry. */
  fromLocation(): void {
    this.preview = null;
    const next = selectionFromQuery(window.location.search);
    if (!sameSelection(next, this.pinned)) this.pinned = next;
  }
}

export const selection = new SelectionState();
