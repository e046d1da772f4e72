import { render, screen } from '@testing-library/svelte';
import { flushSync, type Component } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import AttributionDiagram from '../../src/lib/charts/attribution/AttributionDiagram.svelte';
import { attributionLayout } from '../../src/lib/charts/attribution/layout.ts';
import CoOccurrenceMatrix from '../../src/lib/charts/cooccurrence/CoOccurrenceMatrix.svelte';
import { matrixLayout } from '../../src/lib/charts/cooccurrence/layout.ts';
import ThemeOverview from '../../src/lib/charts/theme-overview/ThemeOverview.svelte';
import { themeOverviewBase } from '../../src/lib/charts/theme-overview/options.ts';
import TopicTimeline from '../../src/lib/charts/timeline/TopicTimeline.svelte';
import { timelineLayout } from '../../src/lib/charts/timeline/layout.ts';
import { byDocument } from '../../src/lib/charts/timeline/by-document.ts';
import { measuring } from '../../src/lib/charts/box-width.ts';
import type { ChartProps } from '../../src/lib/charts/types.ts';
import { codebook, doc } from '../helpers/dataset.ts';
import { mergedCorpus, restingChartProps } from '../helpers/corpus.ts';
import { stubClientWidth } from '../helpers/dom.ts';

// Each chart's layout function, watched: the real one runs, its calls are recorded.
const { watching } = vi.hoisted(() => ({
  watching:
    (name: string) =>
    async (real: () => Promise<Record<string, unknown>>): Promise<Record<string, unknown>> => {
      const module = await real();
      return { ...module, [name]: vi.fn(module[name] as (...args: unknown[]) => unknown) };
    },
}));
vi.mock('../../src/lib/charts/timeline/layout.ts', watching('timelineLayout'));
vi.mock('../../src/lib/charts/attribution/layout.ts', watching('attributionLayout'));
vi.mock('../../src/lib/charts/cooccurrence/layout.ts', watching('matrixLayout'));
vi.mock('../../src/lib/charts/theme-overview/options.ts', watching('themeOverviewBase'));

/** The width of every box once measured: not the charts' fallback (640). */
const BOX = 705;

/** The width each call of a chart's layout function was for. */
const widths: Record<string, () => number[]> = {
  timeline: () => (timelineLayout as Mock).mock.calls.map((call) => call[2] as number),
  attribution: () => (attributionLayout as Mock).mock.calls.map((call) => call[2] as number),
  matrix: () => (matrixLayout as Mock).mock.calls.map((call) => call[0].width as number),
  themes: () => (themeOverviewBase as Mock).mock.calls.map((call) => call[0].width as number),
};

/** Each chart, and the box it measures (where it draws). */
const charts: [string, Component<ChartProps>, string][] = [
  ['timeline', TopicTimeline as unknown as Component<ChartProps>, '[data-testid="topic-timeline"]'],
  ['attribution', AttributionDiagram as unknown as Component<ChartProps>, '.attribution'],
  [
    'matrix',
    CoOccurrenceMatrix as unknown as Component<ChartProps>,
    '[data-testid="cooccurrence"]',
  ],
  ['themes', ThemeOverview as unknown as Component<ChartProps>, '[data-testid="theme-overview"]'],
];

// The page measures the boxes mounted in one update once that update is done; here the
// measurement waits until the test lets it run, as a page's waits for its layout.
let measureBoxes: (() => void) | null = null;
const soon = measuring.soon;
let unstub: () => void = () => {};
beforeEach(() => {
  vi.clearAllMocks();
  measuring.soon = (measure) => void (measureBoxes = measure);
});
afterEach(() => {
  measuring.soon = soon;
  measureBoxes = null;
  unstub();
});

/** Generated once, for the four charts. */
let corpus: ReturnType<typeof mergedCorpus> | undefined;

describe('A chart before its box is measured', () => {
  describe.each([
    ['the statement', () => ({ doc, codebook, byDocument: undefined })],
    [
      'a corpus of 10 statements, merged',
      () => {
        corpus ??= mergedCorpus();
        return { doc: corpus.merged, codebook: corpus.codebook, byDocument };
      },
    ],
  ])('%s', (_, data) => {
    it.each(charts)(
      'the %s works out its layout once, at the width of its box, and not before',
      (name, chart, boxSelector) => {
        const { doc, codebook, byDocument } = data();
        const ondrawn = vi.fn();
        const { container } = render(chart, {
          props: restingChartProps(doc, codebook, { ondrawn, byDocument }),
        });
        // Mounted: its frame (title, description, source) is there, nothing is drawn in its box.
        expect(screen.getByRole('heading', { level: 2 })).toBeVisible();
        const box = container.querySelector(boxSelector)!;
        expect(box.querySelectorAll('svg').length).toBe(0);
        expect(widths[name]()).toEqual([]);
        expect(ondrawn).not.toHaveBeenCalled();

        unstub = stubClientWidth(BOX);
        measureBoxes?.();
        flushSync();
        expect(widths[name]()).toEqual([BOX]);
        expect(box.querySelectorAll('svg').length).toBeGreaterThan(0);
        expect(ondrawn).toHaveBeenCalledTimes(1);
      },
    );
  });
});
