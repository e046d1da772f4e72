import * as Plot from '@observablehq/plot';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import {
  COMPACT_WIDTH,
  frameOptions,
  crispOffset,
  finishSvg,
  optionsFromLayout,
  rowDescription,
  themeOverviewBase,
  themeOverviewFrame,
  themeOverviewGeometry,
  themeOverviewLayout,
  themeOverviewMarks,
  themeOverviewOptions,
  themeOverviewWithSelection,
  type Measure,
} from '../../src/lib/charts/theme-overview/options.ts';
import { palettes } from '../../src/lib/charts/palette.ts';
import { emptySelection, selectedSentences, type Selection } from '../../src/lib/data/queries.ts';
import { codebook, doc } from '../helpers/dataset.ts';

const base = { doc, codebook, highlightThemes: [] as const, width: 640 };

describe('themeOverviewLayout', () => {
  it('stacks the modalities of each theme end to end, to the theme total', () => {
    for (const measure of ['sentences', 'words'] as const) {
      const layout = themeOverviewLayout({ ...base, measure });
      for (const row of layout.rows) {
        expect(row.segments[0].x1).toBe(0);
        row.segments.slice(1).forEach((s, k) => expect(s.x1).toBe(row.segments[k].x2));
        expect(row.segments.at(-1)!.x2).toBeCloseTo(row.total, 3);
      }
      const totals = layout.rows.map((r) => r.total);
      expect(totals).toEqual([...totals].sort((a, b) => b - a));
    }
  });

  it('measures words as a share of the whole statement', () => {
    const layout = themeOverviewLayout({ ...base, measure: 'words' });
    const process = layout.rows.find((r) => r.theme === 'process')!;
    expect(process.total).toBeCloseTo((232 / doc.counts.words) * 100, 3);
    expect(layout.ticks.every((t) => t <= layout.xMax)).toBe(true);
  });

  it('keeps ticks whole when counting sentences', () => {
    const layout = themeOverviewLayout({ ...base, measure: 'sentences', width: 320 });
    expect(layout.ticks.length).toBeGreaterThanOrEqual(2);
    expect(layout.ticks.every(Number.isInteger)).toBe(true);
  });

  it('moves labels above the bars on narrow screens', () => {
    const narrow = themeOverviewLayout({ ...base, measure: 'sentences', width: 256 });
    expect(narrow.compact).toBe(true);
    expect(narrow.marginLeft).toBeLessThan(10);
    const wide = themeOverviewLayout({ ...base, measure: 'sentences', width: COMPACT_WIDTH });
    expect(wide.compact).toBe(false);
    expect(wide.marginLeft).toBeLessThanOrEqual(COMPACT_WIDTH * 0.4);
  });

  it('describes a row in words', () => {
    const layout = themeOverviewLayout({ ...base, measure: 'sentences' });
    const row = layout.rows.find((r) => r.theme === 'security')!;
    expect(rowDescription(row, 'sentences', codebook)).toBe(
      'Security & public order: 3 sentences (demand 2, rejection 1)',
    );
    expect(rowDescription(row, 'words', codebook)).toBe(
      'Security & public order: 11.3% of the words, 3 sentences (demand 2, rejection 1)',
    );
  });
});

describe('themeOverviewOptions', () => {
  const { window } = new JSDOM('<!doctype html><body></body>');

  function draw(width: number) {
    const params = { ...base, scheme: 'dark' as const, measure: 'sentences' as const, width };
    const svg = Plot.plot(
      themeOverviewOptions({ ...params, document: window.document }),
    ) as SVGSVGElement;
    return { svg, layout: themeOverviewLayout(params) };
  }

  it('renders in Node with a jsdom document, to a standalone SVG in explicit colours', () => {
    const { svg } = draw(640);
    finishSvg(svg, {
      title: 'What the statement is about',
      description: 'd',
      palette: palettes.dark,
    });
    const xml = new window.XMLSerializer().serializeToString(svg);
    expect(xml).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(xml).toContain('<title>What the statement is about</title>');
    expect(xml).not.toContain('currentColor');
    expect(xml).not.toContain('var(--');
    expect(svg.querySelectorAll('g.theme-bar rect')).toHaveLength(
      doc.aggregates.modalityByTheme.length,
    );
  });

  it('places the bars in the bands the layout reports (the keyboard targets sit there)', () => {
    for (const width of [256, 640]) {
      const { svg, layout } = draw(width);
      const data = layout.rows.flatMap((r) => r.segments);
      for (const rect of svg.querySelectorAll('g.theme-bar rect')) {
        const segment = data[(rect as unknown as { __data__: number }).__data__];
        const row = layout.rows.find((r) => r.theme === segment.theme)!;
        const y = Number(rect.getAttribute('y'));
        expect(y).toBeGreaterThanOrEqual(row.top);
        expect(y + Number(rect.getAttribute('height'))).toBeLessThanOrEqual(row.top + row.step);
        expect(
          Number(rect.getAttribute('x')) + Number(rect.getAttribute('width')),
        ).toBeLessThanOrEqual(width - layout.marginRight + 0.01);
      }
      expect(Number(svg.getAttribute('width'))).toBe(width);
    }
  });
});

describe('the frame and the selection layer', () => {
  const { window } = new JSDOM('<!doctype html><body></body>');
  const selections: [string, Selection][] = [
    ['nothing', { ...emptySelection }],
    ['a theme', { ...emptySelection, themes: ['readmission'] }],
    ['two themes', { ...emptySelection, themes: ['control', 'security'] }],
    ['an actor', { ...emptySelection, actor: 'western_states' }],
    ['a sentence', { ...emptySelection, sentence: doc.sentences[4].id }],
  ];
  const cases = (['sentences', 'words'] as Measure[]).flatMap((measure) =>
    [256, 640].flatMap((width) =>
      selections.map(
        ([name, selection]) =>
          [`${measure}, ${width} px, ${name}`, measure, width, selection] as const,
      ),
    ),
  );
  const plot = (options: Plot.PlotOptions) =>
    Plot.plot({ ...options, document: window.document }) as SVGSVGElement;
  /** Plot names its stylesheet class at random; the marks are what counts. */
  const markup = (els: Element[]) =>
    els.map((el) =>
      new window.XMLSerializer().serializeToString(el).replace(/plot-[\w-]+/g, 'plot'),
    );

  it.each(cases)(
    '%s: the frame and the marks drawn apart make up the chart Plot draws whole',
    (_, measure, width, selection) => {
      const params = {
        doc,
        codebook,
        measure,
        width,
        highlightThemes: selection.themes,
        highlight: selectedSentences(doc, selection),
      };
      const palette = palettes.light;
      const layout = themeOverviewLayout(params);
      const whole = plot(optionsFromLayout(layout, codebook, palette));
      const frame = plot(
        frameOptions(
          themeOverviewFrame(themeOverviewBase(params), layout.marginRight),
          codebook,
          palette,
        ),
      );

      // The frame is the whole chart without the selection's marks: segments, highlighted
      // parts and outlines (Plot leaves out a mark with no data) and the value labels after them.
      const [bars, hits, outlines] = ['theme-bar', 'theme-hit', 'theme-selected'].map((c) =>
        whole.querySelector(`g.${c}`),
      );
      const values = (outlines ?? hits ?? bars)!.nextElementSibling!;
      const layer = [bars, hits, outlines, values].filter((g) => g !== null);
      expect(markup([...frame.children])).toEqual(
        markup([...whole.children].filter((el) => !layer.includes(el))),
      );
      expect(frame.getAttribute('aria-description')).toBe(whole.getAttribute('aria-description'));

      // The marks sit exactly where Plot puts them, in the same order and colours.
      const geometry = themeOverviewGeometry(
        themeOverviewBase(params),
        layout.marginRight,
        palette,
      );
      const marks = themeOverviewMarks(geometry, layout, crispOffset(whole));
      const attrs = (el: Element, names: string[]) => names.map((n) => el.getAttribute(n));
      const box = ['x', 'y', 'width', 'height'];
      const rects = (g: Element | null) => [...(g?.querySelectorAll('rect') ?? [])];
      expect(rects(bars).map((r) => attrs(r, [...box, 'fill']))).toEqual(
        marks.bars.map((m) => [m.x, m.y, m.width, m.height, m.fill].map(String)),
      );
      expect(rects(hits).map((r) => attrs(r, [...box, 'fill']))).toEqual(
        marks.hits.map((m) => [m.x, m.y, m.width, m.height, m.fill].map(String)),
      );
      expect(rects(outlines).map((r) => attrs(r, box))).toEqual(
        marks.outlines.map((m) => [m.x, m.y, m.width, m.height].map(String)),
      );
      expect(values.getAttribute('transform')).toBe(`translate(${marks.labelDx},${marks.labelDy})`);
      expect(
        [...values.querySelectorAll('text')].map((t) => [
          t.getAttribute('transform'),
          t.getAttribute('y'),
          t.textContent,
        ]),
      ).toEqual(marks.labels.map((l) => [`translate(${l.x},${l.y})`, '0.32em', l.text]));
      expect(marks.hits.length).toBe(layout.rows.flatMap((r) => r.hits).length);
    },
  );

  it('keeps the frame of a base for every selection that needs the same right margin', () => {
    const base = themeOverviewBase({ doc, codebook, measure: 'sentences', width: 640 });
    const margins = new Set(
      doc.sentences.map(
        (s) =>
          themeOverviewLayout({
            doc,
            codebook,
            measure: 'sentences',
            width: 640,
            highlightThemes: [],
            highlight: new Set([s.id]),
          }).marginRight,
      ),
    );
    // One pinned sentence after another: the frame is drawn once.
    expect(margins.size).toBe(1);
    const [margin] = margins;
    expect(themeOverviewFrame(base, margin).ticks).toEqual(
      themeOverviewLayout({
        doc,
        codebook,
        measure: 'sentences',
        width: 640,
        highlightThemes: ['process'],
        highlight: new Set(['s1']),
      }).ticks,
    );
  });

  it('keeps every mark a new selection leaves as it was, so the page updates only the others', () => {
    const base = themeOverviewBase({ doc, codebook, measure: 'sentences', width: 640 });
    const pin = (i: number) =>
      themeOverviewWithSelection(base, {
        highlightThemes: [],
        highlight: new Set([doc.sentences[i].id]),
      });
    const [a, b] = [pin(4), pin(11)];
    expect(b.marginRight).toBe(a.marginRight);
    const geometry = themeOverviewGeometry(base, a.marginRight, palettes.light);
    const first = themeOverviewMarks(geometry, a, 0.5);
    const second = themeOverviewMarks(geometry, b, 0.5, first);
    expect(second).toEqual(themeOverviewMarks(geometry, b, 0.5));
    // Every segment is faded both times: the same list.
    expect(second.bars).toBe(first.bars);
    const relabelled = a.rows.filter((r, i) => r.valueLabel !== b.rows[i].valueLabel);
    expect(relabelled.length).toBeGreaterThan(0);
    expect(second.labels.filter((l, i) => l !== first.labels[i]).map((l) => l.theme)).toEqual(
      relabelled.map((r) => r.theme),
    );
    // Nothing selected any more: every segment in full colour again (at a narrower margin).
    const none = themeOverviewWithSelection(base, { highlightThemes: [], highlight: null });
    const cleared = themeOverviewMarks(
      themeOverviewGeometry(base, none.marginRight, palettes.light),
      none,
      0.5,
      second,
    );
    expect(cleared.bars.map((bar) => bar.fill)).toEqual(
      cleared.bars.map((bar) => palettes.light.modality[bar.modality!]),
    );
    expect(cleared.hits).toEqual([]);
  });
});
