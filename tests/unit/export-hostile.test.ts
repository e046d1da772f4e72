import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptySelection } from '../../src/lib/data/queries.ts';
import { codedSentencesCsv } from '../../src/lib/export/csv.ts';
import { createExporter, type Exporter } from '../../src/lib/export/node.ts';
import { VIEWS } from '../../src/lib/charts/registry.ts';
import { buildDocument } from '../../src/pipeline/build.ts';
import { loadRules } from '../../src/pipeline/io.ts';
import { contextData } from '../helpers/context.ts';

/** A statement made of markup, script and formulas: exports must carry it as inert text. */
const text = `Position of Hostile Land on the Global Compact for Migration

The Russian Federation must bear responsibility for migration control <img src=x onerror=alert(1)> at the borders.

We believe that readmission agreements </script><script>alert(2)</script> should cover the return of refugees.

Western countries caused the crises <svg onload=alert(4)><a href="javascript:alert(5)">x</a></svg> and refugees need assistance.

=HYPERLINK("http://example.invalid","click") is what humanitarian cooperation looks like.
`;

const { codebook, dictionary } = loadRules(process.cwd());
const doc = buildDocument(
  { file: 'seeds/hostile.txt', text, annotations: null },
  codebook,
  dictionary,
);
let exporter: Exporter;

beforeAll(async () => {
  exporter = await createExporter();
}, 60_000);
afterAll(async () => exporter?.close());

describe('exports of a hostile statement', () => {
  it('contain no element, attribute or link made from the dataset text, in any SVG', () => {
    for (const view of VIEWS) {
      // The outcome map maps one statement (data/gcm-outcomes.json) and draws no other.
      if (view.chart === 'outcome-map') continue;
      const file = exporter.render({
        chart: view.chart,
        doc,
        codebook,
        scheme: 'light',
        selection: { ...emptySelection, themes: ['control'] },
        width: 800,
        context: contextData,
      });
      const svg = new JSDOM(file.svg, { contentType: 'image/svg+xml' }).window.document;
      expect(svg.querySelector('parsererror'), view.chart).toBeNull();
      expect(
        svg.querySelectorAll('img, script, foreignObject, a, [onerror], [onload]').length,
        view.chart,
      ).toBe(0);
      expect(file.svg).not.toContain('<img');
      expect(file.svg).not.toContain('<script');
    }
  }, 60_000);

  it('keep formulas from running in a spreadsheet', () => {
    const csv = codedSentencesCsv([doc], codebook);
    expect(csv).toContain('<img src=x onerror=alert(1)>');
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect(csv).toContain(`'=HYPERLINK`);
  });
});
