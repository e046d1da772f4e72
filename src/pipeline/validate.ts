/**
 * npm run validate: measures the dictionary against hand coding, as a dictionary is validated
 * in content analysis. Prints precision, recall and F1 per theme and macro-averaged for the
 * statement, for the unseen sentences used in tuning, and for the held-out ones never used.
 * `--write-baseline` records the figures that the tests then hold the dictionary to.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { THEME_IDS, type ThemeId } from '../lib/data/types.ts';
import { codeThemes, type Dictionary } from './dictionary.ts';
import { PipelineError } from './errors.ts';
import { buildFromSeeds, loadRules, writeAtomically } from './io.ts';

export interface CodedUnit {
  text: string;
  themes: ThemeId[];
}
export interface ThemeScore {
  theme: ThemeId;
  support: number;
  precision: number;
  recall: number;
  f1: number;
}
export interface Score {
  units: number;
  themes: ThemeScore[];
  macro: { precision: number; recall: number; f1: number };
}

export const fixtures = {
  statement: 'tests/fixtures/hand-coded/statement.json',
  unseen: 'tests/fixtures/hand-coded/unseen.json',
  baseline: 'tests/fixtures/hand-coded/baseline.json',
};

/** Per-theme and macro-averaged precision, recall and F1 of `predicted` against `gold`. */
export function score(gold: ThemeId[][], predicted: ThemeId[][]): Score {
  const themes = THEME_IDS.map((theme) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    gold.forEach((want, i) => {
      const got = predicted[i].includes(theme);
      if (got && want.includes(theme)) tp++;
      else if (got) fp++;
      else if (want.includes(theme)) fn++;
    });
    // A theme absent from both gold and prediction is not scored: it says nothing.
    const precision = tp + fp === 0 ? (fn === 0 ? NaN : 0) : tp / (tp + fp);
    const recall = tp + fn === 0 ? (fp === 0 ? NaN : 0) : tp / (tp + fn);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { theme, support: tp + fn, precision, recall, f1 };
  });
  const scored = themes.filter((t) => !Number.isNaN(t.f1));
  const mean = (key: 'precision' | 'recall' | 'f1') =>
    scored.reduce((sum, t) => sum + (Number.isNaN(t[key]) ? 0 : t[key]), 0) / scored.length;
  return {
    units: gold.length,
    themes,
    macro: { precision: mean('precision'), recall: mean('recall'), f1: mean('f1') },
  };
}

function codeText(text: string, dictionary: Dictionary): ThemeId[] {
  return codeThemes(text, { start: 0, end: text.length }, dictionary).map((t) => t.theme);
}

export function evaluate(
  root: string,
): Record<'statement' | 'unseen' | 'tuning' | 'heldout', Score> {
  const { dictionary } = loadRules(root);
  const statement = JSON.parse(readFileSync(join(root, fixtures.statement), 'utf8')) as {
    units: CodedUnit[];
  };
  const unseen = JSON.parse(readFileSync(join(root, fixtures.unseen), 'utf8')) as {
    units: (CodedUnit & { id: string; split: 'tuning' | 'heldout' })[];
  };
  // The statement is scored on the pipeline's own sentences, so segmentation is tested too.
  const doc = buildFromSeeds(root).documents[0];
  const predicted = statement.units.map((unit, i) => {
    const sentence = doc.sentences[i];
    if (!sentence || sentence.text !== unit.text) {
      throw new PipelineError(
        fixtures.statement,
        `unit ${i + 1}`,
        `"${unit.text}" is not sentence ${i + 1} of the dataset`,
      );
    }
    return sentence.themes.map((t) => t.theme);
  });
  if (doc.sentences.length !== statement.units.length) {
    throw new PipelineError(
      fixtures.statement,
      null,
      `${statement.units.length} units but the dataset has ${doc.sentences.length} sentences`,
    );
  }
  const split = (which: 'tuning' | 'heldout' | null) => {
    const units = unseen.units.filter((u) => which === null || u.split === which);
    return score(
      units.map((u) => u.themes),
      units.map((u) => codeText(u.text, dictionary)),
    );
  };
  return {
    statement: score(
      statement.units.map((u) => u.themes),
      predicted,
    ),
    unseen: split(null),
    tuning: split('tuning'),
    heldout: split('heldout'),
  };
}

const pct = (x: number) => (Number.isNaN(x) ? '   –' : x.toFixed(2).padStart(4));

export function report(scores: ReturnType<typeof evaluate>): string {
  const names = Object.keys(scores) as (keyof typeof scores)[];
  const lines = [
    `${'theme'.padEnd(18)}${names.map((n) => `${n} (n=${scores[n].units})`.padEnd(24)).join('')}`,
    `${''.padEnd(18)}${names.map(() => 'P    R    F1   n'.padEnd(24)).join('')}`,
  ];
  for (const [i, theme] of THEME_IDS.entries()) {
    lines.push(
      theme.padEnd(18) +
        names
          .map((n) => {
            const t = scores[n].themes[i];
            return `${pct(t.precision)} ${pct(t.recall)} ${pct(t.f1)} ${String(t.support).padStart(3)}`.padEnd(
              24,
            );
          })
          .join(''),
    );
  }
  lines.push(
    'macro'.padEnd(18) +
      names
        .map((n) => {
          const m = scores[n].macro;
          return `${pct(m.precision)} ${pct(m.recall)} ${pct(m.f1)}`.padEnd(24);
        })
        .join(''),
  );
  return lines.join('\n');
}

function main(): void {
  const root = process.cwd();
  const scores = evaluate(root);
  console.log(report(scores));
  if (process.argv.includes('--write-baseline')) {
    const round = (x: number) => Math.floor(x * 1000) / 1000;
    const baseline = Object.fromEntries(
      Object.entries(scores).map(([name, s]) => [name, { macroF1: round(s.macro.f1) }]),
    );
    writeAtomically(root, { [fixtures.baseline]: `${JSON.stringify(baseline, null, 2)}\n` });
    console.log(`wrote ${fixtures.baseline}`);
  }
}

if (process.argv[1]?.endsWith('validate.ts')) {
  try {
    main();
  } catch (error) {
    if (!(error instanceof PipelineError)) throw error;
    console.error(`error: ${error.message}`);
    process.exit(1);
  }
}
