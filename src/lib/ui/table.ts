/**
 * A chart's "Show as table" alternative as plain data: built by a pure function next to the
 * chart, drawn by DataTable.svelte, which loads only when the reader opens the table.
 */

export interface TableColumn {
  /** Header text; empty for the corner cell above a column of row headers. */
  label: string;
  /** Full name of an abbreviated header (shown as `<abbr title>`). */
  title?: string;
  /** Numbers: aligned right, in tabular figures. */
  numeric?: boolean;
  /** Long text (a sentence, a rationale): kept wide enough to read, wrapped anywhere. */
  wide?: boolean;
}

/**
 * A link to a source, opened in a new window. Only an `http:` or `https:` address is drawn as a
 * link; any other `href` shows `text` as plain text.
 */
export interface TableLink {
  href: string;
  text: string;
}

/**
 * A cell's value, its value with an emphasis (a matrix's diagonal, a table's zeros), a link, or
 * several links (separated by commas).
 */
export type TableCell =
  string | number | { value: string | number; tone: 'strong' | 'muted' } | TableLink | TableLink[];

export interface TableRow {
  /** One per column. */
  cells: TableCell[];
  /** Stable id of what the row stands for, written to `data-row`. */
  key?: string;
}

/** Items listed after the table under a term (none: `empty` is shown instead). */
export interface TableList {
  term: string;
  items: string[];
  empty?: string;
}

export interface TableSpec {
  caption: string;
  /** The caption is for assistive technology only. */
  captionHidden?: boolean;
  columns: TableColumn[];
  /** The first cell of each row is its header (`<th scope="row">`). */
  rowHeader: boolean;
  rows: TableRow[];
  lists?: TableList[];
  /** Further tables, drawn after this one (and its lists) behind the same "Show as table". */
  more?: TableSpec[];
  /** A closing paragraph after every table: `lead` in bold, then `text`. */
  note?: { lead: string; text: string };
}
