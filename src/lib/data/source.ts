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
