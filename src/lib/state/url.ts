import {
  ACTOR_IDS,
  RELATION_IDS,
  THEME_IDS,
  type ActorId,
  type RelationId,
  type ThemeId,
} from '../data/types.ts';
import { emptySelection, type Selection } from '../data/queries.ts';

/**
 * The selection <-> URL query string. Unknown or malformed values are dropped, so a
 * hand-edited or stale link opens the dashboard instead of breaking it.
 */

const isTheme = (v: string): v is ThemeId => (THEME_IDS as readonly string[]).includes(v);
const isActor = (v: string): v is ActorId => (ACTOR_IDS as readonly string[]).includes(v);
const isRelation = (v: string): v is RelationId => (RELATION_IDS as readonly string[]).includes(v);

export function selectionFromQuery(query: string): Selection {
  const params = new URLSearchParams(query);
  const themes = (params.get('theme') ?? '').split(',').filter(isTheme);
  const actor = params.get('actor') ?? '';
  const relation = params.get('relation') ?? '';
  const range = /^(\d+)-(\d+)$/.exec(params.get('range') ?? '');
  const sentence = params.get('sentence') ?? '';
  const uniqueThemes = [...new Set(themes)];
  return {
    themes: uniqueThemes,
    actor: isActor(actor) ? actor : null,
    relation: isRelation(relation) ? relation : null,
    range: range ? [Math.min(+range[1], +range[2]), Math.max(+range[1], +range[2])] : null,
    sentence: /^s\d+$/.test(sentence) ? sentence : null,
    // Only set when it changes anything, so a plain selection keeps its plain shape.
    ...(params.get('match') === 'all' && uniqueThemes.length > 1 ? { mode: 'all' as const } : {}),
  };
}

/** Writes the selection into `query`, keeping parameters that are not the selection's. */
export function queryWithSelection(query: string, selection: Selection): string {
  const params = new URLSearchParams(query);
  for (const key of ['theme', 'match', 'actor', 'relation', 'range', 'sentence'])
    params.delete(key);
  if (selection.themes.length) params.set('theme', selection.themes.join(','));
  if (selection.mode === 'all' && selection.themes.length > 1) params.set('match', 'all');
  if (selection.actor) params.set('actor', selection.actor);
  if (selection.relation) params.set('relation', selection.relation);
  if (selection.range) params.set('range', `${selection.range[0]}-${selection.range[1]}`);
  if (selection.sentence) params.set('sentence', selection.sentence);
  const text = params.toString().replace(/%2C/g, ',');
  return text ? `?${text}` : '';
}

export function sameSelection(a: Selection, b: Selection): boolean {
  return queryWithSelection('', a) === queryWithSelection('', b);
}

export { emptySelection };
