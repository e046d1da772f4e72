import type { Component } from 'svelte';
import type { ChartId } from './registry.ts';
import type { ChartProps } from './types.ts';

type ChartModule = { default: Component<ChartProps> };

/**
 * Each view's code, loaded when the view is first shown: an embedded view downloads only its
 * own chart (the theme overview alone brings Observable Plot).
 */
export const CHART_LOADERS: Record<ChartId, () => Promise<ChartModule>> = {
  'theme-overview': () => import('./theme-overview/ThemeOverview.svelte'),
  'topic-timeline': () => import('./timeline/TopicTimeline.svelte'),
  attribution: () => import('./attribution/AttributionDiagram.svelte'),
  cooccurrence: () => import('./cooccurrence/CoOccurrenceMatrix.svelte'),
  'process-timeline': () => import('./process/ProcessTimeline.svelte'),
  'outcome-map': () => import('./outcomes/OutcomeMap.svelte'),
};
