import { describe, expect, it } from 'vitest';
import { palettes } from '../../src/lib/charts/palette.ts';
import { moveInRows } from '../../src/lib/charts/focus.ts';
import {
  estimateWidth,
  processLayout,
  processLegend,
  processSummary,
  processSummaryLine,
  shortLabel,
} from '../../src/lib/charts/process/layout.ts';
import { mergeDocuments } from '../../src/lib/data/corpus.ts';
import { corpusFromSeeds } from '../../src/pipeline/io.ts';
import { projectRoot } from './support.ts';
import { NONE, outcomeLayout, outcomeLegend } from '../../src/lib/charts/outcomes/layout.ts';
import { formatMonths, formatSpan } from '../../src/lib/context/queries.ts';
import {
  chartLegendAndSummary,
  chartSource,
  exportFileName,
} from '../../src/lib/export/compose.ts';
import { emptySelection } from '../../src/lib/data/queries.ts';
import { codebook, doc } from '../helpers/dataset.ts';
import { contextData, gcmContext as context, outcomeMap as map } from '../helpers/context.ts';

describe('process timeline layout', () => {
  it('counts the dates of many statements instead of naming each, and labels only the dates that fit', () => {
    const corpus = corpusFromSeeds(projectRoot, { statements: 100, seed: 3 });
    const merged = mergeDocuments(corpus.documents);
    const l = processLayout(merged, context, 800);
    const dates = new Set(l.references.map((r) => r.date));
    expect(dates.size).toBeGreaterThan(20);
    expect(l.lanes.at(-1)!.label).toBe('The statements');
    const line = processSummaryLine(context, l);
    const sentences = new Set(l.references.map((r) => r.sentence)).size;
    expect(line).toContain(
      `The statements cite ${dates.size} dates in ${sentences} sentences, from `,
    );
    expect(line).toContain('When they were submitted is not verified.');
    expect(line.length).toBeLessThan(300);
    const desc = processSummary(context, l);
    expect(desc).toContain(`The statements cite ${dates.size} dates in ${sentences} sentences`);
    expect(desc.length).toBeLessThan(800);
    // No label runs into the next one or past the edge: the ones that would are left out (with
    // a hundred statements, every one; with these three, one of their three dates).
    for (const [statements, seed, shown] of [
      [100, 3, 0],
      [3, 1, 2],
    ]) {
      const few = corpusFromSeeds(projectRoot, { statements, seed });
      const layout = processLayout(mergeDocuments(few.documents), context, 800);
      const labels = [...layout.referenceLabels].sort((a, b) => a.x - b.x);
      expect(new Set(layout.references.map((r) => r.date)).size).toBeGreaterThan(labels.length);
      expect(labels).toHaveLength(shown);
      for (const [i, label] of labels.entries()) {
        expect(label.x + estimateWidth(label.text, 10.5)).toBeLessThanOrEqual(layout.width);
        const before = labels[i - 1];
        if (before) expect(label.x).toBeGreaterThan(before.x + estimateWidth(before.text, 10.5));
      }
    }
    // One statement still names its date and sentences.
    const one = processLayout(doc, context, 800);
    expect(one.lanes.at(-1)!.label).toBe('This statement');
    expect(processSummaryLine(context, one)).toContain(
      'The statement cites 19 Sep 2016 (sentences 1 and 9)',
    );
    expect(one.referenceLabels.map((r) => r.text)).toEqual(['sentences 1 and 9: 19 Sep 2016']);
  });

  it.each([800, 360])(
    'breaks the axis over the empty years and keeps every mark inside (%i px)',
    (width) => {
      const l = processLayout(doc, context, width);
      expect(l.axisBreak).not.toBeNull();
      const review = l.events.find((e) => e.event.kind === 'review')!;
      expect(review.x).toBeGreaterThan(l.axisBreak!.x1);
      for (const e of l.events.filter((m) => m.event.kind !== 'review'))
        expect(e.x + e.width).toBeLessThanOrEqual(l.axisBreak!.x0);
      for (const e of l.events) {
        expect(e.x).toBeGreaterThanOrEqual(l.plot.left);
        expect(e.x + e.width).toBeLessThanOrEqual(width);
      }
      expect(l.ticks.filter((t) => t.label === '2022')).toHaveLength(1);
      expect(l.ticks.some((t) => t.label === '2018')).toBe(true);
    },
  );

  it('keeps the marks of a row and the labels of a line from covering each other', () => {
    for (const width of [360, 640, 705, 800, 1200]) {
      const l = processLayout(doc, context, width);
      for (let lane = 0; lane < l.lanes.length; lane++) {
        const own = l.events.filter((e) => e.lane === lane).sort((a, b) => a.x - b.x);
        for (let i = 1; i < own.length; i++)
          expect(own[i].x, `${width}px`).toBeGreaterThanOrEqual(own[i - 1].x + own[i - 1].width);
      }
      const byLine = new Map<number, [number, number][]>();
      for (const label of l.labels) {
        const w = estimateWidth(label.text);
        const span: [number, number] =
          label.anchor === 'start' ? [label.x - 3, label.x + w] : [label.x - w, label.x + 3];
        const line = byLine.get(label.y) ?? [];
        for (const other of line)
          expect(span[0] >= other[1] || span[1] <= other[0], `${width}px ${label.text}`).toBe(true);
        byLine.set(label.y, [...line, span]);
      }
    }
  });

  it('places the dated references at their date, under the event they cite', () => {
    const l = processLayout(doc, context, 800);
    const event = l.events.find((e) => e.event.document === 'A/RES/71/1')!;
    expect(l.references.map((r) => r.sentence)).toEqual(['s1', 's9']);
    expect(Math.abs(l.references[0].cx - event.cx)).toBeLessThan(2);
    expect(l.connectors.map((c) => c.event)).toEqual([event.key, event.key]);
    // The unverified window spans the consultations and the stocktaking, as months.
    expect(l.window).toMatchObject({ start: '2017-04-01', end: '2018-01-31' });
    const phases = l.phases.filter((p) => p.phase.name !== 'Intergovernmental negotiations');
    expect(l.window!.x).toBeCloseTo(phases[0].x);
    expect(formatMonths(l.window!.start, l.window!.end)).toBe('Apr 2017 – Jan 2018');
  });

  it('writes dates and labels briefly', () => {
    expect(formatSpan('2017-05-08', '2017-05-09')).toBe('8–9 May 2017');
    expect(formatSpan('2017-11-29', '2017-12-02')).toBe('29 Nov – 2 Dec 2017');
    expect(formatSpan('2016-09-19', null)).toBe('19 Sep 2016');
    expect(formatMonths('2017-04-01', '2017-11-30')).toBe('Apr–Nov 2017');
    expect(shortLabel('Draft Rev 2 adds Objective 23 on international cooperation', 20)).toBe(
      'Draft Rev 2 adds…',
    );
    expect(shortLabel('Intergovernmental Conference, Marrakech: the compact is adopted', 60)).toBe(
      'Intergovernmental Conference, Marrakech',
    );
  });

  it('moves the keyboard focus along rows and to the nearest mark of the next row', () => {
    const rows = [
      [
        { key: 'a', cx: 10 },
        { key: 'b', cx: 50 },
      ],
      [{ key: 'c', cx: 45 }],
      [],
      [{ key: 'd', cx: 0 }],
    ];
    expect(moveInRows(rows, 'a', 'right')).toBe('b');
    expect(moveInRows(rows, 'b', 'right')).toBe('b');
    expect(moveInRows(rows, 'b', 'down')).toBe('c');
    expect(moveInRows(rows, 'c', 'up')).toBe('b');
    expect(moveInRows(rows, 'c', 'down')).toBe('c');
    expect(moveInRows(rows, 'b', 'home')).toBe('a');
    expect(moveInRows(rows, 'zz', 'left')).toBe('a');
  });
});

describe('outcome map layout', () => {
  it.each([800, 360])(
    'has a column per objective or provision that answers something, and one for none (%i px)',
    (width) => {
      const l = outcomeLayout(doc, context, map, width);
      expect(l.columns.map((c) => c.key)).toEqual([
        '1',
        '2',
        '5',
        '6',
        '7',
        '11',
        '12',
        '16',
        '17',
        '18',
        '21',
        '23',
        'non_binding',
        'sovereignty',
        'shared_responsibilities',
        'review_forum',
        NONE,
      ]);
      expect(l.rows).toHaveLength(21);
      expect(l.unused?.text ?? '').toMatch(/^No demand or rejection maps to Objectives 3, 4, 8/);
      for (const c of l.cells) {
        expect(c.x + c.size).toBeLessThanOrEqual(width);
        expect(c.x).toBeGreaterThanOrEqual(l.gridLeft);
      }
      expect(l.columns.find((c) => c.key === 'shared_responsibilities')!.label).toBe('11');
      expect(l.columns.find((c) => c.key === 'non_binding')!.label).toBe('15b');
    },
  );
});

describe('exports of the two views', () => {
  const input = (chart: 'process-timeline' | 'outcome-map') => ({
    chart,
    doc,
    codebook,
    scheme: 'light' as const,
    selection: { ...emptySelection },
    width: 800,
    context: contextData,
  });

  it('carry their legend, summary and sources', () => {
    const process = chartLegendAndSummary(input('process-timeline'));
    expect(process.legend.entries.map((e) => e.label)).toContain('Submitted: date not verified');
    expect(process.summary).toMatch(/When it was submitted is not verified/);
    expect(chartSource(input('process-timeline'))).toMatch(/data\/gcm-context\.json/);
    const outcomes = chartLegendAndSummary(input('outcome-map'));
    expect(outcomes.legend.entries.map((e) => e.label)).toEqual([
      'taken up (7)',
      'partly (9)',
      'not taken up (4)',
      'contradicted (1)',
      'outline: no counterpart',
    ]);
    expect(outcomes.summary).toMatch(/^21 demands and rejections/);
    expect(chartSource(input('outcome-map'))).toMatch(/data\/gcm-outcomes\.json, curated/);
    expect(outcomeLegend(map, palettes.dark, true).entries.at(-1)!.label).toBe(
      'faded: outside the selection',
    );
    expect(
      processLegend(['milestone'], palettes.light, false, false).entries.map((e) => e.label),
    ).toEqual(['Milestones', 'Phase', "The statement's dated reference"]);
  });

  it('need the context, and name the objective in the file name', () => {
    expect(() => chartLegendAndSummary({ ...input('outcome-map'), context: undefined })).toThrow(
      'the outcome-map chart needs the GCM context',
    );
    expect(
      exportFileName(
        {
          chart: 'outcome-map',
          selection: { ...emptySelection, objective: '21', sentences: ['s11'] },
          scheme: 'dark',
        },
        'svg',
      ),
    ).toBe('gcm-position-outcome-map-objective-21-dark.svg');
  });
});
