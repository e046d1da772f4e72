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
 * The selection <-> URL. The served app keeps it in the query string (`?theme=readmission`);
 * the one-file build, and any page opened from a file, keeps it in the hash
 * (`#theme=readmission&sentence=s12`), because a file: URL's query is awkward to share and some
 * mail clients strip it. Both use the same `key=value` form. Unknown or malformed values are
 * dropped, so a hand-edited or stale link opens the dashboard instead of breaking it.
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
    // `s12`, or `<document>.s12` in the merged view of several documents (corpus.ts).
    sentence: /^(?:[a-z0-9][a-z0-9_.-]*\.)?s\d+$/.test(sentence) ? sentence : null,
    // Only set when it changes anything, so a plain selection keeps its plain shape.
    ...(params.get('match') === 'all' && uniqueThemes.length > 1 ? { mode: 'all' as const } : {}),
    ...objectiveFromParams(params),
  };
}

/** `objective=21&sentences=s11,s12`: an outcome map pick; the objective alone means nothing. */
function objectiveFromParams(params: URLSearchParams): Pick<Selection, 'objective' | 'sentences'> {
  const sentences = [
    ...new Set(
      (params.get('sentences') ?? '')
        .split(',')
        .filter((id) => /^(?:[a-z0-9][a-z0-9_.-]*\.)?s\d+$/.test(id)),
    ),
  ];
  if (!sentences.length) return {};
  const objective = params.get('objective') ?? '';
  return { ...(/^(?:\d+|[a-z][a-z0-9_]*)$/.test(objective) ? { objective } : {}), sentences };
}

/**
 * Writes the selection into `query`, keeping parameters that are not the selection's. `doc`
 * (an id, `all`, or null for none) also writes the document; left out, `doc=` stays as it is.
 */
export function queryWithSelection(
  query: string,
  selection: Selection,
  doc?: string | null,
): string {
  const params = new URLSearchParams(query);
  for (const key of ['theme', 'match', 'actor', 'relation', 'range', 'sentence'])
    params.delete(key);
  params.delete('objective');
  params.delete('sentences');
  if (doc !== undefined) {
    params.delete('doc');
    if (doc) params.set('doc', doc);
  }
  if (selection.themes.length) params.set('theme', selection.themes.join(','));
  if (selection.mode === 'all' && selection.themes.length > 1) params.set('match', 'all');
  if (selection.actor) params.set('actor', selection.actor);
  if (selection.relation) params.set('relation', selection.relation);
  if (selection.range) params.set('range', `${selection.range[0]}-${selection.range[1]}`);
  if (selection.sentence) params.set('sentence', selection.sentence);
  if (selection.sentences?.length) {
    if (selection.objective) params.set('objective', selection.objective);
    params.set('sentences', selection.sentences.join(','));
  }
  const text = params.toString().replace(/%2C/g, ',');
  return text ? `?${text}` : '';
}

export type UrlMode = 'query' | 'hash';

/** The mode of the one-file build (`vite.singlefile.config.ts` sets it). */
export const SINGLE_FILE_MODE = 'singlefile';

/** Where the selection lives for a page with this protocol (`location.protocol`). */
export function urlMode(protocol: string, buildMode: string = import.meta.env.MODE): UrlMode {
  return buildMode === SINGLE_FILE_MODE || protocol === 'file:' ? 'hash' : 'query';
}

/** A hash of `key=value` parameters, as opposed to none or an in-page anchor (`#reader-title`). */
const isParameterHash = (hash: string) => hash.includes('=');

export function selectionFromHash(hash: string): Selection {
  return selectionFromQuery(isParameterHash(hash) ? hash.replace(/^#/, '') : '');
}

/** Writes the selection into `hash`, keeping its parameters that are not the selection's; an
 * in-page anchor gives way to the selection. */
export function hashWithSelection(hash: string, selection: Selection): string {
  const params = isParameterHash(hash) ? hash.replace(/^#/, '') : '';
  return queryWithSelection(params, selection).replace(/^\?/, '#');
}

type Place = Pick<Location, 'pathname' | 'search' | 'hash'>;

/**
 * The selection `place` shows, or null when it says nothing about it: in hash mode an in-page
 * anchor (the skip link's `#reader-title`) keeps the current selection. A file opened without a
 * hash still honours a hand-written `?theme=…`.
 */
export function selectionFromLocation(place: Place, mode: UrlMode): Selection | null {
  if (mode === 'query') return selectionFromQuery(place.search);
  if (isParameterHash(place.hash)) return selectionFromHash(place.hash);
  if (place.hash.length > 1) return null;
  return selectionFromQuery(place.search);
}

/**
 * The document `place` names (`doc=`, next to the selection): an id or `all`, null when it
 * names none, undefined when it says nothing about it (an in-page anchor in hash mode).
 */
export function documentFromLocation(place: Place, mode: UrlMode): string | null | undefined {
  const inHash = mode === 'hash' && isParameterHash(place.hash);
  if (mode === 'hash' && !inHash && place.hash.length > 1) return undefined;
  const params = new URLSearchParams(inHash ? place.hash.replace(/^#/, '') : place.search);
  return params.get('doc') || null;
}

/**
 * The URL (path, query and hash) of `place` showing `selection` instead; with `doc`, showing
 * that document too (see queryWithSelection).
 */
export function locationWithSelection(
  place: Place,
  selection: Selection,
  mode: UrlMode,
  doc?: string | null,
): string {
  if (mode === 'query') {
    return `${place.pathname}${queryWithSelection(place.search, selection, doc)}${place.hash}`;
  }
  // One place for the selection and the document: the query string's give way to the hash.
  const hash = isParameterHash(place.hash) ? place.hash.replace(/^#/, '') : '';
  const carried =
    doc !== undefined || new URLSearchParams(hash).has('doc')
      ? doc
      : new URLSearchParams(place.search).get('doc') || undefined;
  const query = queryWithSelection(place.search, emptySelection, null);
  return `${place.pathname}${query}${queryWithSelection(hash, selection, carried).replace(/^\?/, '#')}`;
}

export function sameSelection(a: Selection, b: Selection): boolean {
  return queryWithSelection('', a) === queryWithSelection('', b);
}

export { emptySelection };
