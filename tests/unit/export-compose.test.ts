import { JSDOM } from 'jsdom';
import { afterAll, describe, expect, it } from 'vitest';
import { attributionLayout, attributionLegend } from '../../src/lib/charts/attribution/layout.ts';
import { matrixLayout, matrixLegend } from '../../src/lib/charts/cooccurrence/layout.ts';
import { palettes } from '../../src/lib/charts/palette.ts';
import {
  themeOverviewLayout,
  themeOverviewLegend,
} from '../../src/lib/charts/theme-overview/options.ts';
import { timelineLegend } from '../../src/lib/charts/timeline/layout.ts';
import { parseExportArgs } from '../../src/lib/export/cli-options.ts';
import {
  chartLegendAndSummary,
  exportFileName,
  removePlotOffset,
  selectionSubtitle,
} from '../../src/lib/export/compose.ts';
import {
  canonicalChart,
  num,
  roundNumbers,
  standaloneFile,
  textWidth,
  wrap,
} from '../../src/lib/export/standalone.ts';
import { emptySelection, selectedSentences } from '../../src/lib/data/queries.ts';
import { codebook, doc } from '../helpers/dataset.ts';

const { window } = new JSDOM('<!doctype html><html><body></body></html>');
const document = window.document;
afterAll(() => window.close());

const serialize = (node: Node) => new window.XMLSerializer().serializeToString(node);

/** An SVG element parsed from markup, as the server-rendered chart arrives. */
function svgFrom(markup: string): Element {
  return new window.DOMParser()
    .parseFromString(`<div>${markup}</div>`, 'text/html')
    .querySelector('svg')!;
}

describe('text in the composer', () => {
  it('wraps to the width with the generous estimate, and cuts words longer than a line', () => {
    const text = 'Russia’s position on the Global Compact for Safe, Orderly and Regular Migration';
    const lines = wrap(text, 200, 13);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(text);
    for (const line of lines) expect(textWidth(line, 13)).toBeLessThanOrEqual(200);
    const long = wrap('x'.repeat(200), 100, 11);
    expect(long.join('')).toBe('x'.repeat(200));
    for (const line of long) expect(textWidth(line, 11)).toBeLessThanOrEqual(100);
  });

  it('estimates wider than an average sans-serif, and bold wider still', () => {
    // 0.5 em a character is about Arial's average; the estimate must not be below it.
    expect(textWidth('Readmission and return', 13)).toBeGreaterThan(22 * 13 * 0.5);
    expect(textWidth('Readmission', 18, true)).toBeGreaterThan(textWidth('Readmission', 18));
  });

  it('rounds numbers to 2 decimals, leaving colours and integers alone', () => {
    expect(num(1 / 3)).toBe('0.33');
    expect(num(-0.001)).toBe('0');
    expect(roundNumbers('M0.3333,1.006L2e-7,10')).toBe('M0.33,1.01L0,10');
    expect(roundNumbers('translate(233.66666666666663,364)')).toBe('translate(233.67,364)');
    expect(roundNumbers('#1e2e3e')).toBe('#1e2e3e');
  });
});

describe('canonical copy of a chart', () => {
  const markup =
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100.004 50" width="100" height="50" ' +
    'role="group" aria-labelledby="s1-title" class="svelte-x" style="color: red" fill="currentColor">' +
    '<!--[--><title id="s1-title">Chart</title><desc>About it</desc>' +
    '<style>:root { --x: 1 }</style><script>alert(1)</script>' +
    '<foreignObject><p>html</p></foreignObject>' +
    '<defs><clipPath id="clip-a"><rect width="10" height="10"/></clipPath></defs>' +
    '<g clip-path="url(#clip-a)" tabindex="0" role="button" aria-label="mark" data-key="k" ' +
    'stroke="currentColor" x="0.123456">\n  <rect y="2" x="1" class="mark" height="3"/>\n</g>' +
    '<rect data-export-omit="" class="focus-ring" width="5" height="5"/>' +
    '<text x="1" y="2">  Hello   <tspan>world </tspan> </text><!---->' +
    '<a href="https://example.org"><text>link</text></a>' +
    '</svg>';

  const copy = serialize(canonicalChart(svgFrom(markup), document, '#111111'));

  it('drops what only the live app needs and what a file must not carry', () => {
    for (const gone of [
      '<!--',
      'title',
      'desc',
      'style',
      'script',
      'foreignObject',
      'class=',
      'tabindex',
      'role=',
      'aria-',
      'data-',
      'focus-ring',
      'currentColor',
      'example.org',
      'link',
    ]) {
      expect(copy).not.toContain(gone);
    }
  });

  it('keeps the drawing: colours made explicit, attributes sorted, numbers rounded', () => {
    expect(copy).toContain('viewBox="0 0 100 50"');
    expect(copy).toContain('fill="#111111"');
    expect(copy).toContain('<g clip-path="url(#chart-1)" stroke="#111111" x="0.12">');
    expect(copy).toContain('<rect height="3" x="1" y="2"/>');
    expect(copy).toContain('<clipPath id="chart-1">');
    expect(copy).toContain('<text x="1" y="2">Hello <tspan>world </tspan></text>');
  });

  it('gives the same copy whatever the order of attributes and the markup whitespace', () => {
    const reordered = markup
      .replace('y="2" x="1" class="mark" height="3"', 'height="3" class="mark" x="1" y="2"')
      .replaceAll('\n  ', '');
    expect(serialize(canonicalChart(svgFrom(reordered), document, '#111111'))).toBe(copy);
  });
});

describe('Plot offset', () => {
  it('takes Plot’s half-pixel offset out of the marks it moves, and only those', () => {
    const svg = svgFrom(
      '<svg><g aria-label="x-grid" transform="translate(0.5,0)"></g>' +
        '<g aria-label="x-axis tick label" transform="translate(0.5,9.5)"></g>' +
        '<g aria-label="text" transform="translate(5.5,12.2)"></g>' +
        '<g aria-label="bar"></g></svg>',
    );
    removePlotOffset(svg);
    const marks = [...svg.children].map((g) => g.getAttribute('transform'));
    expect(marks[0]).toBeNull();
    expect(marks[1]).toBe('translate(0,9)');
    expect(marks[2]).toMatch(/^translate\(5,11.7/);
    expect(marks[3]).toBeNull();
  });

  it('leaves a chart drawn without the offset as it is', () => {
    const svg = svgFrom(
      '<svg><g aria-label="x-grid"></g><g aria-label="text" transform="translate(5,11.7)"></g></svg>',
    );
    removePlotOffset(svg);
    expect(svg.children[1].getAttribute('transform')).toBe('translate(5,11.7)');
  });
});

describe('words around the chart', () => {
  const readmission = { ...emptySelection, themes: ['readmission' as const] };
  it('describes the selection in the subtitle, or says there is none', () => {
    expect(selectionSubtitle(doc, codebook, emptySelection)).toBe('No selection');
    const n = selectedSentences(doc, readmission)!.size;
    expect(selectionSubtitle(doc, codebook, readmission)).toBe(
      `Selected: Readmission & return: ${n} of ${doc.sentences.length} sentences`,
    );
  });

  it('names files after the chart, the selection and a dark scheme', () => {
    expect(
      exportFileName({ chart: 'theme-overview', selection: readmission, scheme: 'light' }, 'svg'),
    ).toBe('gcm-position-theme-overview-readmission.svg');
    expect(
      exportFileName(
        {
          chart: 'topic-timeline',
          selection: { ...emptySelection, actor: 'western_states', range: [3, 9] },
          scheme: 'dark',
        },
        'png',
      ),
    ).toBe('gcm-position-topic-timeline-actor-western-states-sentences-3-9-dark.png');
    expect(
      exportFileName({ chart: 'cooccurrence', selection: emptySelection, scheme: 'light' }, 'svg'),
    ).toBe('gcm-position-cooccurrence.svg');
  });

  it('puts the largest values in the summary', () => {
    const input = {
      doc,
      codebook,
      scheme: 'light' as const,
      selection: emptySelection,
      width: 800,
    };
    const top = [...doc.aggregates.themeTotals].sort((a, b) => b.sentences - a.sentences)[0];
    const topLabel = codebook.themes.find((t) => t.id === top.theme)!.label;
    expect(chartLegendAndSummary({ ...input, chart: 'theme-overview' }).summary).toContain(
      `${topLabel} ${top.sentences}`,
    );
    expect(chartLegendAndSummary({ ...input, chart: 'topic-timeline' }).summary).toContain(
      `Most marks: ${topLabel} ${top.sentences}`,
    );
    const pair = [...doc.aggregates.coOccurrence].sort((a, b) => b.sentences - a.sentences)[0];
    expect(chartLegendAndSummary({ ...input, chart: 'cooccurrence' }).summary).toContain(
      `(${pair.sentences})`,
    );
    expect(chartLegendAndSummary({ ...input, chart: 'attribution' }).summary).toContain(
      `${doc.attributions.length} attributions`,
    );
  });
});

describe('legend entries', () => {
  const light = palettes.light;
  it('theme overview and timeline: every modality in its colour, fading only with a selection', () => {
    const layout = themeOverviewLayout({
      doc,
      codebook,
      measure: 'sentences',
      highlightThemes: [],
      width: 800,
    });
    const plain = themeOverviewLegend(layout, codebook, light).entries;
    expect(plain.map((e) => e.label)).toEqual(codebook.modalities.map((m) => m.label));
    expect(plain.map((e) => e.color)).toEqual(codebook.modalities.map((m) => light.modality[m.id]));
    expect(themeOverviewLegend({ hasHighlight: true }, codebook, light).entries).toHaveLength(
      codebook.modalities.length + 1,
    );
    expect(timelineLegend(codebook, light, false).entries).toHaveLength(codebook.modalities.length);
  });

  it('attribution: the relations that occur, with their dash patterns, and the speaker', () => {
    const layout = attributionLayout(doc, codebook, 800, 'light');
    const entries = attributionLegend(layout, light, false).entries;
    const used = codebook.relations.filter((r) =>
      doc.attributions.some((a) => a.relation === r.id),
    );
    expect(entries.filter((e) => e.kind === 'line').map((e) => e.label)).toEqual(
      used.map((r) => r.label),
    );
    expect(entries.find((e) => e.kind === 'box')?.label).toBe('the speaker');
  });

  it('co-occurrence: one shading step per count with the count on it, then the diagonal', () => {
    const layout = matrixLayout({ doc, codebook, scheme: 'light', width: 800 });
    const entries = matrixLegend(layout).entries;
    expect(entries.slice(0, -1).map((e) => e.swatchText)).toEqual(
      layout.legend.map((s) => String(s.count)),
    );
    expect(entries.at(-1)).toMatchObject({ swatchText: 'n', color: layout.diagonalFill });
  });
});

describe('the composed file', () => {
  it('sizes itself to the chart and wraps a long title inside the width', () => {
    const chart = svgFrom('<svg viewBox="0 0 300 100" width="300" height="100"></svg>');
    const file = standaloneFile(
      {
        title: 'A very long title that will certainly not fit on one line of a narrow file',
        subtitle: 'No selection',
        description: 'd',
        legend: { entries: [] },
        source: 'Source: here.',
        scheme: 'light',
        chart,
        width: 300,
      },
      document,
    );
    expect(file.width).toBe(332);
    expect(file.svg.match(/font-weight="bold"/g)!.length).toBeGreaterThan(1);
    expect(file.svg).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns=/);
  });
});

describe('npm run export options', () => {
  it('defaults to every chart, no selection, light, 800 px, exports/', () => {
    const o = parseExportArgs([]);
    expect(o.charts).toEqual([
      'theme-overview',
      'topic-timeline',
      'attribution',
      'cooccurrence',
      'process-timeline',
      'outcome-map',
    ]);
    expect(o).toMatchObject({ scheme: 'light', width: 800, out: 'exports', csv: true });
    expect(o.selection).toEqual(emptySelection);
  });

  it('takes chart names as the embed URLs write them, and every selection key', () => {
    const o = parseExportArgs([
      'timeline',
      'attribution',
      '--select',
      'theme=control',
      '--select=theme=readmission',
      '--select',
      'actor=western_states',
      '--select',
      'relation=caused',
      '--select',
      'range=9-3',
      '--select',
      'sentence=s12',
      '--scheme',
      'dark',
      '--width=640',
      '--out',
      'tmp/x',
      '--no-csv',
    ]);
    expect(o.charts).toEqual(['topic-timeline', 'attribution']);
    expect(o.selection).toEqual({
      themes: ['control', 'readmission'],
      actor: 'western_states',
      relation: 'caused',
      range: [3, 9],
      sentence: 's12',
    });
    expect(o).toMatchObject({ scheme: 'dark', width: 640, out: 'tmp/x', csv: false });
    expect(
      parseExportArgs(['--select', 'theme=control,security', '--select', 'match=all']).selection,
    ).toMatchObject({ themes: ['control', 'security'], mode: 'all' });
  });

  it('refuses what it cannot honour, saying what would work', () => {
    expect(() => parseExportArgs(['pie'])).toThrow(/Unknown chart "pie". Known: .*timeline/);
    expect(() => parseExportArgs(['--select', 'theme=nope'])).toThrow(/Unknown theme "nope"/);
    expect(() => parseExportArgs(['--select', 'colour=red'])).toThrow(/KEY one of theme/);
    expect(() => parseExportArgs(['--select', 'range=3'])).toThrow(/3-9/);
    expect(() => parseExportArgs(['--width', '12'])).toThrow(/240 to 4000/);
    expect(() => parseExportArgs(['--scheme', 'sepia'])).toThrow(/Unknown scheme/);
    expect(() => parseExportArgs(['--out'])).toThrow(/needs a value/);
    expect(() => parseExportArgs(['--frobnicate'])).toThrow(/Unknown option/);
  });
});
