import type { ModalityId, StatementDocument } from '../../data/types.ts';
import {
  entryTargets,
  isObjectiveKey,
  targetName,
  targetTitle,
  verdictCounts,
  verdictList,
  verdictSummary,
} from '../../context/queries.ts';
import {
  VERDICTS,
  VERDICT_LABELS,
  type GcmContext,
  type OutcomeEntry,
  type OutcomeMap,
  type Verdict,
} from '../../context/types.ts';
import { fade, type Palette } from '../palette.ts';
import type { LegendSpec } from '../types.ts';
import { estimateWidth } from '../process/layout.ts';
import { sourceLinks } from '../sources.ts';
import type { TableSpec } from '../../ui/table.ts';
import type { FocusTarget } from '../focus.ts';

/**
 * Geometry of the outcome map: one row per demand or rejection of the statement (reading
 * order), one column per GCM objective or provision that answers any of them (and one for
 * those with no counterpart), a cell where an entry points, coloured by the entry's verdict.
 * Above, the verdict counts; below, the key to the columns and the objectives no entry
 * reaches. Pure numbers: the component only places them.
 */

/** The key of the column for entries with no objective and no provision. */
export const NONE = 'none';

/** Verdict colours from the palette (3:1 or more on the background in both schemes). */
export function verdictColor(verdict: Verdict, palette: Palette): string {
  const colors: Record<Verdict, string> = {
    taken_up: palette.modality.position,
    partly: palette.modality.assessment,
    not_taken_up: palette.muted,
    contradicted: palette.relation.poses_risk,
  };
  return colors[verdict];
}

export interface OutcomeColumn {
  key: string;
  /** "21", "15(b)" or "—". */
  label: string;
  /** "Objective 21", "para 15(b)", "No counterpart". */
  name: string;
  /** The objective's title, the provision's summary. */
  title: string;
  group: 'objective' | 'provision' | 'none';
  x: number;
  cx: number;
  /** Entries that point at it, in reading order. */
  entries: OutcomeEntry[];
}

export interface OutcomeRow {
  key: string;
  entry: OutcomeEntry;
  order: number;
  modality: ModalityId;
  /** Top of the row's cells, and the row's label line. */
  y: number;
  cy: number;
  labelY: number;
  /** The quote, cut to the room there is. */
  text: string;
}

export interface OutcomeCell {
  key: string;
  row: string;
  column: string;
  entry: OutcomeEntry;
  x: number;
  y: number;
  size: number;
  /** No objective or provision: the cell in the "none" column, drawn as an outline. */
  outline: boolean;
}

export interface OutcomeMapLayout {
  width: number;
  height: number;
  compact: boolean;
  fontSize: number;
  summary: { lines: string[]; y: number };
  rowHeight: number;
  cellSize: number;
  /** x of the sentence number (right-aligned), the quote, the verdict swatch and its words. */
  orderX: number;
  textX: number;
  verdictX: number;
  /** Where the cells start and end. */
  gridLeft: number;
  gridRight: number;
  /** Baseline of the words over the rows ("Verdict"), and of unrotated column labels. */
  headerY: number;
  /** The column heads: group words and their rule, then the labels, turned upright when the
   * columns are too narrow for "21" side by side. */
  header: {
    groupY: number;
    lineY: number;
    rotated: boolean;
    labelY: number;
    labelTop: number;
    labelHeight: number;
  };
  groups: { label: string; x0: number; x1: number }[];
  columns: OutcomeColumn[];
  rows: OutcomeRow[];
  cells: OutcomeCell[];
  gridTop: number;
  gridBottom: number;
  /** Objectives no entry points at, in words, and where. */
  unused: { text: string; y: number } | null;
  key: { text: string; x: number; y: number }[];
  focusRows: FocusTarget[][];
}

/** What the source line adds to the statement's for this view. */
export const OUTCOME_SOURCE =
  'Mapping: data/gcm-outcomes.json, curated; objectives and provisions: data/gcm-context.json.';

export const COMPACT_WIDTH = 560;
const VERDICT_WIDTH = 92;

const cut = (text: string, room: number, size: number) => {
  if (estimateWidth(text, size) <= room) return text;
  let n = Math.max(1, Math.floor(room / (size * 0.58)) - 1);
  while (n > 1 && estimateWidth(`${text.slice(0, n)}…`, size) > room) n--;
  const head = text.slice(0, n);
  const space = head.lastIndexOf(' ');
  return `${(space > n * 0.6 ? head.slice(0, space) : head).replace(/[\s,;:–-]+$/, '')}…`;
};

/** Greedy word wrap by the estimated width. */
function wrapLines(text: string, room: number, size: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && estimateWidth(next, size) > room) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

export function outcomeLayout(
  doc: StatementDocument,
  context: GcmContext,
  map: OutcomeMap,
  width: number,
): OutcomeMapLayout {
  const compact = width < COMPACT_WIDTH;
  const fontSize = compact ? 10 : 11;
  const margin = 8;
  const sentences = new Map(doc.sentences.map((s) => [s.id, s]));
  const entries = [...map.entries].sort(
    (a, b) => (sentences.get(a.sentence)?.order ?? 0) - (sentences.get(b.sentence)?.order ?? 0),
  );

  // Columns: the objectives and provisions that answer anything, then "none".
  const used = new Set(entries.flatMap(entryTargets));
  const keys = [
    ...context.objectives.filter((o) => used.has(String(o.number))).map((o) => String(o.number)),
    ...context.provisions.filter((p) => used.has(p.id)).map((p) => p.id),
    ...(entries.some((e) => entryTargets(e).length === 0) ? [NONE] : []),
  ];

  const summaryLines = wrapLines(verdictSummary(map, doc), width - 2 * margin, compact ? 11 : 12);
  const summaryY = 14;
  const headerTop = summaryY + (summaryLines.length - 1) * 15 + 14;

  // The cells take at most about two fifths of a wide chart: the quotes need the room.
  const cellSize = Math.max(
    12,
    Math.min(
      20,
      Math.floor((compact ? width - 2 * margin - 104 : width * 0.42) / Math.max(1, keys.length)),
    ),
  );
  const gridRight = width - margin;
  const gridLeft = gridRight - keys.length * cellSize;
  const orderX = margin + 18;
  const textX = orderX + 6;
  const verdictX = compact ? margin : gridLeft - VERDICT_WIDTH;
  const rowHeight = compact ? 34 : 20;

  const groups: OutcomeMapLayout['groups'] = [];
  const columns: OutcomeColumn[] = keys.map((key, i) => {
    const group: OutcomeColumn['group'] =
      key === NONE ? 'none' : isObjectiveKey(key) ? 'objective' : 'provision';
    const x = gridLeft + i * cellSize;
    const last = groups[groups.length - 1];
    const groupLabel =
      group === 'objective' ? 'Objectives' : group === 'provision' ? 'Paragraphs' : 'None';
    if (last?.label === groupLabel) last.x1 = x + cellSize;
    else groups.push({ label: groupLabel, x0: x, x1: x + cellSize });
    const provision = context.provisions.find((p) => p.id === key);
    return {
      key,
      // "15(b)" is written "15b" over a narrow column.
      label:
        group === 'none'
          ? '—'
          : group === 'objective'
            ? key
            : provision!.paragraph.replace(/\((\w+)\)/, '$1'),
      name: group === 'none' ? 'No counterpart' : targetName(context, key),
      title:
        group === 'none'
          ? 'No objective and no provision of the context answers it.'
          : targetTitle(context, key),
      group,
      x,
      cx: x + cellSize / 2,
      entries:
        group === 'none'
          ? entries.filter((e) => entryTargets(e).length === 0)
          : entries.filter((e) => entryTargets(e).includes(key)),
    };
  });
  // Group headings that do not fit over their columns are shortened, then dropped.
  for (const g of groups) {
    const room = g.x1 - g.x0;
    if (estimateWidth(g.label, 10) > room) {
      const short = g.label === 'Objectives' ? 'Obj.' : g.label === 'Paragraphs' ? '¶' : '';
      g.label = estimateWidth(short, 10) <= room ? short : '';
    }
  }

  const rotated = cellSize < 18;
  const lineY = headerTop + 5;
  const headerY = rotated ? lineY + 24 : headerTop + 14;
  const gridTop = rotated ? lineY + 28 : headerY + 16;
  const header = {
    groupY: headerTop + 1,
    lineY,
    rotated,
    labelY: rotated ? lineY + 3 : headerY,
    labelTop: lineY + 1,
    labelHeight: gridTop - lineY - 3,
  };
  const columnAt = new Map(columns.map((c) => [c.key, c]));
  const rows: OutcomeRow[] = [];
  const cells: OutcomeCell[] = [];
  const textRoom = compact ? width - textX - margin : verdictX - textX - 10;
  entries.forEach((entry, i) => {
    const sentence = sentences.get(entry.sentence);
    const top = gridTop + i * rowHeight;
    const y = compact ? top + rowHeight - cellSize - 3 : top + (rowHeight - cellSize) / 2;
    const key = `row:${entry.sentence}`;
    rows.push({
      key,
      entry,
      order: sentence?.order ?? 0,
      modality: sentence?.modality.modality ?? 'demand',
      y: top,
      cy: y + cellSize / 2,
      labelY: compact ? top + 12 : y + cellSize / 2 + fontSize * 0.35,
      text: cut(`“${entry.quote}”`, textRoom, fontSize),
    });
    const targets = entryTargets(entry);
    for (const target of targets.length ? targets : [NONE]) {
      const column = columnAt.get(target)!;
      cells.push({
        key: `cell:${entry.sentence}:${target}`,
        row: key,
        column: target,
        entry,
        x: column.x + 2,
        y: y + 2,
        size: cellSize - 4,
        outline: target === NONE,
      });
    }
  });
  const gridBottom = gridTop + entries.length * rowHeight;

  // Below: the objectives no entry reaches, then the key to the columns.
  const unusedNumbers = context.objectives.map((o) => o.number).filter((n) => !used.has(String(n)));
  let y = gridBottom + 18;
  const unused = unusedNumbers.length
    ? {
        text: cut(
          `No demand or rejection maps to Objective${unusedNumbers.length > 1 ? 's' : ''} ${unusedNumbers.join(', ')}.`,
          width - 2 * margin,
          10.5,
        ),
        y,
      }
    : null;
  if (unused) y += 18;
  const twoColumns = width >= 720;
  const keyWidth = twoColumns ? (width - 2 * margin - 16) / 2 : width - 2 * margin;
  const keyLines = columns
    .filter((c) => c.group !== 'none')
    .map((c) =>
      cut(`${c.group === 'objective' ? c.label : `¶${c.label}`}  ${c.title}`, keyWidth, 10.5),
    );
  const perColumn = twoColumns ? Math.ceil(keyLines.length / 2) : keyLines.length;
  const key = keyLines.map((text, i) => ({
    text,
    x: margin + (i >= perColumn ? keyWidth + 16 : 0),
    y: y + (i % perColumn) * 14,
  }));
  const height = y + (perColumn - 1) * 14 + 12;

  const focusRows: OutcomeMapLayout['focusRows'] = [
    columns.map((c) => ({ key: `col:${c.key}`, cx: c.cx })),
    ...rows.map((r) => [
      { key: r.key, cx: compact ? margin : (textX + verdictX) / 2 },
      ...cells
        .filter((c) => c.row === r.key)
        .map((c) => ({ key: c.key, cx: c.x + c.size / 2 }))
        .sort((a, b) => a.cx - b.cx),
    ]),
  ];

  return {
    width,
    height,
    compact,
    fontSize,
    summary: { lines: summaryLines, y: summaryY },
    rowHeight,
    cellSize,
    orderX,
    textX,
    verdictX,
    gridLeft,
    gridRight,
    headerY,
    header,
    groups,
    columns,
    rows,
    cells,
    gridTop,
    gridBottom,
    unused,
    key,
    focusRows,
  };
}

/** "Objective 21 (Cooperate in …): 4 demands and rejections, 1 taken up, 3 partly." */
export function columnLabel(column: OutcomeColumn): string {
  const n = column.entries.length;
  const what = `${n} ${n === 1 ? 'demand or rejection' : 'demands and rejections'}`;
  const name = column.group === 'none' ? 'No counterpart in the compact' : column.name;
  const title = column.group === 'none' ? '' : ` (${column.title})`;
  return `${name}${title}: ${what}, ${verdictList(column.entries)}`;
}

/** The objectives and provisions an entry points at, in words: "Objectives 5, 11 and 21". */
export function targetsInWords(entry: OutcomeEntry, context: GcmContext): string {
  const objectives = entry.objectives;
  const and = (items: string[]) =>
    items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}` : items[0];
  const parts: string[] = [];
  if (objectives.length)
    parts.push(`Objective${objectives.length > 1 ? 's' : ''} ${and(objectives.map(String))}`);
  if (entry.provisions.length)
    parts.push(and(entry.provisions.map((id) => targetName(context, id))));
  return parts.length ? parts.join('; ') : 'no objective or provision';
}

export function rowLabel(row: OutcomeRow, context: GcmContext): string {
  const e = row.entry;
  return (
    `Sentence ${row.order}, ${row.modality}: “${e.quote}”. ${VERDICT_LABELS[e.verdict][0].toUpperCase()}` +
    `${VERDICT_LABELS[e.verdict].slice(1)}: ${targetsInWords(e, context)}. ${e.rationale}`
  );
}

export function cellLabel(cell: OutcomeCell, row: OutcomeRow, column: OutcomeColumn): string {
  const target =
    column.group === 'none' ? 'no counterpart in the compact' : `${column.name} (${column.title})`;
  return `Sentence ${row.order} and ${target}: ${VERDICT_LABELS[cell.entry.verdict]}`;
}

/** The legend as an exported file draws it: the verdicts with their counts, the outline. */
export function outcomeLegend(map: OutcomeMap, palette: Palette, faded: boolean): LegendSpec {
  const counts = verdictCounts(map.entries);
  const entries: LegendSpec['entries'] = VERDICTS.map((v) => ({
    label: `${VERDICT_LABELS[v]} (${counts[v]})`,
    kind: 'swatch',
    color: verdictColor(v, palette),
  }));
  if (map.entries.some((e) => entryTargets(e).length === 0))
    entries.push({
      label: 'outline: no counterpart',
      kind: 'box',
      color: palette.background,
      stroke: palette.muted,
    });
  if (faded)
    entries.push({
      label: 'faded: outside the selection',
      kind: 'swatch',
      color: fade(verdictColor('taken_up', palette), palette),
    });
  return { title: "Cell colour: the compact's answer", entries };
}

/** What the map shows, for <desc> and the exported file. */
export function outcomeSummary(
  doc: StatementDocument,
  map: OutcomeMap,
  layout: Pick<OutcomeMapLayout, 'columns'>,
): string {
  const busiest = [...layout.columns]
    .filter((c) => c.group !== 'none')
    .sort((a, b) => b.entries.length - a.entries.length)
    .slice(0, 3)
    .map((c) => `${c.name} (${c.entries.length})`)
    .join(', ');
  return (
    `${verdictSummary(map, doc)} One row per demand or rejection, one column per GCM objective ` +
    `or provision that answers any of them; most often cited: ${busiest || 'none'}.`
  );
}

/**
 * The "Show as table" alternative: each demand and rejection in reading order, what answers it,
 * the verdict, its rationale and sources; then each objective and provision with the demands
 * and rejections it answers.
 */
export function outcomeTable(
  doc: StatementDocument,
  context: GcmContext,
  layout: Pick<OutcomeMapLayout, 'rows' | 'columns'>,
): TableSpec {
  const sentences = new Map(doc.sentences.map((s) => [s.id, s]));
  return {
    caption: 'Each demand and rejection, what answers it in the compact, and the verdict',
    columns: [
      { label: 'Sentence' },
      { label: 'Demand or rejection', wide: true },
      { label: 'Answered by' },
      { label: 'Verdict' },
      { label: 'Rationale', wide: true },
      { label: 'Sources', wide: true },
    ],
    rowHeader: true,
    rows: layout.rows.map(({ entry, order, modality }) => ({
      key: entry.sentence,
      cells: [
        `${order} (${modality})`,
        sentences.get(entry.sentence)?.text ?? '',
        targetsInWords(entry, context),
        VERDICT_LABELS[entry.verdict],
        entry.rationale,
        sourceLinks(entry.sources),
      ],
    })),
    more: [
      {
        caption: 'Objectives and provisions that answer them',
        columns: [
          { label: 'Column' },
          { label: 'Title', wide: true },
          { label: 'Demands and rejections' },
        ],
        rowHeader: true,
        rows: layout.columns
          .filter((c) => c.key !== NONE)
          .map((c) => ({
            key: c.key,
            cells: [
              c.name,
              c.title,
              c.entries.map((e) => sentences.get(e.sentence)?.order).join(', '),
            ],
          })),
      },
    ],
  };
}
