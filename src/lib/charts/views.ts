import type { Component } from 'svelte';
import type { ChartId } from './registry.ts';
import type { ChartProps } from './types.ts';

type ChartModule = { default: Component<ChartProps> };

/** A view's code, asked for once: the app asks for it as it starts and the view again when it
 * mounts, and a second `import()` would settle only in a later task. */
function once(load: () => Promise<ChartModule>) {
  let loading: Promise<ChartModule> | undefined;
  return () => (loading ??= load());
}

/**
 * Each view's code, loaded when the view is first shown: an embedded view downloads only its
 * own chart (the theme overview alone brings Observable Plot).
 */
export const CHART_LOADERS: Record<ChartId, () => Promise<ChartModule>> = {
  'theme-overview': once(() => import('./theme-overview/ThemeOverview.svelte')),
  'topic-timeline': once(() => import('./timeline/TopicTimeline.svelte')),
  attribution: once(() => import('./attribution/AttributionDiagram.svelte')),
  cooccurrence: once(() => import('./cooccurrence/CoOccurrenceMatrix.svelte')),
  'process-timeline': once(() => import('./process/ProcessTimeline.svelte')),
  'outcome-map': once(() => import('./outcomes/OutcomeMap.svelte')),
};
