import { emptySelection, type Selection } from '../data/queries.ts';
import {
  documentFromLocation,
  locationWithSelection,
  sameSelection,
  selectionFromLocation,
  urlMode,
} from './url.ts';
import { afterPaint } from '../ui/after-paint.ts';

/** History entries not written yet, each the URL of its selection given the address before it. */
let entries: ((location: Location) => string)[] = [];

/**
 * Adds a history entry for a new selection once the views have answered it: after the next
 * frame is painted (or within 100 ms, in a page that paints no frames), since writing history
 * takes a few milliseconds that the click's answer should not wait for.
 */
function record(entry: (location: Location) => string): void {
  if (typeof window === 'undefined' || !window.history) return;
  if (entries.push(entry) > 1) return;
  afterPaint(writeHistory);
  setTimeout(writeHistory, 100);
}

/** Writes the entries not written yet, in order; `embedSnippet` and others that read the
 * address call it first. */
export function writeHistory(): void {
  for (const entry of entries.splice(0)) {
    window.history.pushState(null, '', entry(window.location));
  }
}

/**
 * The one selection every view reads. `pinned` is what the analyst clicked (it lives in the
 * URL); `preview` is what the pointer or focus rests on, shown until it leaves. Writes that
 * change nothing are ignored, so views never loop on their own echo.
 */
class SelectionState {
  // Raw: a selection is replaced whole, never changed in place, so it needs no proxy.
  pinned = $state.raw<Selection>({ ...emptySelection });
  preview = $state.raw<Selection | null>(null);
  /** What views draw: the preview while there is one, else the pinned selection. */
  shown = $derived(this.preview ?? this.pinned);
  /** The document the views show, as the URL names it (`doc=`): an id, `all`, or null for the
   * dataset's first (corpus.ts, chooseDocument). */
  document = $state<string | null>(null);
  /** The document and selection before the last document was picked (takeBackDocument). */
  #beforePick: { document: string | null; pinned: Selection } | null = null;

  pin(next: Selection): void {
    this.preview = null;
    if (sameSelection(next, this.pinned)) return;
    this.pinned = next;
    record((location) => locationWithSelection(location, next, urlMode(location.protocol)));
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

  /**
   * Shows another document (an id or `all`). Its sentences are not the last one's, so the
   * selection is cleared; the document and the empty selection make one history entry.
   */
  showDocument(doc: string): void {
    if (doc === this.document) return;
    this.#beforePick = { document: this.document, pinned: this.pinned };
    this.document = doc;
    this.preview = null;
    this.pinned = { ...emptySelection };
    record((location) =>
      locationWithSelection(location, emptySelection, urlMode(location.protocol), doc),
    );
  }

  /**
   * Takes back the last document picked, when it could not be loaded: the document before it
   * comes back, with its selection unless another was made meanwhile, and the address names
   * them again (its entry is overwritten, so a link copied now opens what the views show).
   */
  takeBackDocument(): void {
    const before = this.#beforePick;
    this.#beforePick = null;
    if (!before) return;
    this.document = before.document;
    // A selection made on the views while the document loaded stays.
    if (sameSelection(this.pinned, emptySelection)) {
      this.preview = null;
      this.pinned = before.pinned;
    }
    if (typeof window === 'undefined' || !window.history) return;
    writeHistory();
    const { location } = window;
    window.history.replaceState(
      null,
      '',
      locationWithSelection(location, this.pinned, urlMode(location.protocol), before.document),
    );
  }

  /**
   * Reads the URL (on load, and on back/forward or an edited hash: both fire popstate) without
   * adding a history entry. The query string holds the selection, or the hash in the one-file
   * build and in a page opened from a file (see url.ts).
   */
  fromLocation(): void {
    // The address changed under entries not written yet: they would overwrite it.
    entries = [];
    this.#beforePick = null;
    this.preview = null;
    const { location } = window;
    const next = selectionFromLocation(location, urlMode(location.protocol));
    if (next && !sameSelection(next, this.pinned)) this.pinned = next;
    const doc = documentFromLocation(location, urlMode(location.protocol));
    if (doc !== undefined) this.document = doc;
  }
}

export const selection = new SelectionState();
