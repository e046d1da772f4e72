import inlineDatasetText from '../../../data/dataset.json?raw';

let inlineDatasetUrl: string | null = null;

/**
 * Where the app finds its dataset.
 *
 * The served app fetches the JSON file the build emits next to it, so the dataset stays out of
 * the script bundle. The one-file build (`npm run build:single`, Vite mode `singlefile`) carries
 * the dataset inside the page as a string and hands the app an in-memory `blob:` URL to it: a
 * page opened from `file://` may not fetch files, and the app's one load path (fetch, parse,
 * `datasetProblem` checks) stays the same in both builds.
 *
 * `import.meta.env.MODE` is replaced at build time, so the served build drops the branch and,
 * with it, the string import (tree-shaken: its bundle does not grow by the dataset).
 */
export function datasetUrl(): string {
  if (import.meta.env.MODE === 'singlefile') {
    inlineDatasetUrl ??= URL.createObjectURL(
      new Blob([inlineDatasetText], { type: 'application/json' }),
    );
    return inlineDatasetUrl;
  }
  return new URL('../../../data/dataset.json', import.meta.url).href;
}

/** A dataset file on this site: path segments of letters, digits, "_", "-" and ".", none
 * starting with "." (so no ".." and no hidden files), ending in ".json". No scheme, no host,
 * no leading "/", no "//", no "%", "\", "?" or "#". */
export const DATASET_PATH = /^(?:[A-Za-z0-9_-][A-Za-z0-9._-]*\/)*[A-Za-z0-9_-][A-Za-z0-9._-]*\.json$/;

export type DatasetSource = { ok: true; url: string } | { ok: false; error: string };

/**
 * The dataset this page shows: the app's own, or another JSON file on the same site named by
 * `?data=<relative path>` (how the browser tests and the benchmark open a generated corpus,
 * which is never part of the build). The path is checked strictly and resolved against the
 * page; the Content-Security-Policy (`connect-src 'self'`) keeps any fetch on this origin too.
 */
export function datasetSource(
  search: string,
  base: string = typeof document === 'undefined' ? '' : document.baseURI,
): DatasetSource {
  const requested = new URLSearchParams(search).get('data');
  if (requested === null) return { ok: true, url: datasetUrl() };
  const shown = JSON.stringify(requested.length > 80 ? `${requested.slice(0, 79)}…` : requested);
  if (import.meta.env.MODE === 'singlefile') {
    return {
      ok: false,
      error: `This one-file page carries its own dataset and cannot open another (data=${shown}): remove the data parameter.`,
    };
  }
  let url: URL | null;
  try {
    url = DATASET_PATH.test(requested) ? new URL(requested, base) : null;
    if (url && url.origin !== new URL(base).origin) url = null;
  } catch {
    url = null;
  }
  if (!url) {
    return {
      ok: false,
      error:
        `The data parameter ${shown} is not a dataset file on this site: give a relative path ` +
        'to a .json file (letters, digits, "-", "_", "." and "/"; no "..", no "//", no scheme).',
    };
  }
  return { ok: true, url: url.href };
}
