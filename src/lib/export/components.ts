import type { Component } from 'svelte';
import AttributionDiagram from '../charts/attribution/AttributionDiagram.svelte';
import CoOccurrenceMatrix from '../charts/cooccurrence/CoOccurrenceMatrix.svelte';
import TopicTimeline from '../charts/timeline/TopicTimeline.svelte';
import ProcessTimeline from '../charts/process/ProcessTimeline.svelte';
import OutcomeMap from '../charts/outcomes/OutcomeMap.svelte';
import type { ChartId } from '../charts/registry.ts';
import type { ChartProps } from '../charts/types.ts';

/**
 * The charts drawn in Svelte markup, by id: the app mounts them off-screen to export, Node
 * renders the same components on the server. (The theme overview is drawn by Plot directly.)
 */
export type MarkupChart = Exclude<ChartId, 'theme-overview'>;

export const MARKUP_CHARTS: Record<MarkupChart, Component<ChartProps>> = {
  'topic-timeline': TopicTimeline,
  attribution: AttributionDiagram,
  cooccurrence: CoOccurrenceMatrix,
  'process-timeline': ProcessTimeline,
  'outcome-map': OutcomeMap,
};
