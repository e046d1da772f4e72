import type { StatementDocument } from '../data/types.ts';
import { schemaProblem } from '../data/validate.ts';
import { contextSchema, outcomeEntrySchema, outcomeMapSchema } from './schema.ts';
import type { GcmContext, OutcomeEntry, OutcomeMap } from './types.ts';

/**
 * Checks of the GCM context and the outcome map that the pipeline (`npm run data`, which stops
 * with the file, the entry and the problem) and the app (which shows the problem in place of
 * the two views) share. Each returns the first problem, or null; none throws.
 */

export interface Problem {
  /** The entry or event at fault ("entry 3 (s8)"), or null for the file as a whole. */
  where: string | null;
  problem: string;
}

const problem = (where: string | null, text: string): Problem => ({ where, problem: text });

/** True for a real calendar day written YYYY-MM-DD. */
export function isDay(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const day = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return (
    day.getUTCFullYear() === +m[1] && day.getUTCMonth() === +m[2] - 1 && day.getUTCDate() === +m[3]
  );
}

export function contextProblem(raw: unknown): Problem | null {
  const shape = schemaProblem(contextSchema, raw, 'context');
  if (shape) return problem(null, shape);
  const context = raw as GcmContext;
  for (const [i, event] of context.events.entries()) {
    const where = `event ${i + 1} (${event.start})`;
    if (!isDay(event.start)) return problem(where, `"${event.start}" is not a date`);
    if (event.end !== null && !isDay(event.end))
      return problem(where, `"${event.end}" is not a date`);
    if (event.end !== null && event.end < event.start)
      return problem(where, 'it ends before it starts');
  }
  const numbers = context.objectives.map((o) => o.number);
  for (const [i, n] of numbers.entries()) {
    if (n !== i + 1)
      return problem(
        `objective ${n}`,
        `objectives must be numbered 1 to ${numbers.length} in order`,
      );
  }
  const ids = new Set<string>();
  for (const p of context.provisions) {
    if (ids.has(p.id)) return problem(`provision ${p.id}`, 'the id is used twice');
    ids.add(p.id);
  }
  return null;
}

/** Paragraphs of the compact the context names: the provisions' and the objectives' list. */
export function knownParagraphs(context: GcmContext): Set<string> {
  const found = new Set(context.provisions.map((p) => p.paragraph));
  for (const o of context.objectives) {
    for (const m of o.source.matchAll(/\bparas?\.?\s+(\d+(?:\([a-z]\))?)/gi)) found.add(m[1]);
  }
  return found;
}

/** Every source the context gives an objective or a provision. */
export function knownSources(context: GcmContext): Set<string> {
  return new Set([
    ...context.objectives.map((o) => o.source),
    ...context.provisions.map((p) => p.source),
  ]);
}

/** Objective numbers and paragraphs a rationale cites ("Objectives 5, 11 and 21", "para 15(b)"). */
export function citations(rationale: string): { objectives: number[]; paragraphs: string[] } {
  const objectives: number[] = [];
  for (const m of rationale.matchAll(/\bObjectives?\s+(\d+(?:\s*(?:,|and|or)\s*\d+)*)/gi)) {
    objectives.push(...[...m[1].matchAll(/\d+/g)].map((n) => Number(n[0])));
  }
  const paragraphs: string[] = [];
  for (const m of rationale.matchAll(
    /\bparas?\.?\s+(\d+(?:\([a-z]\))?(?:\s*(?:,|and)\s*\d+(?:\([a-z]\))?)*)/gi,
  )) {
    paragraphs.push(...[...m[1].matchAll(/\d+(?:\([a-z]\))?/g)].map((p) => p[0]));
  }
  return { objectives, paragraphs };
}

const entryName = (i: number, entry: unknown) => {
  const sentence = (entry as { sentence?: unknown } | null)?.sentence;
  return `entry ${i + 1}${typeof sentence === 'string' ? ` (${sentence})` : ''}`;
};

/** The outcome map on its own and against the context: shape, objectives, provisions, sources. */
export function outcomeMapProblem(raw: unknown, context: GcmContext): Problem | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return problem(null, 'it is not a JSON object');
  const entries = (raw as { entries?: unknown }).entries;
  if (Array.isArray(entries)) {
    // Each entry on its own first, so that a problem names its entry.
    for (const [i, entry] of entries.entries()) {
      const shape = schemaProblem(outcomeEntrySchema, entry, 'entry');
      if (shape) return problem(entryName(i, entry), shape.replace(/^entry(?:\.|: )/, ''));
    }
  }
  const shape = schemaProblem(outcomeMapSchema, raw, 'outcome map');
  if (shape) return problem(null, shape);
  const map = raw as OutcomeMap;
  const objectives = new Set(context.objectives.map((o) => o.number));
  const provisions = new Map(context.provisions.map((p) => [p.id, p]));
  const paragraphs = knownParagraphs(context);
  const sources = knownSources(context);
  const seen = new Set<string>();
  for (const [i, entry] of map.entries.entries()) {
    const where = entryName(i, entry);
    if (seen.has(entry.sentence))
      return problem(where, `sentence ${entry.sentence} is mapped twice`);
    seen.add(entry.sentence);
    if (!entry.quote.trim()) return problem(where, 'the quote is empty');
    for (const n of entry.objectives) {
      if (!objectives.has(n))
        return problem(where, `unknown objective ${n} (the compact has ${objectives.size})`);
    }
    if (new Set(entry.objectives).size !== entry.objectives.length)
      return problem(where, 'an objective is listed twice');
    for (const id of entry.provisions) {
      if (!provisions.has(id)) {
        return problem(
          where,
          `unknown provision "${id}" (known: ${[...provisions.keys()].join(', ')})`,
        );
      }
    }
    if (new Set(entry.provisions).size !== entry.provisions.length)
      return problem(where, 'a provision is listed twice');
    const targets = entry.objectives.length + entry.provisions.length;
    if (targets === 0 && entry.verdict !== 'not_taken_up') {
      return problem(
        where,
        `"${entry.verdict}" needs the objective or provision that answers it; with none, the verdict is "not_taken_up"`,
      );
    }
    const rationale = entry.rationale.trim();
    if (!rationale) return problem(where, 'the rationale is missing');
    if (/[\r\n]/.test(rationale)) return problem(where, 'the rationale must be one line');
    const cited = citations(rationale);
    if (cited.objectives.length + cited.paragraphs.length === 0) {
      return problem(
        where,
        'the rationale cites no objective ("Objective 21") or paragraph ("para 15(b)") of the compact',
      );
    }
    for (const n of cited.objectives) {
      if (!objectives.has(n))
        return problem(
          where,
          `the rationale cites objective ${n}, which the compact does not have`,
        );
    }
    for (const p of cited.paragraphs) {
      if (!paragraphs.has(p)) {
        return problem(
          where,
          `the rationale cites para ${p}, which the context does not hold (known: ${[...paragraphs].join(', ')})`,
        );
      }
    }
    for (const source of entry.sources) {
      if (!sources.has(source))
        return problem(where, `the source "${source}" is not a source of the context`);
    }
    const needed = [
      ...entry.objectives.map((n) => context.objectives[n - 1].source),
      ...entry.provisions.map((id) => provisions.get(id)!.source),
    ];
    for (const source of needed) {
      if (!entry.sources.includes(source))
        return problem(where, `the source "${source}" of what it cites is missing`);
    }
  }
  return null;
}

/** The outcome map against its statement: sentences, quotes, modalities, every demand mapped. */
export function outcomeDocumentProblem(map: OutcomeMap, doc: StatementDocument): Problem | null {
  if (map.document !== doc.id)
    return problem(null, `it maps the document "${map.document}", not "${doc.id}"`);
  const byId = new Map(doc.sentences.map((s) => [s.id, s]));
  for (const [i, entry] of map.entries.entries()) {
    const where = entryName(i, entry);
    const sentence = byId.get(entry.sentence);
    if (!sentence)
      return problem(
        where,
        `unknown sentence ${entry.sentence} (the document has s1 to s${doc.sentences.length})`,
      );
    if (!sentence.text.includes(entry.quote)) {
      return problem(
        where,
        `the quote "${entry.quote}" is not in sentence ${entry.sentence}: "${sentence.text}"`,
      );
    }
    const modality = sentence.modality.modality;
    if (modality !== 'demand' && modality !== 'rejection') {
      return problem(
        where,
        `sentence ${entry.sentence} is coded "${modality}", not a demand or a rejection`,
      );
    }
  }
  const mapped = new Set(map.entries.map((e: OutcomeEntry) => e.sentence));
  for (const s of doc.sentences) {
    const modality = s.modality.modality;
    if ((modality === 'demand' || modality === 'rejection') && !mapped.has(s.id)) {
      return problem(`sentence ${s.id}`, `this ${modality} is not mapped: add an entry for it`);
    }
  }
  return null;
}

/** "entry 3 (s8): the quote is empty", or the problem alone. */
export function describeProblem(found: Problem): string {
  return found.where ? `${found.where}: ${found.problem}` : found.problem;
}
