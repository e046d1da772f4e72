import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Component } from 'svelte';
import ThemeOverview from '../../src/lib/charts/theme-overview/ThemeOverview.svelte';
import TopicTimeline from '../../src/lib/charts/timeline/TopicTimeline.svelte';
import AttributionDiagram from '../../src/lib/charts/attribution/AttributionDiagram.svelte';
import CoOccurrenceMatrix from '../../src/lib/charts/cooccurrence/CoOccurrenceMatrix.svelte';
import ProcessTimeline from '../../src/lib/charts/process/ProcessTimeline.svelte';
import OutcomeMap from '../../src/lib/charts/outcomes/OutcomeMap.svelte';
import type { ChartProps } from '../../src/lib/charts/types.ts';
import type { ChartId } from '../../src/lib/charts/registry.ts';
import { exportFile } from '../../src/lib/export/browser.ts';
import { emptySelection, selectedSentences, type Selection } from '../../src/lib/data/queries.ts';
import { SNAPSHOT_CASES, normaliseSvg, readSnapshot } from '../svg/snapshot.ts';
import { codebook, doc } from '../helpers/dataset.ts';
import { contextData, contextLoad } from '../helpers/context.ts';

/**
 * The app's side of the export, in jsdom: Svelte mounts the chart components (the browser's
 * code path) and the files must equal the snapshots that Node wrote by server-side rendering
 * (the `npm run export` path). jsdom also loads Plot with the 0.5 px offset of a 1x screen,
 * which plain Node does not, so the theme overview checks that the offset is taken out.
 */

describe('browser export = Node export', () => {
  it.each(SNAPSHOT_CASES.map((c) => [c.name, c] as const))(
    '%s: the file drawn in the browser equals the snapshot drawn in Node',
    (name, c) => {
      expect(normaliseSvg(exportFile(c.input).svg)).toBe(readSnapshot(name));
    },
  );
});

const CHARTS: [ChartId, Component<ChartProps>][] = [
  ['theme-overview', ThemeOverview],
  ['topic-timeline', TopicTimeline],
  ['attribution', AttributionDiagram],
  ['cooccurrence', CoOccurrenceMatrix],
  ['process-timeline', ProcessTimeline],
  ['outcome-map', OutcomeMap],
];
/** The views that also draw the GCM context and the outcome map. */
const withContext = (id: ChartId) => id === 'process-timeline' || id === 'outcome-map';

function props(selection: Selection = { ...emptySelection }): ChartProps {
  return {
    doc,
    codebook,
    scheme: 'light',
    selection,
    highlight: selectedSentences(doc, selection),
    onselect: vi.fn(),
    onhover: vi.fn(),
    context: contextLoad,
  };
}

describe('download buttons', () => {
  let saved: { name: string; blob: Blob }[];
  let blobs: Map<string, Blob>;

  beforeEach(() => {
    saved = [];
    blobs = new Map();
    let n = 0;
    URL.createObjectURL = vi.fn((blob: Blob) => {
      const url = `blob:test/${++n}`;
      blobs.set(url, blob);
      return url;
    });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push({ name: this.download, blob: blobs.get(this.href)! });
    });
  });

  afterEach(() => vi.restoreAllMocks());

  it.each(CHARTS)('%s: the header holds Download SVG, Download PNG and Embed', (id, chart) => {
    const { container } = render(chart, { props: props() });
    const frame = container.querySelector(`figure[data-chart="${id}"]`) as HTMLElement;
    const actions = within(frame).getByTestId('chart-actions');
    expect(within(actions).getByRole('button', { name: /^Download SVG/ })).toBeVisible();
    expect(within(actions).getByRole('button', { name: /^Download PNG/ })).toBeVisible();
    expect(actions.querySelector('[data-embed-button], [data-embed-placeholder]')).not.toBeNull();
    // The buttons sit in the header, before the chart.
    const svgButton = within(actions).getByRole('button', { name: /^Download SVG/ });
    const body = frame.querySelector('.chart-body')!;
    expect(svgButton.compareDocumentPosition(body) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it.each(CHARTS)(
    '%s: Download SVG saves the chart as drawn, with the selection, under a telling name',
    async (id, chart) => {
      const selection: Selection = { ...emptySelection, themes: ['readmission'] };
      render(chart, { props: props(selection) });
      await fireEvent.click(screen.getByRole('button', { name: /^Download SVG/ }));
      await vi.waitFor(() => expect(saved).toHaveLength(1), { timeout: 4000 });
      expect(saved[0].name).toBe(`gcm-position-${id}-readmission.svg`);
      expect(saved[0].blob.type).toMatch(/^image\/svg\+xml/);
      // jsdom measures nothing, so the chart is drawn at its fallback width of 640 px.
      const expected = exportFile({
        chart: id,
        doc,
        codebook,
        scheme: 'light',
        selection,
        width: 640,
        ...(withContext(id) ? { context: contextData } : {}),
      });
      expect(await saved[0].blob.text()).toBe(expected.svg);
      expect(expected.svg).toContain('Selected: Readmission &amp; return');
    },
  );

  it('theme overview: the file follows the bar length the analyst chose', async () => {
    render(ThemeOverview, { props: props() });
    await fireEvent.click(screen.getByRole('button', { name: 'Share of words' }));
    await fireEvent.click(screen.getByRole('button', { name: /^Download SVG/ }));
    await vi.waitFor(() => expect(saved).toHaveLength(1), { timeout: 4000 });
    const text = await saved[0].blob.text();
    expect(text).toContain('Share of the statement');
    expect(text).toBe(
      exportFile({
        chart: 'theme-overview',
        doc,
        codebook,
        scheme: 'light',
        selection: { ...emptySelection },
        width: 640,
        measure: 'words',
      }).svg,
    );
  });

  it('says so in the frame when a file cannot be made', async () => {
    // jsdom cannot draw an SVG on a canvas: the PNG fails, and the frame says why.
    const failing = vi
      .spyOn(HTMLCanvasElement.prototype, 'getContext')
      .mockImplementation(() => null);
    const image = vi.spyOn(window, 'Image').mockImplementation(function () {
      const img = document.createElement('img');
      queueMicrotask(() => img.onload?.(new Event('load')));
      return img;
    } as unknown as () => HTMLImageElement);
    render(TopicTimeline, { props: props() });
    await fireEvent.click(screen.getByRole('button', { name: /^Download PNG/ }));
    await vi.waitFor(
      () => expect(screen.getByRole('alert')).toHaveTextContent(/PNG file could not be made/),
      {
        timeout: 4000,
      },
    );
    expect(saved).toHaveLength(0);
    failing.mockRestore();
    image.mockRestore();
  });
});
