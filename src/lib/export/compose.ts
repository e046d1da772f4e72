import * as Plot from '@observablehq/plot';
import { attributionLayout, attributionLegend } from '../charts/attribution/layout.ts';
// An export at any width: the stacked layout of a narrow attribution diagram, registered.
import '../charts/attribution/stacked.ts';
import { describeAttributions } from '../charts/attribution/labels.ts';
import { matrixLayout, matrixLegend, matrixSummary } from '../charts/cooccurrence/layout.ts';
import { fontFamily, palettes } from '../charts/palette.ts';
import { chartTitle } from '../charts/registry.ts';
import {
  finishSvg,
  optionsFromLayout,
  themeOverviewLayout,
  themeOverviewLegend,
  themeOverviewSummary,
} from '../charts/theme-overview/options.ts';
import { timelineLayout, timelineLegend, timelineSummary } from '../charts/timeline/layout.ts';
import type { ChartProps, LegendSpec } from '../charts/types.ts';
import {
  PROCESS_SOURCE,
  processLayout,
  processLegend,
  processSummary,
} from '../charts/process/layout.ts';
import {
  OUTCOME_SOURCE,
  outcomeLayout,
  outcomeLegend,
  outcomeSummary,
} from '../charts/outcomes/layout.ts';
import {
  describeSelection,
  isEmpty,
  isMerged,
  selectedSentences,
  sourceLine,
  type Selection,
} from '../data/queries.ts';
import type { Codebook, StatementDocument } from '../data/types.ts';
import { standaloneFile, type StandaloneFile } from './standalone.ts';
import type { ExportFormat, ExportInput } from './types.ts';

/**
 * What an exported chart says around the chart itself (title, subtitle, legend, <desc>,
 * source) and its file name. Shared by the app's download buttons and `npm run export`, so
 * both write the same file for the same state.
 */

/** "Selected: Readmission & return: 3 of 34 sentences", or "No selection". */
export function selectionSubtitle(
  doc: StatementDocument,
  codebook: Codebook,
  selection: Selection,
): string {
  if (isEmpty(selection)) return 'No selection';
  const hits = selectedSentences(doc, selection)?.size ?? 0;
  return `Selected: ${describeSelection(doc, codebook, selection)}: ${hits} of ${doc.sentences.length} sentences`;
}

/** The props a chart component is drawn with for export: no interaction, a fixed width. */
export function chartProps(input: ExportInput): ChartProps {
  return {
    doc: input.doc,
    codebook: input.codebook,
    scheme: input.scheme,
    selection: input.selection,
    highlight: selectedSentences(input.doc, input.selection),
    width: input.width,
    onselect: () => {},
    onhover: () => {},
    byDocument: input.byDocument,
    ...(input.context ? { context: { ok: true as const, ...input.context } } : {}),
  };
}

/** The GCM context and outcome map an export of the process timeline or outcome map needs. */
function contextOf(input: ExportInput) {
  if (!input.context) throw new Error(`the ${input.chart} chart needs the GCM context`);
  return input.context;
}

/** The source line of the file: the statement's, and the context files for the two views. */
export function chartSource(input: ExportInput): string {
  const base = sourceLine(input.doc, input.codebook);
  if (input.chart === 'process-timeline') return `${base} ${PROCESS_SOURCE}`;
  if (input.chart === 'outcome-map') return `${base} ${OUTCOME_SOURCE}`;
  return base;
}

function themeOverviewModel(input: ExportInput) {
  return themeOverviewLayout({
    doc: input.doc,
    codebook: input.codebook,
    measure: input.measure ?? 'sentences',
    highlightThemes: input.selection.themes,
    highlight: selectedSentences(input.doc, input.selection),
    width: input.width,
  });
}

/**
 * The theme overview's chart, drawn by Plot into `document` (the page's, or a jsdom one in
 * Node) exactly as the component draws it, with explicit font attributes instead of the
 * inline style an exported file leaves out.
 */
export function themeOverviewSvg(input: ExportInput, document: Document): SVGSVGElement {
  const palette = palettes[input.scheme];
  const layout = themeOverviewModel(input);
  const svg = Plot.plot(
    optionsFromLayout(layout, input.codebook, palette, document),
  ) as SVGSVGElement;
  finishSvg(svg, {
    title: chartTitle('theme-overview', isMerged(input.doc)),
    description: themeOverviewSummary(layout, input.codebook),
    palette,
  });
  svg.setAttribute('font-family', fontFamily);
  svg.setAttribute('font-size', String(layout.fontSize));
  removePlotOffset(svg);
  return svg;
}

/**
 * How Plot's half-pixel "crisp edges" offset moves each of the theme overview's marks, by the
 * mark's aria-label: [x, y] in units of the offset.
 */
const OFFSET_SHIFT: Record<string, [number, number]> = {
  'x-grid': [1, 0],
  'x-axis tick': [1, 0],
  'x-axis tick label': [1, 1],
  'x-axis label': [1, 1],
  'y-axis tick': [0, 1],
  'y-axis tick label': [1, 1],
  text: [1, 1],
};

/**
 * Plot fixes that offset when it loads: 0.5 px on a 1x screen (and in jsdom), 0 on a high-DPI
 * screen and in plain Node. A file must not depend on the screen it was made on, so the
 * offset is taken out again (it is read off the grid, whose rules carry exactly it).
 */
export function removePlotOffset(svg: Element): void {
  const marks = [...svg.children].filter((el) => el.localName === 'g');
  const translate = (el: Element) => {
    const m = /^translate\(([-\d.e]+),([-\d.e]+)\)$/.exec(el.getAttribute('transform') ?? '');
    return m ? [Number(m[1]), Number(m[2])] : el.hasAttribute('transform') ? null : [0, 0];
  };
  const grid = marks.find((g) => g.getAttribute('aria-label') === 'x-grid');
  const offset = grid ? (translate(grid)?.[0] ?? 0) : 0;
  if (!offset) return;
  for (const mark of marks) {
    const shift = OFFSET_SHIFT[mark.getAttribute('aria-label') ?? ''];
    const at = translate(mark);
    if (!shift || !at) continue;
    const x = at[0] - shift[0] * offset;
    const y = at[1] - shift[1] * offset;
    if (x || y) mark.setAttribute('transform', `translate(${x},${y})`);
    else mark.removeAttribute('transform');
  }
}

/** The chart's legend entries and its one-paragraph summary (largest values included). */
export function chartLegendAndSummary(input: ExportInput): {
  legend: LegendSpec;
  summary: string;
} {
  const { doc, codebook, scheme, width } = input;
  const palette = palettes[scheme];
  const faded = !isEmpty(input.selection);
  switch (input.chart) {
    case 'theme-overview': {
      const layout = themeOverviewModel(input);
      return {
        legend: themeOverviewLegend(layout, codebook, palette),
        summary: themeOverviewSummary(layout, codebook),
      };
    }
    case 'topic-timeline': {
      const layout = timelineLayout(doc, codebook, width, input.byDocument);
      return {
        legend: timelineLegend(codebook, palette, faded, layout.byDocument?.legend),
        summary: timelineSummary(doc, codebook, layout),
      };
    }
    case 'attribution': {
      const layout = attributionLayout(doc, codebook, width, scheme);
      return {
        legend: attributionLegend(layout, palette, faded),
        summary: describeAttributions(
          codebook,
          doc.attributions,
          layout.actors.map((a) => a.id),
          doc.speaker.actor,
        ),
      };
    }
    case 'cooccurrence': {
      const layout = matrixLayout({ doc, codebook, scheme, width });
      return { legend: matrixLegend(layout), summary: matrixSummary(doc, layout) };
    }
    case 'process-timeline': {
      const { context } = contextOf(input);
      const layout = processLayout(doc, context, width);
      const kinds = [...new Set(layout.events.map((e) => e.event.kind))];
      return {
        legend: processLegend(kinds, palette, layout.window !== null, faded, layout.merged),
        summary: processSummary(context, layout),
      };
    }
    case 'outcome-map': {
      const { context, outcomes } = contextOf(input);
      const layout = outcomeLayout(doc, context, outcomes, width);
      return {
        legend: outcomeLegend(outcomes, palette, faded),
        summary: outcomeSummary(doc, outcomes, layout),
      };
    }
  }
}

/** The file: the chart's root <svg> (from any document) framed with its words. */
export function composeExport(
  input: ExportInput,
  chart: Element,
  document: Document,
): StandaloneFile {
  const { legend, summary } = chartLegendAndSummary(input);
  const subtitle = selectionSubtitle(input.doc, input.codebook, input.selection);
  const description = isEmpty(input.selection) ? summary : `${summary} ${subtitle}.`;
  return standaloneFile(
    {
      title: chartTitle(input.chart, isMerged(input.doc)),
      subtitle,
      description,
      legend,
      source: chartSource(input),
      scheme: input.scheme,
      chart,
      width: input.width,
    },
    document,
  );
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** `gcm-position-theme-overview-readmission.svg`: chart, selection, scheme (when dark). */
export function exportFileName(
  input: Pick<ExportInput, 'chart' | 'selection' | 'scheme'>,
  format: ExportFormat | 'csv',
): string {
  const s = input.selection;
  const parts: string[] = ['gcm-position', input.chart];
  if (s.themes.length) parts.push(s.themes.join(s.mode === 'all' ? '-and-' : '-'));
  if (s.actor) parts.push(`actor-${s.actor}`);
  if (s.relation) parts.push(s.relation);
  if (s.range) parts.push(`sentences-${s.range[0]}-${s.range[1]}`);
  if (s.sentence) parts.push(s.sentence);
  if (s.objective) parts.push(`objective-${s.objective}`);
  else if (s.sentences?.length) parts.push(`sentences-${s.sentences.join('-')}`);
  if (input.scheme === 'dark') parts.push('dark');
  return `${parts.map(slug).join('-')}.${format}`;
}
