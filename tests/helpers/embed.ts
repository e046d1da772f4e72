import type { EmbedName } from '../../src/lib/charts/registry.ts';
import { embedSnippet } from '../../src/lib/embed/mode.ts';

/** The snippet of `view` as the Embed dialog writes it on the dashboard page at `location`
 * (the iframe, then the host script), its iframe given the id `id`. */
export const snippetWithId = (
  location: Parameters<typeof embedSnippet>[0],
  view: EmbedName,
  id: string,
): string => embedSnippet(location, view).replace('<iframe ', `<iframe id="${id}" `);
