import {
  ACTOR_IDS,
  RELATION_IDS,
  type ActorId,
  type Attribution,
  type RelationId,
  type Sentence,
} from '../lib/data/types.ts';
import { parseJson } from './codebook.ts';
import type { Dictionary } from './dictionary.ts';
import { ruleMatches } from './dictionary.ts';
import { PipelineError, lineOf } from './errors.ts';
import { tokenize } from './patterns.ts';

interface RawAttribution {
  id: unknown;
  sentence: unknown;
  actor: unknown;
  relation: unknown;
  target: unknown;
  quote: unknown;
  rationale: unknown;
}

/**
 * Curated attributions (actor -> relation -> target), each quoting its sentence. A quote that
 * is not in the sentence it names stops the build: the diagram must never show words the
 * statement does not contain.
 */
export function parseAnnotations(
  source: string,
  file: string,
  documentId: string,
  sentences: Sentence[],
): Attribution[] {
  const raw = parseJson(source, file) as { document?: unknown; attributions?: unknown };
  if (typeof raw !== 'object' || raw === null || !Array.isArray(raw.attributions)) {
    throw new PipelineError(
      file,
      null,
      'an annotations file is an object with a list "attributions"',
    );
  }
  if (raw.document !== documentId) {
    throw new PipelineError(
      file,
      lineOf(source, '"document"'),
      `"document" is "${String(raw.document)}" but the statement's id is "${documentId}"`,
    );
  }
  const byId = new Map(sentences.map((s) => [s.id, s]));
  const seen = new Set<string>();
  return (raw.attributions as RawAttribution[]).map((entry, index) => {
    const id = typeof entry?.id === 'string' && entry.id !== '' ? entry.id : null;
    const where = id
      ? (lineOf(source, `"${id}"`) ?? `attribution ${id}`)
      : `attribution #${index + 1}`;
    const fail = (problem: string): never => {
      throw new PipelineError(file, where, `${id ? `attribution "${id}": ` : ''}${problem}`);
    };
    if (!id) return fail('it has no "id"');
    if (seen.has(id)) fail('duplicate attribution id');
    seen.add(id);
    const sentence = typeof entry.sentence === 'string' ? byId.get(entry.sentence) : undefined;
    if (!sentence)
      return fail(`sentence "${String(entry.sentence)}" does not exist in the statement`);
    if (!ACTOR_IDS.includes(entry.actor as ActorId)) {
      fail(`actor "${String(entry.actor)}" is not in the codebook`);
    }
    if (!RELATION_IDS.includes(entry.relation as RelationId)) {
      fail(`relation "${String(entry.relation)}" is not in the codebook`);
    }
    for (const field of ['target', 'quote', 'rationale'] as const) {
      if (typeof entry[field] !== 'string' || (entry[field] as string).trim() === '') {
        fail(`"${field}" must be a non-empty string`);
      }
    }
    const quote = entry.quote as string;
    const at = sentence.text.indexOf(quote);
    if (at < 0) fail(`the quote "${quote}" is not in sentence ${sentence.id} ("${sentence.text}")`);
    return {
      id,
      sentence: sentence.id,
      actor: entry.actor as ActorId,
      relation: entry.relation as RelationId,
      target: (entry.target as string).trim(),
      quote,
      start: sentence.start + at,
      end: sentence.start + at + quote.length,
      rationale: (entry.rationale as string).trim(),
      source: 'curated' as const,
    };
  });
}

/**
 * Candidate attributions from the dictionary's actor and relation rules: an actor mention and a
 * relation cue in one sentence. They stand in for curated ones on statements nobody has
 * annotated yet, and help an analyst find what to curate.
 */
export function suggestAttributions(
  text: string,
  sentences: Sentence[],
  dictionary: Dictionary,
): Attribution[] {
  const suggestions: Attribution[] = [];
  for (const sentence of sentences) {
    const tokens = tokenize(sentence.text, sentence.start);
    const actors = dictionary.actors.flatMap((rule) =>
      ruleMatches(rule, tokens, dictionary).map((span) => ({
        ...span,
        code: rule.code as ActorId,
      })),
    );
    const relations = dictionary.relations.flatMap((rule) =>
      ruleMatches(rule, tokens, dictionary).map((span) => ({
        ...span,
        code: rule.code as RelationId,
        rule: rule.id,
      })),
    );
    const taken = new Set<string>();
    for (const relation of relations) {
      // The actor mention nearest the cue carries it.
      const actor = [...actors].sort(
        (a, b) => distance(a, relation) - distance(b, relation) || a.start - b.start,
      )[0];
      if (!actor || taken.has(`${actor.code}|${relation.code}`)) continue;
      taken.add(`${actor.code}|${relation.code}`);
      const start = Math.min(actor.start, relation.start);
      const end = Math.max(actor.end, relation.end);
      suggestions.push({
        id: `${sentence.id}.${actor.code}.${relation.code}`,
        sentence: sentence.id,
        actor: actor.code,
        relation: relation.code,
        target: sentence.themes[0]?.theme.replace('_', ' ') ?? 'unspecified',
        quote: text.slice(start, end),
        start,
        end,
        rationale: `rule ${relation.rule}: "${text.slice(relation.start, relation.end)}" near "${text.slice(actor.start, actor.end)}"`,
        source: 'suggested',
      });
    }
  }
  return suggestions;
}

function distance(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return a.end <= b.start ? b.start - a.end : b.end <= a.start ? a.start - b.end : 0;
}
