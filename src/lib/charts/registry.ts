/**
 * The dashboard's views: the chart ids their frames carry, their names in embed URLs, and their
 * part: the statement's views draw as the page loads; the GCM context views sit below them and
 * load as they come near the screen.
 */
export const VIEWS = [
  {
    chart: 'theme-overview',
    embed: 'themes',
    title: 'What the statement is about',
    part: 'statement',
  },
  {
    chart: 'topic-timeline',
    embed: 'timeline',
    title: 'Where each theme sits in the text',
    part: 'statement',
  },
  {
    chart: 'attribution',
    embed: 'attribution',
    title: 'Who is blamed, who must bear responsibility, who is exempted',
    part: 'statement',
  },
  {
    chart: 'cooccurrence',
    embed: 'cooccurrence',
    title: 'Which themes share sentences',
    part: 'statement',
  },
  {
    chart: 'process-timeline',
    embed: 'process',
    title: 'When the statement came: the GCM process',
    part: 'context',
  },
  {
    chart: 'outcome-map',
    embed: 'outcomes',
    title: 'What the compact made of each demand',
    part: 'context',
  },
] as const;

export type ChartId = (typeof VIEWS)[number]['chart'];
export type EmbedName = (typeof VIEWS)[number]['embed'] | 'dashboard';

/** Titles that speak of statements when a chart shows several at once. */
const MERGED_TITLES: Partial<Record<ChartId, string>> = {
  'theme-overview': 'What the statements are about',
  'process-timeline': 'When the statements came: the GCM process',
};

/** A chart's title, in the plural where it shows several statements at once. */
export function chartTitle(chart: ChartId, merged = false): string {
  return (merged && MERGED_TITLES[chart]) || VIEWS.find((v) => v.chart === chart)!.title;
}
