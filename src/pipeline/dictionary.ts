import {
  ACTOR_IDS,
  MODALITY_IDS,
  RELATION_IDS,
  THEME_IDS,
  type Evidence,
  type ModalityCoding,
  type ModalityId,
  type Span,
  type ThemeCoding,
  type ThemeId,
} from '../lib/data/types.ts';
import { parseJson } from './codebook.ts';
import { PipelineError, lineOf } from './errors.ts';
import {
  compilePattern,
  findMatches,
  tokenize,
  type CompiledPattern,
  type Token,
} from './patterns.ts';

/** One rule of `seeds/dictionary.json`, compiled. */
export interface Rule<Code extends string> {
  id: string;
  code: Code;
  /** Alternatives: the rule matches where any of them does. */
  patterns: CompiledPattern[];
  /** Patterns that veto a match they overlap ("return on investment" is not a return). */
  unless: CompiledPattern[];
  /** When true, a negation cue just before the match vetoes it. */
  vetoedByNegation: boolean;
}

export interface Dictionary {
  version: string;
  negationCues: Set<string>;
  negationWindow: number;
  themes: Rule<ThemeId>[];
  modality: Rule<ModalityId>[];
  defaultModality: ModalityId;
  actors: Rule<string>[];
  relations: Rule<string>[];
}

const SECTIONS = [
  ['themes', 'theme', THEME_IDS],
  ['modality', 'modality', MODALITY_IDS],
  ['actors', 'actor', ACTOR_IDS],
  ['relations', 'relation', RELATION_IDS],
] as const;

export function parseDictionary(source: string, file: string): Dictionary {
  const raw = parseJson(source, file) as Record<string, unknown>;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new PipelineError(file, null, 'the dictionary must be a JSON object');
  }
  const cues = raw.negationCues;
  if (!Array.isArray(cues) || cues.some((c) => typeof c !== 'string')) {
    throw new PipelineError(
      file,
      lineOf(source, '"negationCues"'),
      '"negationCues" must be a list of words',
    );
  }
  const window = raw.negationWindow;
  if (typeof window !== 'number' || !Number.isInteger(window) || window < 0) {
    throw new PipelineError(
      file,
      lineOf(source, '"negationWindow"'),
      '"negationWindow" must be a whole number',
    );
  }
  if (!MODALITY_IDS.includes(raw.defaultModality as ModalityId)) {
    throw new PipelineError(
      file,
      lineOf(source, '"defaultModality"'),
      `"defaultModality" must be one of ${MODALITY_IDS.join(', ')}`,
    );
  }
  const dictionary = {
    version: String(raw.version ?? ''),
    negationCues: new Set(cues.map((c: string) => c.toLowerCase())),
    negationWindow: window,
    defaultModality: raw.defaultModality as ModalityId,
  } as Dictionary;
  const ruleIds = new Set<string>();
  for (const [section, codeField, codes] of SECTIONS) {
    const entries = raw[section];
    if (!Array.isArray(entries)) {
      throw new PipelineError(
        file,
        lineOf(source, `"${section}"`),
        `"${section}" must be a list of rules`,
      );
    }
    (dictionary as unknown as Record<string, unknown>)[section] = entries.map((entry) =>
      parseRule(entry, section, codeField, codes, ruleIds, source, file),
    );
  }
  return dictionary;
}

function parseRule(
  entry: Record<string, unknown>,
  section: string,
  codeField: string,
  codes: readonly string[],
  ruleIds: Set<string>,
  source: string,
  file: string,
): Rule<never> {
  const id = entry?.id;
  if (typeof id !== 'string' || id === '') {
    throw new PipelineError(
      file,
      lineOf(source, `"${section}"`),
      `a rule in "${section}" has no id`,
    );
  }
  const where = lineOf(source, `"${id}"`) ?? `rule ${id}`;
  if (ruleIds.has(id)) {
    throw new PipelineError(
      file,
      lineOf(source, `"${id}"`, source.indexOf(`"${id}"`) + 1),
      `duplicate rule id "${id}"`,
    );
  }
  ruleIds.add(id);
  const code = entry[codeField];
  if (typeof code !== 'string' || !codes.includes(code)) {
    throw new PipelineError(file, where, `rule "${id}": unknown ${codeField} id "${String(code)}"`);
  }
  const compile = (pattern: unknown): CompiledPattern => {
    const compiled =
      typeof pattern === 'string' ? compilePattern(pattern) : 'the pattern must be a string';
    if (typeof compiled === 'string')
      throw new PipelineError(file, where, `rule "${id}": ${compiled}`);
    return compiled;
  };
  const unless = entry.unless ?? [];
  if (!Array.isArray(unless))
    throw new PipelineError(file, where, `rule "${id}": "unless" must be a list`);
  const patterns = Array.isArray(entry.pattern) ? entry.pattern : [entry.pattern];
  if (patterns.length === 0)
    throw new PipelineError(file, where, `rule "${id}": "pattern" is empty`);
  return {
    id,
    code: code as never,
    patterns: patterns.map(compile),
    unless: unless.map(compile),
    vetoedByNegation: entry.negation === 'vetoes',
  };
}

/** The matches of one rule in a sentence, after its vetoes. */
export function ruleMatches<Code extends string>(
  rule: Rule<Code>,
  tokens: Token[],
  dictionary: Dictionary,
): Span[] {
  const matches = rule.patterns.flatMap((pattern) => findMatches(pattern, tokens));
  const vetoes = rule.unless.flatMap((pattern) => findMatches(pattern, tokens));
  return matches
    .filter(([first, last]) => !vetoes.some(([a, b]) => a <= last && b >= first))
    .filter(([first]) => !(rule.vetoedByNegation && negatedBefore(tokens, first, dictionary)))
    .map(([first, last]) => ({ start: tokens[first].start, end: tokens[last].end }));
}

function negatedBefore(tokens: Token[], index: number, dictionary: Dictionary): boolean {
  for (let i = Math.max(0, index - dictionary.negationWindow); i < index; i++) {
    if (dictionary.negationCues.has(tokens[i].word)) return true;
  }
  return false;
}

function evidence(text: string, span: Span, rule: string): Evidence {
  return { start: span.start, end: span.end, text: text.slice(span.start, span.end), rule };
}

/** Themes of one sentence (a span of `text`), each with every piece of evidence found. */
export function codeThemes(text: string, span: Span, dictionary: Dictionary): ThemeCoding[] {
  const tokens = tokenize(text.slice(span.start, span.end), span.start);
  const byTheme = new Map<ThemeId, Evidence[]>();
  for (const rule of dictionary.themes) {
    for (const match of ruleMatches(rule, tokens, dictionary)) {
      const list = byTheme.get(rule.code) ?? [];
      list.push(evidence(text, match, rule.id));
      byTheme.set(rule.code, list);
    }
  }
  return THEME_IDS.filter((theme) => byTheme.has(theme)).map((theme) => ({
    theme,
    evidence: dedupe(byTheme.get(theme)!),
  }));
}

/** Overlapping evidence for one theme keeps the longest span (the most specific rule). */
function dedupe(evidenceList: Evidence[]): Evidence[] {
  const sorted = [...evidenceList].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Evidence[] = [];
  for (const item of sorted) {
    const last = kept[kept.length - 1];
    if (last && item.start < last.end) continue;
    kept.push(item);
  }
  return kept;
}

/**
 * The modality of one sentence: the first rule, in dictionary order, that matches decides.
 * A list item with no cue of its own takes its lead-in's modality ("should also cover:").
 */
export function codeModality(
  text: string,
  span: Span,
  dictionary: Dictionary,
  leadIn: ModalityCoding | null,
): ModalityCoding {
  const tokens = tokenize(text.slice(span.start, span.end), span.start);
  for (const rule of dictionary.modality) {
    const [match] = ruleMatches(rule, tokens, dictionary);
    if (match) return { modality: rule.code, cue: evidence(text, match, rule.id), basis: 'cue' };
  }
  // A lead-in without a cue of its own passes on nothing but the default.
  if (leadIn?.cue) return { modality: leadIn.modality, cue: leadIn.cue, basis: 'lead-in' };
  return { modality: dictionary.defaultModality, cue: null, basis: 'default' };
}
