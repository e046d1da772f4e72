import { describe, expect, it } from 'vitest';
import {
  CSV_COLUMNS,
  codedSentencesCsv,
  csvCell,
  LIST_SEPARATOR,
} from '../../src/lib/export/csv.ts';
import type { StatementDocument } from '../../src/lib/data/types.ts';
import { codebook, dataset, doc } from '../helpers/dataset.ts';

/** A strict RFC 4180 reader: what a spreadsheet or R's read.csv sees. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i++;
      continue;
    }
    if (c === '"') {
      if (field !== '') throw new Error(`a quote inside an unquoted field at ${i}`);
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else if (c === '\n' || c === '\r') {
      throw new Error(`a bare line break outside quotes at ${i}`);
    } else field += c;
    i++;
  }
  if (quoted) throw new Error('an unterminated quoted field');
  if (field !== '' || row.length) throw new Error('the last line has no CRLF');
  return rows;
}

const withoutBom = (text: string) => {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return text.slice(1);
};

describe('coded sentences as CSV', () => {
  const csv = codedSentencesCsv(dataset.documents, codebook);
  const rows = parseCsv(withoutBom(csv));
  const [header, ...body] = rows;

  it('starts with a byte-order mark and the header', () => {
    expect(header).toEqual([...CSV_COLUMNS]);
  });

  it('has a row per sentence and theme, and one for a sentence with no theme', () => {
    const expected = doc.sentences.reduce((n, s) => n + Math.max(1, s.themes.length), 0);
    expect(body).toHaveLength(expected);
    for (const row of body) expect(row).toHaveLength(CSV_COLUMNS.length);
    const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    const first = doc.sentences[0];
    const firstRows = body.filter((r) => r[col('sentence_id')] === first.id);
    expect(firstRows.map((r) => r[col('theme')])).toEqual(first.themes.map((t) => t.theme));
    expect(firstRows[0][col('text')]).toBe(first.text);
    expect(firstRows[0][col('start')]).toBe(String(first.start));
    expect(firstRows[0][col('evidence')]).toBe(
      first.themes[0].evidence.map((e) => e.text).join(LIST_SEPARATOR),
    );
    const untagged = doc.sentences.filter((s) => s.themes.length === 0);
    for (const s of untagged) {
      const own = body.filter((r) => r[col('sentence_id')] === s.id);
      expect(own).toHaveLength(1);
      expect(own[0][col('theme')]).toBe('');
    }
  });

  it('quotes quotes, commas and line breaks so they survive a round trip', () => {
    const tricky: StatementDocument = {
      ...doc,
      sentences: [
        {
          ...doc.sentences[0],
          text: 'He said "no", then\nleft; a “curly” one,\r\ntoo.',
          themes: [],
        },
      ],
    };
    const [, row] = parseCsv(withoutBom(codedSentencesCsv([tricky], codebook)));
    expect(row[CSV_COLUMNS.indexOf('text')]).toBe(tricky.sentences[0].text);
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(null)).toBe('');
  });

  it('never lets a text cell start a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      const cell = csvCell(`${start}SUM(A1:A9)`);
      expect(cell.replace(/^"/, '')).toMatch(/^'/);
    }
    const hostile: StatementDocument = {
      ...doc,
      id: '=HYPERLINK("http://x","y")',
      sentences: [
        {
          ...doc.sentences[0],
          text: '=1+2',
          themes: [
            {
              theme: 'control',
              evidence: [{ text: '+cmd', rule: '@rule', start: 0, end: 1 }],
            },
          ],
          modality: {
            modality: 'demand',
            cue: { text: '-x', rule: 'r', start: 0, end: 1 },
            basis: 'cue',
          },
        },
      ],
    };
    const [, row] = parseCsv(withoutBom(codedSentencesCsv([hostile], codebook)));
    const col = (name: (typeof CSV_COLUMNS)[number]) => row[CSV_COLUMNS.indexOf(name)];
    expect(col('document_id')).toBe(`'=HYPERLINK("http://x","y")`);
    expect(col('text')).toBe("'=1+2");
    expect(col('evidence')).toBe("'+cmd");
    expect(col('rules')).toBe("'@rule");
    expect(col('modality_cue')).toBe("'-x");
    for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});
