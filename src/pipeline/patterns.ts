import type { Span } from '../lib/data/types.ts';

/**
 * The pattern language of `seeds/dictionary.json`, kept small so an analyst can read it:
 *
 *   control over migration     words in sequence (case-insensitive; hyphens and apostrophes
 *                              separate words, so "self reporting" matches "self-reporting")
 *   regulat*                   a word starting with "regulat" (regulate, regulated, regulation…)
 *   flow|flows|border*         any one of the alternatives
 *   control* ~3 migra*         up to 3 other words in between
 *
 * A rule's "pattern" may also be a list of such patterns: it matches where any of them does
 * (that is how to give alternatives of several words: ["civil society", "ngo|ngos"]).
 */

export interface Token extends Span {
  word: string;
}

type Atom =
  | { kind: 'word'; alternatives: { text: string; prefix: boolean }[] }
  | { kind: 'gap'; max: number };

export interface CompiledPattern {
  source: string;
  atoms: Atom[];
}

const WORD = /[\p{L}\p{N}]+/gu;

export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    tokens.push({
      word: m[0].toLowerCase(),
      start: offset + m.index,
      end: offset + m.index + m[0].length,
    });
  }
  return tokens;
}

/** Compiles a pattern, or returns a message saying what is wrong with it. */
export function compilePattern(source: string): CompiledPattern | string {
  const atoms: Atom[] = [];
  const parts = source.trim().split(/\s+/);
  if (source.trim() === '') return 'the pattern is empty';
  for (const part of parts) {
    const gap = /^~(\d+)$/.exec(part);
    if (gap) {
      if (atoms.length === 0 || atoms[atoms.length - 1].kind === 'gap') {
        return `"${part}" must stand between two words`;
      }
      atoms.push({ kind: 'gap', max: Number(gap[1]) });
      continue;
    }
    const alternatives = [];
    for (const alternative of part.split('|')) {
      const prefix = alternative.endsWith('*');
      const body = prefix ? alternative.slice(0, -1) : alternative;
      // A hyphenated or apostrophised alternative ("non-state") is a word sequence: split it.
      const words = tokenize(body).map((t) => t.word);
      if (words.length === 0) return `"${part}" has an empty alternative`;
      if (words.join('') !== body.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')) {
        return `"${alternative}" may hold only letters, digits, "-", "'" and a final "*"`;
      }
      if (words.length > 1) {
        if (part.includes('|'))
          return `"${part}": a hyphenated word cannot be one of several alternatives`;
        words.forEach((text, i) =>
          atoms.push({
            kind: 'word',
            alternatives: [{ text, prefix: prefix && i === words.length - 1 }],
          }),
        );
        continue;
      }
      alternatives.push({ text: words[0], prefix });
    }
    if (alternatives.length > 0) atoms.push({ kind: 'word', alternatives });
  }
  if (atoms[atoms.length - 1].kind === 'gap') return 'a pattern cannot end with a gap';
  return { source, atoms };
}

/** Every match of the pattern among the tokens, as [first token, last token] index pairs. */
export function findMatches(pattern: CompiledPattern, tokens: Token[]): [number, number][] {
  const found: [number, number][] = [];
  for (let start = 0; start < tokens.length; start++) {
    const end = matchFrom(pattern.atoms, 0, tokens, start);
    if (end >= 0) found.push([start, end]);
  }
  return found;
}

/** Index of the last token matched when `atoms[a…]` match from token `t`, or -1. */
function matchFrom(atoms: Atom[], a: number, tokens: Token[], t: number): number {
  const atom = atoms[a];
  if (atom.kind === 'gap') {
    for (let skip = 0; skip <= atom.max; skip++) {
      const end = matchFrom(atoms, a + 1, tokens, t + skip);
      if (end >= 0) return end;
    }
    return -1;
  }
  const token = tokens[t];
  if (!token) return -1;
  const hit = atom.alternatives.some((alt) =>
    alt.prefix ? token.word.startsWith(alt.text) : token.word === alt.text,
  );
  if (!hit) return -1;
  return a === atoms.length - 1 ? t : matchFrom(atoms, a + 1, tokens, t + 1);
}
