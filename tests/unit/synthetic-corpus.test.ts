/**
 * The synthetic corpus generator (src/pipeline/synthetic.ts) and its command line, and the
 * pipeline with several statements in seeds/.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { datasetProblem } from '../../src/lib/data/load.ts';
import type { Dataset } from '../../src/lib/data/types.ts';
import { serialize, splitCorpus } from '../../src/pipeline/build.ts';
import { corpusFromSeeds } from '../../src/pipeline/io.ts';
import { seededRandom, syntheticStatements } from '../../src/pipeline/synthetic.ts';
import {
  projectRoot,
  readProjectFile,
  removeTempProjects,
  runCli,
  seedFile,
  tempProject,
  type CliResult,
} from './support.ts';

afterAll(removeTempProjects);

const corpus = (statements: number, seed: number) =>
  serialize(corpusFromSeeds(projectRoot, { statements, seed }), { compact: true });

describe('the synthetic corpus generator', () => {
  const five = corpus(5, 1);
  const dataset = JSON.parse(five) as Dataset;

  it('is deterministic: the same seed gives the same bytes, another seed other bytes', () => {
    expect(corpus(5, 1)).toBe(five);
    expect(corpus(5, 2)).not.toBe(five);
    const a = seededRandom(7);
    const b = seededRandom(7);
    const draws = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(draws);
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('makes a dataset the app accepts, with N documents and unique ids', () => {
    expect(datasetProblem(dataset)).toBeNull();
    expect(dataset.documents).toHaveLength(5);
    expect(new Set(dataset.documents.map((d) => d.id)).size).toBe(5);
    for (const doc of dataset.documents) {
      expect(doc.counts.sentences).toBeGreaterThan(15);
      expect(new Set(doc.sentences.map((s) => s.id)).size).toBe(doc.sentences.length);
      expect(doc.sentences.some((s) => s.themes.length > 0)).toBe(true);
    }
  });

  it('marks every statement as generated, with its seed, and never as a seed file', () => {
    dataset.documents.forEach((doc, i) => {
      expect(doc.name).toMatch(new RegExp(`^Synthetic statement ${i + 1} \\(generated, seed 1\\)`));
      expect(doc.id).toBe(`synthetic-statement-00${i + 1}`);
      expect(doc.source.file).toMatch(/^synthetic\/seed-1\//);
      expect(doc.speaker.name).not.toMatch(/Russia/);
    });
  });

  it('keeps the offsets invariant in every document', () => {
    for (const doc of dataset.documents) {
      for (const unit of [
        ...doc.paragraphs,
        ...doc.listItems,
        ...doc.sentences,
        ...doc.dateReferences,
      ]) {
        expect(doc.text.slice(unit.start, unit.end)).toBe(unit.text);
      }
      for (const a of doc.attributions) expect(doc.text.slice(a.start, a.end)).toBe(a.quote);
      for (const s of doc.sentences)
        for (const t of s.themes)
          for (const e of t.evidence) expect(doc.text.slice(e.start, e.end)).toBe(e.text);
    }
  });

  it('varies the statements: no two texts are the same', () => {
    const texts = syntheticStatements([readProjectFile(seedFile)], { statements: 20, seed: 3 }).map(
      (s) => s.text,
    );
    expect(new Set(texts).size).toBe(20);
  });

  it('refuses counts and seeds out of range', () => {
    const sources = [readProjectFile(seedFile)];
    expect(() => syntheticStatements(sources, { statements: 0, seed: 1 })).toThrow(RangeError);
    expect(() => syntheticStatements(sources, { statements: 2, seed: -1 })).toThrow(RangeError);
    expect(() => syntheticStatements(sources, { statements: 1.5, seed: 1 })).toThrow(RangeError);
  });
});

const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** `npm run corpus -- …` in `cwd`. */
function runCorpusCli(cwd: string, args: string[]): Promise<CliResult> {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', tsxLoader, join(projectRoot, 'src/pipeline/corpus-cli.ts'), ...args],
      { cwd, env, timeout: 60_000 },
      (error, stdout, stderr) =>
        done({
          code: error ? (typeof error.code === 'number' ? error.code : null) : 0,
          stdout,
          stderr,
        }),
    );
  });
}

describe('npm run corpus', () => {
  it('writes the generated corpus, the same bytes as the generator, and refuses data/', async () => {
    const root = tempProject();
    const [written, refused] = await Promise.all([
      runCorpusCli(root, ['--statements', '3', '--seed', '4', '--out', 'corpora/three.json']),
      runCorpusCli(root, ['--statements', '3', '--out', 'data/dataset.json']),
    ]);
    expect(written).toMatchObject({ code: 0, stderr: '' });
    expect(written.stdout).toContain('wrote corpora/three.json: 3 synthetic statements');
    expect(readFileSync(join(root, 'corpora/three.json'), 'utf8')).toBe(corpus(3, 4));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('a synthetic corpus is not real data');
    expect(readFileSync(join(root, 'data/dataset.json'), 'utf8')).toBe(
      readProjectFile('data/dataset.json'),
    );
  });

  it('writes a split corpus into a folder, the same files as the generator, and refuses a .json name', async () => {
    const root = tempProject();
    const [written, refused] = await Promise.all([
      runCorpusCli(root, ['--statements', '3', '--seed', '4', '--split', '--out', 'corpora/three']),
      runCorpusCli(root, ['--statements', '3', '--split', '--out', 'corpora/three.json']),
    ]);
    expect(written).toMatchObject({ code: 0, stderr: '' });
    expect(written.stdout).toContain(
      'wrote corpora/three/index.json and 3 document files, and all.json: 3 synthetic statements',
    );
    const files = splitCorpus(corpusFromSeeds(projectRoot, { statements: 3, seed: 4 }));
    for (const [file, contents] of Object.entries(files)) {
      expect(readFileSync(join(root, 'corpora/three', file), 'utf8')).toBe(contents);
    }
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('write a folder (not a .json file)');
    expect(existsSync(join(root, 'corpora/three.json'))).toBe(false);
  });
});

describe('several statements in seeds/', () => {
  it('go through npm run data into one dataset, one document each', async () => {
    const root = tempProject();
    const second = corpusFromSeeds(projectRoot, { statements: 1, seed: 9 }).documents[0].text;
    writeFileSync(join(root, 'seeds/second-statement.txt'), second);
    const run = await runCli(root, []);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const dataset = JSON.parse(readFileSync(join(root, 'data/dataset.json'), 'utf8')) as Dataset;
    expect(datasetProblem(dataset)).toBeNull();
    expect(dataset.documents.map((d) => d.id)).toEqual([
      'russian-federation-gcm-position',
      'second-statement',
    ]);
    // The first keeps its curated annotations; the second, without any, gets suggestions.
    expect(dataset.documents[0].attributions.every((a) => a.source === 'curated')).toBe(true);
    expect(dataset.documents[1].attributions.every((a) => a.source === 'suggested')).toBe(true);
    expect(dataset.documents[1].text).toBe(second);
    expect(existsSync(join(root, 'data/dataset.schema.json'))).toBe(true);
    expect(await runCli(root, ['--check'])).toMatchObject({ code: 0 });
  });
});
