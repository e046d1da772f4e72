import { FOCUS_MOVES, listen, moveInRows, type FocusTarget } from './focus.ts';

/**
 * The event handlers of a mark keyed `key`, as an attachment (`{@attach handlers(key)}`), in a
 * chart whose marks sit in rows (`rows()`, null while the chart has no layout): a click or
 * Enter/Space activates it, arrows, Home and End move the focus (`focus` moves it to the mark
 * of the key it is given), focus and pointer preview it. `onfocus` tells the chart which mark
 * holds the tab stop; `onescape` runs on Escape, after which the key goes on to the page.
 */
export function rowMarkHandlers(chart: {
  rows: () => FocusTarget[][] | null;
  focus: (key: string) => void;
  activate: (key: string) => void;
  preview: (key: string | null) => void;
  onfocus: (key: string) => void;
  onescape?: () => void;
}) {
  function onkeydown(event: KeyboardEvent, key: string) {
    const move = FOCUS_MOVES[event.key];
    const rows = chart.rows();
    if (move && rows) {
      event.preventDefault();
      chart.focus(moveInRows(rows, key, move));
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      chart.activate(key);
    } else if (event.key === 'Escape') {
      chart.onescape?.();
    }
  }
  return (key: string) =>
    listen({
      click: () => chart.activate(key),
      keydown: (event) => onkeydown(event as KeyboardEvent, key),
      focus: () => {
        chart.onfocus(key);
        chart.preview(key);
      },
      blur: () => chart.preview(null),
      mouseenter: () => chart.preview(key),
      mouseleave: () => chart.preview(null),
    });
}
