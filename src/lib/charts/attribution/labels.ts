import { label } from '../../data/queries.ts';
import type { ActorId, Attribution, Codebook, RelationId } from '../../data/types.ts';
import { actorLabel } from './layout.ts';

/**
 * Words for the attribution diagram's accessible names, description and tooltip. The codebook's
 * relation labels are used as they are; a few take a preposition so that
 * "actor relation target" reads as a phrase.
 */

const PREPOSITION: Partial<Record<RelationId, string>> = {
  must_bear_responsibility: 'for',
  contributes: 'to',
  poses_risk: 'of',
};

export function relationPhrase(codebook: Codebook, relation: RelationId): string {
  const text = label(codebook, 'relations', relation);
  const preposition = PREPOSITION[relation];
  return preposition && !text.endsWith(` ${preposition}`) ? `${text} ${preposition}` : text;
}

/** Cuts a long quote at a word boundary and marks the cut with an ellipsis. */
export function truncateQuote(quote: string, max = 90): string {
  if (quote.length <= max) return quote;
  const cut = quote.lastIndexOf(' ', max - 2);
  return `${quote.slice(0, cut > max / 2 ? cut : max - 2).replace(/[\s,;:–-]+$/, '')} …`;
}

export function linkAriaLabel(
  codebook: Codebook,
  attribution: Attribution,
  speaker: ActorId | null,
): string {
  const actor = actorLabel(codebook, attribution.actor, speaker);
  const relation = relationPhrase(codebook, attribution.relation);
  return `${actor} ${relation} ${attribution.target}: “${truncateQuote(attribution.quote)}”`;
}

export function actorAriaLabel(actorText: string, count: number): string {
  return `${actorText}: ${count} attribution${count === 1 ? '' : 's'}`;
}

/** One paragraph for the SVG's <desc>: what the diagram shows, actor by actor. */
export function describeAttributions(
  codebook: Codebook,
  attributions: Attribution[],
  actorOrder: ActorId[],
  speaker: ActorId | null,
): string {
  if (attributions.length === 0) return 'The statement has no attributions.';
  const targets = new Set(attributions.map((a) => a.target)).size;
  const parts = actorOrder.map((actor) => {
    const own = attributions.filter((a) => a.actor === actor);
    const relations = codebook.relations
      .map((r) => ({ label: r.label, n: own.filter((a) => a.relation === r.id).length }))
      .filter((r) => r.n > 0)
      .map((r) => `${r.label} ${r.n}`);
    return `${actorLabel(codebook, actor, speaker)}: ${relations.join(', ')}.`;
  });
  return (
    `${attributions.length} attributions link ${actorOrder.length} actors to ${targets} ` +
    `things they are blamed for, asked to bear, exempted from or credited with. ${parts.join(' ')}`
  );
}
