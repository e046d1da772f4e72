import { chartTitle, VIEWS, type ChartId, type EmbedName } from '../charts/registry.ts';
import { ALL_DOCUMENTS } from '../data/queries.ts';
import { queryWithSelection, selectionFromQuery } from '../state/url.ts';

/**
 * Embed mode, read from the `embed` query parameter: `?embed=timeline&theme=readmission` shows
 * one view without the app's chrome, `?embed=dashboard` the whole dashboard without it.
 */
export type EmbedMode =
  | { kind: 'none' }
  | { kind: 'view'; name: EmbedName; chart: ChartId; title: string }
  | { kind: 'dashboard'; name: 'dashboard'; title: string }
  | { kind: 'unknown'; name: string };

export const DASHBOARD_TITLE = "Russia's position on the Global Compact for Migration";
/** The title of a dashboard of another dataset (`?data=`): a corpus, or another statement. */
const DATASET_TITLE = 'Statements on the Global Compact for Migration';
export const dashboardTitle = (search: string) =>
  new URLSearchParams(search).has('data') ? DATASET_TITLE : DASHBOARD_TITLE;

/** Every name `?embed=` accepts, in the order the dashboard shows them. */
export const EMBED_NAMES: readonly EmbedName[] = [...VIEWS.map((v) => v.embed), 'dashboard'];

export function embedMode(query: string): EmbedMode {
  const name = new URLSearchParams(query).get('embed');
  if (name === null) return { kind: 'none' };
  if (name === 'dashboard') return { kind: 'dashboard', name, title: dashboardTitle(query) };
  const view = VIEWS.find((v) => v.embed === name);
  if (view) return { kind: 'view', name: view.embed, chart: view.chart, title: view.title };
  return { kind: 'unknown', name };
}

/** The embed name of a chart id (or of the whole dashboard). */
export function embedNameOf(chart: ChartId | 'dashboard'): EmbedName {
  return chart === 'dashboard' ? 'dashboard' : VIEWS.find((v) => v.chart === chart)!.embed;
}

/** What an embedded view is called at `search`: its chart's title (for all documents when
 * `doc=all`), or the dashboard's. */
export function viewTitle(name: EmbedName, search = ''): string {
  return name === 'dashboard'
    ? dashboardTitle(search)
    : chartTitle(
        VIEWS.find((v) => v.embed === name)!.chart,
        new URLSearchParams(search).get('doc') === ALL_DOCUMENTS,
      );
}

/**
 * Height the iframe starts at, before the embedded page reports its own: about what each view
 * needs in a 720 px column, so a frame the browser has not drawn yet (out of sight) is near.
 */
const INITIAL_HEIGHT: Record<EmbedName, number> = {
  themes: 730,
  timeline: 650,
  attribution: 1050,
  cooccurrence: 940,
  process: 560,
  outcomes: 900,
  dashboard: 5400,
};

/**
 * The absolute URL of an embedded view: this page's origin and path, `embed`, the dataset
 * file and document when the page names them (`data`, `doc`), and the selection read from
 * `currentQuery` (every other parameter is dropped).
 */
export function embedUrl(
  location: { origin: string; pathname: string; search: string },
  name: EmbedName,
): string {
  const current = new URLSearchParams(location.search);
  const kept = new URLSearchParams({ embed: name });
  for (const key of ['data', 'doc']) {
    const value = current.get(key);
    if (value !== null) kept.set(key, value);
  }
  const query = queryWithSelection(`?${kept}`, selectionFromQuery(location.search));
  return `${location.origin}${location.pathname}${query}`;
}

/** The URL of the host script, which the build copies next to the app's index.html. */
export function hostScriptUrl(location: { origin: string; pathname: string }): string {
  return new URL('embed-host.js', `${location.origin}${location.pathname}`).href;
}

/**
 * What the embedded page may do: run its scripts, open the full dashboard in a new window (as
 * an ordinary page) and save a chart's download. Never allow-same-origin: the page runs in an
 * opaque origin, so even a dashboard served from the host's own origin cannot reach the host
 * page, its cookies or its storage.
 */
export const SANDBOX = 'allow-scripts allow-popups allow-popups-to-escape-sandbox allow-downloads';

const attribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The iframe of the snippet alone, sandboxed without allow-same-origin (the embedded page runs
 * in an opaque origin): a page without the host script keeps its starting height.
 */
export function embedIframe(
  location: { origin: string; pathname: string; search: string },
  name: EmbedName,
): string {
  const dashboard = dashboardTitle(location.search);
  const title =
    name === 'dashboard' ? dashboard : `${viewTitle(name, location.search)} — ${dashboard}`;
  return (
    `<iframe data-gcm-embed src="${attribute(embedUrl(location, name))}"` +
    ` title="${attribute(title)}" width="100%" height="${INITIAL_HEIGHT[name]}"` +
    ` sandbox="${SANDBOX}" loading="lazy"></iframe>`
  );
}

/**
 * The HTML a briefing page pastes: the iframe (`embedIframe`) and the host script that sizes
 * it (and lets the views of one page load one at a time, the top one first). No inline style
 * or script, so it works under a host Content-Security-Policy without 'unsafe-inline'.
 */
export function embedSnippet(
  location: { origin: string; pathname: string; search: string },
  name: EmbedName,
): string {
  const script = `<script src="${attribute(hostScriptUrl(location))}"></script>`;
  return `${embedIframe(location, name)}\n${script}`;
}
