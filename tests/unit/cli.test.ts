/**
 * The real command line (`node --import tsx src/pipeline/cli.ts …`) in temporary copies of the
 * project. Every run starts in beforeAll, a few at a time, so the suite stays fast.
 */
import Ajv from 'ajv';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/lib/data/types.ts';
import {
  annotationsFile,
  lineOfText,
  pool,
  projectRoot,
  readProjectFile,
  removeTempProjects,
  runCli,
  seedFile,
  snapshot,
  tempProject,
  type CliResult,
} from './support.ts';

interface Run extends CliResult {
  root: string;
  dataBefore: Record<string, Buffer>;
  dataAfter: Record<string, Buffer>;
}

interface Case {
  /** Prepares the temporary project and returns the command line arguments. */
  setup: (root: string) => string[];
  withData?: boolean;
}

const write = (root: string, file: string, contents: string | Uint8Array) => {
  mkdirSync(join(root, file, '..'), { recursive: true });
  writeFileSync(join(root, file), contents);
};
const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));

/** Bad seeds: each is tried as an extra seed in seeds/ and through --input. */
const BAD_SEEDS: Record<string, { contents: Buffer; where: string | null; problem: string }> = {
  empty: { contents: Buffer.alloc(0), where: null, problem: 'the file is empty' },
  binary: {
    contents: bytes('Some words.\nMore', [0, 1, 2, 0], 'words.\n'),
    where: 'line 2, byte 16',
    problem: 'the file is binary (it contains a NUL byte), not a text statement',
  },
  'non-UTF-8 (C3 28)': {
    contents: bytes('We agree.\nIt is ', [0xc3, 0x28], ' here.\n'),
    where: 'line 2, byte 16',
    problem: 'the file is not valid UTF-8 text; save it as UTF-8',
  },
  'latin-1 é (E9)': {
    contents: bytes('Caf', [0xe9], ' policy is good.\n'),
    where: 'line 1, byte 3',
    problem: 'the file is not valid UTF-8 text; save it as UTF-8',
  },
  'without sentences': {
    contents: bytes('--- *** ---\n\n- ;\n'),
    where: null,
    problem: 'no sentences found: the text has no words to code',
  },
};
const slug = (name: string) => name.replace(/[^a-z0-9]+/gi, '-').toLowerCase();

const codebookSource = readProjectFile('seeds/codebook.json');
const annotations = JSON.parse(readProjectFile(annotationsFile)) as {
  attributions: Record<string, string>[];
};
/** The committed annotations with attribution a06 changed, as an analyst would write them. */
const annotationsWith = (change: Record<string, string>) =>
  `${JSON.stringify(
    {
      ...annotations,
      attributions: annotations.attributions.map((a) => (a.id === 'a06' ? { ...a, ...change } : a)),
    },
    null,
    2,
  )}\n`;

const NORLAND = `Position of the Republic of Norland on the Global Compact for Migration

We welcome the adoption of the compact at the conference in Marrakech on 10 December 2018. Western countries must bear responsibility for the crises they provoked. We will assist victims of trafficking.

Norland asks that the compact should cover the following:
- readmission agreements with countries of origin;
- labour migration channels; and
- integration of migrants in host communities.

The compact should not create new legal obligations for states.
`;

/** A project with no data/ but the curated outcome map, which the pipeline checks, never writes. */
const withOutcomeMap = (root: string) => {
  write(root, 'data/gcm-outcomes.json', readProjectFile('data/gcm-outcomes.json'));
  return [];
};

const CASES: Record<string, Case> = {
  'default run 1': { setup: (root) => withOutcomeMap(root), withData: false },
  'default run 2': { setup: (root) => withOutcomeMap(root), withData: false },
  'check, fresh': { setup: () => ['--check'] },
  'check, stale': {
    setup: (root) => {
      write(root, seedFile, `${readProjectFile(seedFile)}\n\nA new closing sentence.\n`);
      return ['--check'];
    },
  },
  'input/out': {
    setup: (root) => {
      write(root, 'statements/norland.txt', NORLAND);
      return ['--input', 'statements/norland.txt', '--out', 'out/norland.json'];
    },
  },
  'missing seed': {
    setup: () => ['--input', 'seeds/missing.txt', '--out', 'out/missing.json'],
  },
  'unwritable output': {
    setup: (root) => {
      write(root, 'blocker', 'a file where a folder should be');
      return ['--input', seedFile, '--out', 'blocker/out.json'];
    },
  },
  '--input without --out': { setup: () => ['--input', seedFile] },
  'codebook: unknown theme id': {
    setup: (root) => {
      write(
        root,
        'seeds/codebook.json',
        codebookSource.replace('"id": "security"', '"id": "safety"'),
      );
      return [];
    },
  },
  'codebook: duplicate id': {
    setup: (root) => {
      write(
        root,
        'seeds/codebook.json',
        codebookSource.replace('"id": "security"', '"id": "control"'),
      );
      return [];
    },
  },
  'annotation: quote not in its sentence': {
    setup: (root) => {
      write(root, annotationsFile, annotationsWith({ quote: 'prevent lawful acts' }));
      return [];
    },
  },
  'annotation: actor not in the codebook': {
    setup: (root) => {
      write(root, annotationsFile, annotationsWith({ actor: 'aliens' }));
      return [];
    },
  },
  'annotation: relation not in the codebook': {
    setup: (root) => {
      write(root, annotationsFile, annotationsWith({ relation: 'threatens' }));
      return [];
    },
  },
};
for (const [name, seed] of Object.entries(BAD_SEEDS)) {
  const file = `seeds/zz-${slug(name)}.txt`;
  CASES[`seeds folder: ${name}`] = {
    setup: (root) => {
      write(root, file, seed.contents);
      return [];
    },
  };
  CASES[`--input: ${name}`] = {
    setup: (root) => {
      write(root, `statements/${slug(name)}.txt`, seed.contents);
      return ['--input', `statements/${slug(name)}.txt`, '--out', 'out/bad.json'];
    },
  };
}

const runs = new Map<string, Run>();

beforeAll(async () => {
  const results = await pool(
    3,
    Object.entries(CASES).map(([name, { setup, withData = true }]) => async () => {
      const root = tempProject(withData);
      const args = setup(root);
      const dataBefore = withData ? snapshot(join(root, 'data')) : {};
      const result = await runCli(root, args);
      const dataAfter = existsSync(join(root, 'data')) ? snapshot(join(root, 'data')) : {};
      return [name, { ...result, root, dataBefore, dataAfter }] as const;
    }),
  );
  for (const [name, run] of results) runs.set(name, run);
}, 180_000);

afterAll(removeTempProjects);

const run = (name: string): Run => {
  const found = runs.get(name);
  if (!found) throw new Error(`no run "${name}"`);
  return found;
};

/** The run failed with exactly one message naming the file, the place and the problem. */
function expectRefusal(name: string, file: string, where: string | null, problem: string | RegExp) {
  const r = run(name);
  expect(r.code, r.stderr).not.toBe(0);
  expect(r.code).not.toBeNull();
  expect(r.stdout).toBe('');
  const lines = r.stderr.split('\n').filter((line) => line.trim() !== '');
  expect(lines, r.stderr).toHaveLength(1);
  const [message] = lines;
  expect(message.startsWith(`error: ${file}: ${where ? `${where}: ` : ''}`), message).toBe(true);
  if (typeof problem === 'string') expect(message).toContain(problem);
  else expect(message).toMatch(problem);
  expect(message).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
  // The project's data/ is left exactly as it was.
  expect(Object.keys(r.dataAfter)).toEqual(Object.keys(r.dataBefore));
  for (const [path, before] of Object.entries(r.dataBefore)) {
    expect(r.dataAfter[path].equals(before), `${path} changed`).toBe(true);
  }
  expect(existsSync(join(r.root, 'out'))).toBe(false);
  return message;
}

describe('the command line', () => {
  describe('determinism (two runs, same bytes)', () => {
    it('writes the same bytes in two fresh copies, equal to the committed data/', () => {
      const [first, second] = [run('default run 1'), run('default run 2')];
      for (const r of [first, second]) {
        expect(r.code, r.stderr).toBe(0);
        expect(r.stderr).toBe('');
        expect(r.stdout).toMatch(/^wrote data\/dataset\.json \(\d+ bytes\)$/m);
      }
      const committed = snapshot(join(projectRoot, 'data'));
      const names = [
        'dataset.json',
        'dataset.schema.json',
        'gcm-context.json',
        'gcm-outcomes.json',
      ];
      expect(Object.keys(first.dataAfter).sort()).toEqual(names);
      for (const name of names) {
        expect(first.dataAfter[name].equals(second.dataAfter[name]), name).toBe(true);
        expect(first.dataAfter[name].equals(committed[name]), name).toBe(true);
      }
    });

    it('leaves no temporary file behind', () => {
      for (const r of [run('default run 1'), run('default run 2')]) {
        expect(Object.keys(snapshot(r.root)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      }
    });
  });

  describe('--check', () => {
    it('passes when data/ is what the seeds give', () => {
      const r = run('check, fresh');
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout.trim()).toBe('data/ is up to date');
    });

    it('fails, naming the stale file, when a seed changed, and writes nothing', () => {
      const message = expectRefusal('check, stale', 'data/dataset.json', null, 'out of date');
      expect(message).toBe('error: data/dataset.json: out of date: run npm run data');
    });
  });

  describe('--input/--out on another statement', () => {
    const dataset = (): Dataset =>
      JSON.parse(readFileSync(join(run('input/out').root, 'out/norland.json'), 'utf8'));

    it('writes one dataset file and reports its counts', () => {
      const r = run('input/out');
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
      const doc = dataset().documents[0];
      expect(r.stdout.trim()).toBe(
        `out/norland.json: ${doc.counts.sentences} sentences, ${doc.counts.themeCodings} theme codings, ${doc.counts.attributions} suggested attributions`,
      );
      // data/ is not touched in this mode.
      for (const [path, before] of Object.entries(r.dataBefore)) {
        expect(r.dataAfter[path].equals(before), path).toBe(true);
      }
    });

    it('writes a dataset that the schema accepts', () => {
      const schema = JSON.parse(readProjectFile('data/dataset.schema.json'));
      const validate = new Ajv({ allErrors: true }).compile(schema);
      expect(validate(dataset()), JSON.stringify(validate.errors)).toBe(true);
    });

    it('parses the speaker from "Position of the Republic of X on …"', () => {
      const doc = dataset().documents[0];
      expect(doc.id).toBe('norland');
      expect(doc.title?.text).toBe(
        'Position of the Republic of Norland on the Global Compact for Migration',
      );
      expect(doc.speaker).toEqual({ actor: null, name: 'Republic of Norland' });
      expect(doc.source.file).toBe('statements/norland.txt');
    });

    it('codes it without annotations: suggested attributions, themes, modality, lists, dates', () => {
      const doc = dataset().documents[0];
      expect(doc.attributions.length).toBeGreaterThan(0);
      for (const a of doc.attributions) {
        expect(a.source).toBe('suggested');
        expect(doc.text.slice(a.start, a.end)).toBe(a.quote);
      }
      expect(doc.attributions.map((a) => [a.actor, a.relation])).toContainEqual([
        'western_states',
        'must_bear_responsibility',
      ]);
      expect(doc.listItems.map((i) => i.text)).toEqual([
        'readmission agreements with countries of origin',
        'labour migration channels',
        'integration of migrants in host communities',
      ]);
      const items = doc.sentences.filter((s) => s.listItem);
      expect(items.map((s) => s.themes.map((t) => t.theme)[0])).toEqual([
        'readmission',
        'regular_pathways',
        'integration',
      ]);
      expect(items.every((s) => s.modality.modality === 'demand')).toBe(true);
      const last = doc.sentences[doc.sentences.length - 1];
      expect(last.modality.modality).toBe('rejection');
      expect(doc.dateReferences.map((d) => d.date)).toEqual(['2018-12-10']);
    });
  });

  describe('every bad input', () => {
    it('refuses a missing seed given with --input', () => {
      expectRefusal('missing seed', 'seeds/missing.txt', null, 'the statement not found');
    });

    describe.each(Object.entries(BAD_SEEDS))('a seed that is %s', (name, seed) => {
      it('stops the seeds folder run', () => {
        const file = `seeds/zz-${slug(name)}.txt`;
        expectRefusal(`seeds folder: ${name}`, file, seed.where, seed.problem);
      });

      it('stops an --input run', () => {
        const file = `statements/${slug(name)}.txt`;
        expectRefusal(`--input: ${name}`, file, seed.where, seed.problem);
      });
    });

    it('refuses a codebook with an unknown theme id', () => {
      const source = codebookSource.replace('"id": "security"', '"id": "safety"');
      const line = `line ${lineOfText(source, '"safety"')}`;
      expectRefusal(
        'codebook: unknown theme id',
        'seeds/codebook.json',
        line,
        'unknown theme id "safety"; the fixed ids are control, readmission,',
      );
    });

    it('refuses a codebook with a duplicate id, at its second occurrence', () => {
      const source = codebookSource.replace('"id": "security"', '"id": "control"');
      const second = source.indexOf('"id": "control"', source.indexOf('"id": "control"') + 1);
      const line = `line ${lineOfText(source, '"id": "control"', second)}`;
      expectRefusal(
        'codebook: duplicate id',
        'seeds/codebook.json',
        line,
        'duplicate theme id "control"',
      );
    });

    it.each([
      [
        'quote not in its sentence',
        { quote: 'prevent lawful acts' },
        /the quote "prevent lawful acts" is not in sentence s11 \(/,
      ],
      ['actor not in the codebook', { actor: 'aliens' }, 'actor "aliens" is not in the codebook'],
      [
        'relation not in the codebook',
        { relation: 'threatens' },
        'relation "threatens" is not in the codebook',
      ],
    ])('refuses an annotation whose %s', (name, change, problem) => {
      const source = annotationsWith(change);
      const line = `line ${lineOfText(source, '"a06"')}`;
      const message = expectRefusal(`annotation: ${name}`, annotationsFile, line, problem);
      expect(message).toContain('attribution "a06": ');
    });

    it('refuses an output path it cannot write, with one message', () => {
      expectRefusal('unwritable output', 'blocker/out.json', null, /cannot be written \(E[A-Z]+\)/);
    });

    it('refuses --input without --out', () => {
      expectRefusal('--input without --out', 'command line', null, '--input and --out go together');
    });
  });
});
