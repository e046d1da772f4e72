import { label } from '../data/queries.ts';
import type { Codebook, Sentence, StatementDocument } from '../data/types.ts';

/**
 * The coded sentences as CSV, for analysts who work in spreadsheets or R: one row per
 * sentence and theme (a sentence with no theme gets one row with the theme left empty).
 * RFC 4180 (CRLF line ends, fields with a quote, comma or line break in double quotes),
 * UTF-8 with a byte-order mark so Excel reads the quotes and dashes right. A text cell that
 * starts with = + - @ (or a tab or carriage return) gets a leading apostrophe, so a
 * spreadsheet never runs it as a formula.
 */

export const CSV_COLUMNS = [
  'document_id',
  'sentence_id',
  'order',
  'paragraph',
  'list_item',
  'start',
  'end',
  'theme',
  'theme_label',
  'modality',
  'modality_cue',
  'text',
  'evidence',
  'rules',
] as const;

export type CsvValue = string | number | null;

/** Between several evidence spans (and their rules) in one cell. */
export const LIST_SEPARATOR = ' | ';

const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: numbers as they are, text guarded against formulas and quoted when needed. */
export function csvCell(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(',');
}

function sentenceRows(doc: StatementDocument, codebook: Codebook, s: Sentence): CsvValue[][] {
  const paragraph = doc.paragraphs.find((p) => p.id === s.paragraph)?.number ?? null;
  const common = [doc.id, s.id, s.order, paragraph, s.listItem ?? '', s.start, s.end];
  const modality = [s.modality.modality, s.modality.cue?.text ?? ''];
  if (s.themes.length === 0) return [[...common, '', '', ...modality, s.text, '', '']];
  return s.themes.map((coding) => [
    ...common,
    coding.theme,
    label(codebook, 'themes', coding.theme),
    ...modality,
    s.text,
    coding.evidence.map((e) => e.text).join(LIST_SEPARATOR),
    coding.evidence.map((e) => e.rule).join(LIST_SEPARATOR),
  ]);
}

/** The rows (without the header), in document and reading order, themes in coding order. */
export function codedSentenceRows(
  documents: readonly StatementDocument[],
  codebook: Codebook,
): CsvValue[][] {
  return documents.flatMap((doc) => doc.sentences.flatMap((s) => sentenceRows(doc, codebook, s)));
}

export function codedSentencesCsv(
  documents: readonly StatementDocument[],
  codebook: Codebook,
): string {
  const lines = [CSV_COLUMNS, ...codedSentenceRows(documents, codebook)].map(csvLine);
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
