/**
 * Moving the keyboard focus among a chart's marks: one tab stop per chart, arrows, Home and End
 * move it (the roving tab index of the ARIA practices), Enter and Space pick the mark.
 */

export type FocusMove = 'left' | 'right' | 'up' | 'down' | 'home' | 'end';

/** The keys that move the focus, and where. */
export const FOCUS_MOVES: Readonly<Record<string, FocusMove>> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
  Home: 'home',
  End: 'end',
};

/** A mark a focus can rest on, in a row read left to right; `cx` is its centre. */
export interface FocusTarget {
  key: string;
  cx: number;
}

/**
 * Where the focus goes from `key` on an arrow, Home or End, over rows of keys (each row left
 * to right): Up and Down go to the nearest key in the next row, by centre. The same key at an
 * edge; the first key when `key` is unknown.
 */
export function moveInRows(rows: FocusTarget[][], key: string, move: FocusMove): string {
  const r = rows.findIndex((row) => row.some((t) => t.key === key));
  if (r < 0) return rows[0]?.[0]?.key ?? key;
  const row = rows[r];
  const i = row.findIndex((t) => t.key === key);
  switch (move) {
    case 'left':
      return row[Math.max(0, i - 1)].key;
    case 'right':
      return row[Math.min(row.length - 1, i + 1)].key;
    case 'home':
      return row[0].key;
    case 'end':
      return row[row.length - 1].key;
    case 'up':
    case 'down': {
      const next = rows[r + (move === 'up' ? -1 : 1)];
      if (!next?.length) return key;
      const cx = row[i].cx;
      return next.reduce((best, t) => (Math.abs(t.cx - cx) < Math.abs(best.cx - cx) ? t : best))
        .key;
    }
  }
}

/**
 * The event handlers of a mark keyed `key` in a chart whose marks sit in rows (`rows()`, null
 * while the chart has no layout): a click or Enter/Space activates it, arrows, Home and End
 * move the focus (`focus` moves it to the mark of the key it is given), focus and pointer
 * preview it. `onfocus` tells the chart which mark holds the tab stop; `onescape` runs on
 * Escape, after which the key goes on to the page.
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
  return (key: string) => ({
    onclick: () => chart.activate(key),
    onkeydown: (event: KeyboardEvent) => onkeydown(event, key),
    onfocus: () => {
      chart.onfocus(key);
      chart.preview(key);
    },
    onblur: () => chart.preview(null),
    onmouseenter: () => chart.preview(key),
    onmouseleave: () => chart.preview(null),
  });
}
