import type { Codebook, Dataset } from '../lib/data/types.ts';
import { buildDataset, buildDocument, type StatementInput } from './build.ts';
import type { Dictionary } from './dictionary.ts';
import { segment } from './segment.ts';

/**
 * Synthetic corpora for the benchmark and the tests: N made-up statements in the dataset's
 * schema, built by recombining and varying the paragraphs, sentences and list items of the
 * real statement(s), then run through the real pipeline with the real codebook and dictionary.
 * Deterministic: the same sources, count and seed give byte-identical output. Every
 * statement says in its title that it is generated, and with which seed; none is real data,
 * and none is ever written into `data/` or shipped with the app.
 */

export interface CorpusOptions {
  /** How many statements (1 to 10,000). */
  statements: number;
  /** Seed of the pseudo-random generator (an integer, 0 to 2^32 - 1). */
  seed: number;
}

export const MAX_STATEMENTS = 10_000;

/** Mulberry32: a small, fast, seedable generator; numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What the statements are recombined from. */
interface Pool {
  /** Prose paragraphs, each as its sentences. */
  paragraphs: string[][];
  /** Sentences that open a bullet list ("…should also cover the following aspects:"). */
  leadIns: string[];
  /** The words of the list items, without marker and closing ";" or ".". */
  items: string[];
}

function poolOf(sources: readonly string[]): Pool {
  const pool: Pool = { paragraphs: [], leadIns: [], items: [] };
  for (const text of sources) {
    const raw = segment(text);
    raw.paragraphs.forEach((paragraph, index) => {
      const prose = raw.sentences
        .filter((s) => s.paragraph === index && s.listItem < 0)
        .map((s) => text.slice(s.start, s.end));
      if (paragraph.kind === 'list') pool.leadIns.push(...prose.slice(-1));
      else if (prose.length) pool.paragraphs.push(prose);
    });
    pool.items.push(...raw.listItems.map((item) => text.slice(item.start, item.end)));
  }
  if (pool.paragraphs.length === 0) throw new Error('the sources hold no prose paragraph');
  return pool;
}

/** Made-up speakers: a generated statement is never put in a real state's mouth. */
const SPEAKERS = [
  'the Republic of Aldoria',
  'the Kingdom of Brevia',
  'the Federal Republic of Corvania',
  'the Union of Delmaria',
  'the Principality of Estovia',
  'the Republic of Falmora',
  'the Commonwealth of Gallen',
  'the Federation of Halvar',
];

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Wordings swapped for equivalents, each with some probability, so no two texts match. */
const VARIANTS: [RegExp, string[]][] = [
  [/\bWe believe\b/g, ['We are convinced', 'We consider', 'We believe']],
  [/\bWe proceed from the understanding\b/g, ['We start from the premise', 'We take the view']],
  [/\bIt is necessary\b/g, ['It is essential', 'It is indispensable', 'It is necessary']],
  [/\bGlobal compact\b/g, ['Global Compact', 'Compact']],
  [/\bWestern countries\b/g, ['Western states', 'Western countries']],
  [/\bimportant\b/g, ['significant', 'important', 'essential']],
  [/\bmigration flows\b/g, ['migratory flows', 'migration flows']],
];

export function syntheticStatements(
  sources: readonly string[],
  options: CorpusOptions,
): StatementInput[] {
  checkOptions(options);
  const pool = poolOf(sources);
  const random = seededRandom(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const chance = (p: number) => random() < p;
  const digits = Math.max(3, String(options.statements).length);
  const statements: StatementInput[] = [];
  for (let n = 1; n <= options.statements; n++) {
    const speaker = pick(SPEAKERS);
    const shortName = speaker.replace(/^the (?:[A-Z][a-z]+ )*of /, '');
    const date = `${1 + Math.floor(random() * 28)} ${pick(MONTHS)} ${2016 + Math.floor(random() * 3)}`;
    const vary = (sentence: string) => {
      let text = sentence
        .replace(/\bthe Russian Federation\b/g, speaker)
        .replace(/\bRussia's\b/g, `${shortName}'s`)
        .replace(/\b\d{1,2} [A-Z][a-z]+ 20\d\d\b/g, date);
      for (const [pattern, wordings] of VARIANTS) {
        if (chance(0.5)) text = text.replace(pattern, pick(wordings));
      }
      return text;
    };

    // Paragraphs are dealt from a shuffled deck, so a statement repeats one only when it has
    // more paragraphs than the sources.
    let deck: string[][] = [];
    const deal = () => {
      if (deck.length === 0) deck = shuffle(pool.paragraphs, random);
      return deck.pop()!;
    };
    const paragraphs: string[] = [];
    const count = 8 + Math.floor(random() * 7);
    for (let p = 0; p < count; p++) {
      let sentences = [...deal()];
      if (sentences.length > 2 && chance(0.3))
        sentences.splice(Math.floor(random() * sentences.length), 1);
      if (chance(0.35)) sentences.push(pick(pick(pool.paragraphs)));
      if (sentences.length > 1 && chance(0.25)) sentences = [...sentences.slice(1), sentences[0]];
      paragraphs.push(sentences.map(vary).join(' '));
    }
    if (pool.leadIns.length && pool.items.length && chance(0.8)) {
      const items = [...pool.items];
      const chosen: string[] = [];
      const length = Math.min(items.length, 3 + Math.floor(random() * 6));
      while (chosen.length < length)
        chosen.push(items.splice(Math.floor(random() * items.length), 1)[0]);
      const list = chosen.map((item, i) => `- ${vary(item)}${i === chosen.length - 1 ? '.' : ';'}`);
      const at = 1 + Math.floor(random() * (paragraphs.length - 1));
      paragraphs.splice(at, 0, [vary(pick(pool.leadIns)), '', ...list].join('\n'));
    }

    const title =
      `Synthetic statement ${n} (generated, seed ${options.seed}): Position of ${speaker} ` +
      'on the Global Compact for Safe, Orderly and Regular Migration';
    statements.push({
      file: `synthetic/seed-${options.seed}/synthetic-statement-${String(n).padStart(digits, '0')}.txt`,
      text: `${[title, ...paragraphs].join('\n\n')}\n`,
      annotations: null,
    });
  }
  return statements;
}

/** N synthetic statements through the real pipeline: a dataset with N documents. */
export function syntheticCorpus(
  sources: readonly string[],
  codebook: Codebook,
  dictionary: Dictionary,
  options: CorpusOptions,
): Dataset {
  const documents = syntheticStatements(sources, options).map((input) =>
    buildDocument(input, codebook, dictionary),
  );
  return buildDataset(documents, codebook);
}

/** A shuffled copy (Fisher-Yates). */
function shuffle<T>(list: readonly T[], random: () => number): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

function checkOptions({ statements, seed }: CorpusOptions): void {
  if (!Number.isInteger(statements) || statements < 1 || statements > MAX_STATEMENTS) {
    throw new RangeError(
      `the number of statements must be a whole number from 1 to ${MAX_STATEMENTS}`,
    );
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new RangeError('the seed must be a whole number from 0 to 4294967295');
  }
}
