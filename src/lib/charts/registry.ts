/** The dashboard's views: the chart ids their frames carry, and their names in embed URLs. */
export const VIEWS = [
  { chart: 'theme-overview', embed: 'themes', title: 'What the statement is about' },
  { chart: 'topic-timeline', embed: 'timeline', title: 'Where each theme sits in the text' },
  {
    chart: 'attribution',
    embed: 'attribution',
    title: 'Who is blamed, who must bear responsibility, who is exempted',
  },
  { chart: 'cooccurrence', embed: 'cooccurrence', title: 'Which themes share sentences' },
  {
    chart: 'process-timeline',
    embed: 'process',
    title: 'When the statement came: the GCM process',
  },
  { chart: 'outcome-map', embed: 'outcomes', title: 'What the compact made of each demand' },
] as const;

export type ChartId = (typeof VIEWS)[number]['chart'];
export type EmbedName = (typeof VIEWS)[number]['embed'] | 'dashboard';
