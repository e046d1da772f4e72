import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { THEME_IDS, type ThemeId } from '../../src/lib/data/types.ts';
import { PipelineError } from '../../src/pipeline/errors.ts';
import { evaluate, fixtures, score } from '../../src/pipeline/validate.ts';
import {
  projectRoot,
  readProjectFile,
  removeTempProjects,
  seedDoc,
  tempProject,
} from './support.ts';

const SPLITS = ['statement', 'unseen', 'tuning', 'heldout'] as const;
const baseline = JSON.parse(readProjectFile(fixtures.baseline)) as Record<
  (typeof SPLITS)[number],
  { macroF1: number }
>;
const statement = JSON.parse(readProjectFile(fixtures.statement)) as {
  units: { text: string; themes: ThemeId[] }[];
};

afterAll(removeTempProjects);

describe('the validation figures', () => {
  let scores: ReturnType<typeof evaluate>;
  beforeAll(() => {
    scores = evaluate(projectRoot);
  });

  it('has a baseline for each split', () => {
    expect(Object.keys(baseline).sort()).toEqual([...SPLITS].sort());
    expect(Object.keys(scores).sort()).toEqual([...SPLITS].sort());
  });

  it.each(SPLITS)('keeps the macro-F1 of %s at or above the baseline', (split) => {
    const { f1 } = scores[split].macro;
    expect(Number.isFinite(f1)).toBe(true);
    expect(f1).toBeGreaterThanOrEqual(baseline[split].macroF1);
  });

  it('scores the hand-coded units of each split', () => {
    const unseen = JSON.parse(readProjectFile(fixtures.unseen)) as { units: { split: string }[] };
    expect(scores.statement.units).toBe(statement.units.length);
    expect(scores.unseen.units).toBe(unseen.units.length);
    expect(scores.tuning.units + scores.heldout.units).toBe(unseen.units.length);
    expect(scores.heldout.units).toBe(unseen.units.filter((u) => u.split === 'heldout').length);
  });
});

describe("the statement's hand coding", () => {
  it("matches the pipeline's sentences one to one, with the same texts", () => {
    expect(statement.units.map((u) => u.text)).toEqual(seedDoc.sentences.map((s) => s.text));
  });

  it('stops validation when the hand coding and the sentences no longer line up', () => {
    const root = tempProject(false);
    const dir = 'tests/fixtures/hand-coded';
    cpSync(join(projectRoot, dir), join(root, dir), { recursive: true });
    const file = join(root, fixtures.statement);
    const fixture = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...fixture, units: fixture.units.slice(0, -1) }));
    expect(() => evaluate(root)).toThrow(PipelineError);
    expect(() => evaluate(root)).toThrow(/33 units but the dataset has 34 sentences/);
    fixture.units[4].text = 'It should be a legally binding instrument.';
    writeFileSync(file, JSON.stringify(fixture));
    expect(() => evaluate(root)).toThrow(/unit 5: "It should be a legally binding instrument\."/);
  });
});

describe('score()', () => {
  it('gives 1 for a perfect coding and leaves themes absent from both unscored', () => {
    const perfect = score(
      [['control'], ['readmission', 'control'], []],
      [['control'], ['readmission', 'control'], []],
    );
    expect(perfect.macro).toEqual({ precision: 1, recall: 1, f1: 1 });
    const scored = perfect.themes.filter((t) => !Number.isNaN(t.f1)).map((t) => t.theme);
    expect(scored).toEqual(['control', 'readmission']);
    expect(perfect.themes.map((t) => t.theme)).toEqual([...THEME_IDS]);
  });

  it('counts false positives and misses', () => {
    // control: 1 hit, 1 false positive, 1 miss; security: 1 false positive only.
    const result = score([['control'], ['control'], []], [['control'], ['security'], ['control']]);
    const control = result.themes.find((t) => t.theme === 'control')!;
    expect(control).toMatchObject({ support: 2, precision: 0.5, recall: 0.5, f1: 0.5 });
    const security = result.themes.find((t) => t.theme === 'security')!;
    expect(security).toMatchObject({ support: 0, precision: 0, recall: 0, f1: 0 });
    expect(result.macro.f1).toBeCloseTo(0.25);
  });
});
