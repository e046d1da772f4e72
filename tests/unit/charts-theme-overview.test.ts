import * as Plot from '@observablehq/plot';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import {
  COMPACT_WIDTH,
  finishSvg,
  rowDescription,
  themeOverviewLayout,
  themeOverviewOptions,
} from '../../src/lib/charts/theme-overview/options.ts';
import { palettes } from '../../src/lib/charts/palette.ts';
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
