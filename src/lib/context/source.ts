import inlineContextText from '../../../data/gcm-context.json?raw';
import inlineOutcomesText from '../../../data/gcm-outcomes.json?raw';

let inlineUrls: { context: string; outcomes: string } | null = null;

/**
 * Where the app finds the GCM context and the outcome map: like the dataset (see
 * `src/lib/data/source.ts`), files the build emits next to the app and fetched at run time,
 * or, in the one-file build, strings inside the page handed over as in-memory `blob:` URLs.
 */
export function contextUrls(): { context: string; outcomes: string } {
  if (import.meta.env.MODE === 'singlefile') {
    const blob = (text: string) =>
      URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    inlineUrls ??= { context: blob(inlineContextText), outcomes: blob(inlineOutcomesText) };
    return inlineUrls;
  }
  return {
    context: new URL('../../../data/gcm-context.json', import.meta.url).href,
    outcomes: new URL('../../../data/gcm-outcomes.json', import.meta.url).href,
  };
}
