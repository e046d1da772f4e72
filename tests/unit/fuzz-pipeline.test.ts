import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datasetProblem } from '../../src/lib/data/load.ts';
import { buildDataset, buildDocument, serialize } from '../../src/pipeline/build.ts';
import { PipelineError } from '../../src/pipeline/errors.ts';
import { loadRules } from '../../src/pipeline/io.ts';

const { codebook, dictionary } = loadRules(process.cwd());

/** Pieces of the text kinds the pipeline must survive: scripts, marks, spacing, control. */
const piece = fc.oneof(
  fc.constantFrom(
    'migration',
    'readmission',
    'sovereignty',
    'refugees',
    'We believe',
    'should not',
    'UN GA',
    'مهاجرت',
    'הגירה',
    'миграция',
    '移民',
    '😀',
    '👩‍👩‍👧',
    '\u200b',
    '\u200d',
    '\u200e',
    '\u202e',
    '\ufeff',
    '.',
    '!',
    '?',
    '…',
    ':',
    ';',
    ',',
    '–',
    '—',
    '-',
    '*',
    '"',
    "'",
    '“',
    '”',
    '‘',
    '’',
    '(',
    ')',
    ' ',
    '  ',
    '\t',
    '\n',
    '\r\n',
    '\r',
    '\n\n',
    '\n- ',
    '; - ',
    '\u00a0',
    '\u2028',
  ),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);
const text = fc.oneof(
  fc.array(piece, { maxLength: 400, size: 'large' }).map((parts) => parts.join('')),
  fc
    .array(fc.constantFrom('.', '!', '?', ';', ':', '-', '*', '…', ' ', '\n'), { maxLength: 200 })
    .map((p) => p.join('')),
);

describe('the pipeline on arbitrary Unicode (fuzzing)', () => {
  it('never crashes: a valid dataset, or a PipelineError naming the file', () => {
    let built = 0;
    fc.assert(
      fc.property(text, (input) => {
        let json: string;
        try {
          json = serialize(
            buildDataset(
              [
                buildDocument(
                  { file: 'seeds/fuzz.txt', text: input, annotations: null },
                  codebook,
                  dictionary,
                ),
              ],
              codebook,
            ),
          );
        } catch (error) {
          expect(error).toBeInstanceOf(PipelineError);
          expect((error as PipelineError).message).toMatch(/^seeds\/fuzz\.txt: /);
          return;
        }
        built++;
        expect(datasetProblem(JSON.parse(json))).toBeNull();
      }),
      { numRuns: 1000 },
    );
    expect(built).toBeGreaterThan(300);
  }, 60_000);

  it('handles a long text: the statement repeated 50 times', () => {
    const long = Array.from(
      { length: 50 },
      (_, i) =>
        `Paragraph ${i}: We believe migration control should not be binding.\r\n\t- readmission; - return home`,
    ).join('\n\n');
    const doc = buildDocument(
      { file: 'seeds/long.txt', text: long, annotations: null },
      codebook,
      dictionary,
    );
    expect(doc.sentences.length).toBeGreaterThanOrEqual(150);
    expect(datasetProblem(JSON.parse(serialize(buildDataset([doc], codebook))))).toBeNull();
  });
});
