import { render } from 'svelte/server';
import { chartProps } from './compose.ts';
import { MARKUP_CHARTS, type MarkupChart } from './components.ts';
import type { ExportInput } from './types.ts';

/**
 * Server side of the export (loaded by Vite's SSR module loader in `node.ts`): the same chart
 * components the app mounts, rendered to HTML with `svelte/server`. The Plot chart needs no
 * component: `compose.ts` draws it into any document.
 */

export function chartMarkup(input: ExportInput & { chart: MarkupChart }): string {
  return render(MARKUP_CHARTS[input.chart], { props: chartProps(input) }).body;
}
