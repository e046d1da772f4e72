/**
 * Moving the keyboard focus among a chart's marks: one tab stop per chart, arrows, Home and End
 * move it (the roving tab index of the ARIA practices), Enter and Space pick the mark; and
 * `listen`, which gives a mark its handlers. Small on purpose: the charts drawn on first load
 * import it (the handlers of the context views' marks are in mark-handlers.ts).
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
 * to right): Up and Down go to the key nearest `goalX` (default: the current key's centre) in
 * the next row, so a run of Up/Down can keep to one column. The same key at an edge (an empty
 * row is one); the first key when `key` is unknown.
 */
export function moveInRows(
  rows: FocusTarget[][],
  key: string,
  move: FocusMove,
  goalX?: number | null,
): string {
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
      const cx = goalX ?? row[i].cx;
      return next.reduce((best, t) => (Math.abs(t.cx - cx) < Math.abs(best.cx - cx) ? t : best))
        .key;
    }
  }
}

/**
 * An attachment (`{@attach listen({ click: … })}`) that adds the handlers, by event type, to
 * its element and removes them with it. Marks take their handlers this way or as attributes,
 * not as attributes spread onto them: a spread would bring the code that sets any attribute of
 * any element into every page.
 */
export function listen(handlers: Record<string, (event: Event) => void>) {
  const entries = Object.entries(handlers);
  return (element: Element) => {
    for (const [type, handler] of entries) element.addEventListener(type, handler);
    return () => {
      for (const [type, handler] of entries) element.removeEventListener(type, handler);
    };
  };
}
