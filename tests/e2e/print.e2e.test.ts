import { beforeEach, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { VIEWS } from '../../src/lib/charts/registry.ts';
import { doc } from '../helpers/dataset.ts';
import { chartsDrawn, watchProblems, useDashboard } from './browser.ts';
import { contextViewsDrawn } from './context-views.ts';

const dashboard = useDashboard();
let context: BrowserContext;
let page: Page;
let problems: string[];

beforeEach(async () => {
  await context?.close();
  context = await dashboard.browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  problems = watchProblems(page);
});

const sentencesWith = (theme: string) =>
  doc.sentences.filter((s) => s.themes.some((t) => t.theme === theme));

const CONTROLS = 'button, input, select, textarea, summary, dialog, [role="switch"], a[target]';

/** The controls a reader would see: rendered, visible, not transparent. */
const visibleControls = () =>
  page
    .locator(CONTROLS)
    .evaluateAll((nodes) =>
      nodes
        .filter((n) => n.checkVisibility({ visibilityProperty: true, opacityProperty: true }))
        .map((n) => `${n.tagName.toLowerCase()}: ${n.textContent?.trim().slice(0, 40)}`),
    );

/** The print section's quotes, as printed. */
const printedQuotes = () =>
  page
    .getByTestId('print-selection')
    .locator('[data-sentence]')
    .evaluateAll((items) =>
      items
        .filter((li) => li.checkVisibility())
        .map((li) => ({
          id: li.getAttribute('data-sentence'),
          where: li.querySelector('.where')?.textContent,
          text: li.querySelector('blockquote')?.textContent,
        })),
    );

/** Pages in a PDF that Chromium wrote: one `/Type /Page` object each. */
const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g)?.length;

describe('printing', () => {
  it('prints the dashboard: charts and sources, the quoted selection, no controls', async () => {
    await page.goto(`${dashboard.url}?theme=readmission`);
    await chartsDrawn(page);
    await contextViewsDrawn(page);
    expect((await visibleControls()).length, 'controls on screen').toBeGreaterThan(8);
    expect(await page.getByTestId('print-selection').isVisible()).toBe(false);

    await page.emulateMedia({ media: 'print' });
    expect(await visibleControls()).toEqual([]);
    // Every chart with its title and source, kept on one page where it fits.
    const figures = page.locator('figure[data-chart]');
    expect(await figures.count()).toBe(VIEWS.length);
    for (const figure of await figures.all()) {
      const chart = await figure.getAttribute('data-chart');
      expect(await figure.locator(`#${chart}-title`).isVisible()).toBe(true);
      expect(await figure.locator('figcaption').isVisible()).toBe(true);
      expect(await figure.evaluate((f) => getComputedStyle(f).breakInside)).toBe('avoid');
    }
    // The selection, each of its sentences in full with its number.
    const section = page.getByTestId('print-selection');
    expect(await section.isVisible()).toBe(true);
    const expected = sentencesWith('readmission');
    // Written when the page turns to print (it is not kept up to date on screen).
    await expect
      .poll(() => section.textContent())
      .toContain(`Readmission & return: ${expected.length} of ${doc.sentences.length} sentences`);
    const quotes = await printedQuotes();
    expect(quotes.map((q) => q.id)).toEqual(expected.map((s) => s.id));
    expect(quotes.map((q) => q.text)).toEqual(expected.map((s) => s.text));
    expect(quotes.map((q) => q.where?.match(/^Sentence (\d+)/)?.[1])).toEqual(
      expected.map((s) => String(s.order)),
    );
    // The statement's full text is the reader's, on screen; on paper the quotes stand for it.
    expect(await page.getByTestId('reader').isVisible()).toBe(false);

    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(2);
    expect(pageCount(pdf)).toBeLessThanOrEqual(6);
    expect(problems).toEqual([]);
  });

  it('prints the selection last made on screen, written as printing starts', async () => {
    await page.goto(dashboard.url);
    await chartsDrawn(page);
    await page.locator('[data-row-theme="readmission"]').click();
    const expected = sentencesWith('readmission');
    // A reader prints once the selection shows, by then with the quotes' code in place (asked
    // for with the first selection; a page printed within milliseconds of it, as a busy test
    // machine may, would not have it yet): waited for as the page laid out for print shows it.
    await page.emulateMedia({ media: 'print' });
    await expect.poll(async () => (await printedQuotes()).length).toBe(expected.length);
    await page.emulateMedia({ media: 'screen' });
    // What the print section holds when the page is laid out for print: read by a listener
    // that runs after the page's own.
    await page.evaluate(() => {
      window.addEventListener('beforeprint', () => {
        const section = document.querySelector('[data-testid="print-selection"]')!;
        document.documentElement.dataset.printed = JSON.stringify({
          text: section.textContent,
          quoted: [...section.querySelectorAll('[data-sentence]')].map((li) =>
            li.getAttribute('data-sentence'),
          ),
        });
      });
    });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const printed = JSON.parse(
      (await page.evaluate(() => document.documentElement.dataset.printed)) ?? 'null',
    );
    expect(printed?.text).toContain(
      `Readmission & return: ${expected.length} of ${doc.sentences.length} sentences`,
    );
    expect(printed?.quoted).toEqual(expected.map((s) => s.id));
    expect(problems).toEqual([]);
  });

  it('says so in print when the GCM context views were never scrolled to', async () => {
    await page.goto(dashboard.url);
    await chartsDrawn(page);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('figure[data-chart]').count()).toBe(VIEWS.length - 2);
    const note = page.locator('.context-note');
    expect(await note.isVisible()).toBe(true);
    expect(await note.textContent()).toContain('had not been loaded when this page was printed');
    await page.emulateMedia({ media: 'screen' });
    expect(await note.isVisible()).toBe(false);
  });

  it('prints in light colours when the screen is dark', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${dashboard.url}?theme=readmission`);
    await chartsDrawn(page);
    const svgs = () =>
      page
        .locator('figure[data-chart] svg')
        .evaluateAll((nodes) => nodes.map((n) => new XMLSerializer().serializeToString(n)).join());
    expect(await svgs()).toContain('#56b4e9'); // the dark scheme's demand colour, on screen

    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    await expect.poll(svgs).toContain('#0072b2'); // the light scheme's
    expect(await svgs()).not.toContain('#56b4e9');
    const colours = await page.evaluate(() => ({
      page: getComputedStyle(document.documentElement).backgroundColor,
      ink: getComputedStyle(document.body).color,
      frame: getComputedStyle(document.querySelector('figure[data-chart]')!).backgroundColor,
    }));
    expect(colours).toEqual({
      page: 'rgb(255, 255, 255)',
      ink: 'rgb(0, 0, 0)',
      frame: 'rgb(255, 255, 255)',
    });
    expect((await page.pdf({ format: 'A4' })).length).toBeGreaterThan(1000);

    await page.emulateMedia({ media: 'screen', colorScheme: 'dark' });
    await expect.poll(svgs).toContain('#56b4e9');
  });

  it('prints an embedded view: its chart and source, the quoted selection, no controls', async () => {
    await page.goto(`${dashboard.url}?embed=attribution&actor=western_states`);
    await chartsDrawn(page);
    await page.emulateMedia({ media: 'print' });
    expect(await visibleControls()).toEqual([]);
    const figures = page.locator('figure[data-chart]');
    expect(await figures.count()).toBe(1);
    expect(await figures.locator('figcaption').textContent()).toMatch(/^Source: /);
    const expected = [
      ...new Set(
        doc.attributions.filter((a) => a.actor === 'western_states').map((a) => a.sentence),
      ),
    ];
    await expect
      .poll(async () => (await printedQuotes()).map((q) => q.id))
      .toEqual(doc.sentences.filter((s) => expected.includes(s.id)).map((s) => s.id));
    expect((await printedQuotes()).map((q) => q.text)).toEqual(
      doc.sentences.filter((s) => expected.includes(s.id)).map((s) => s.text),
    );
    expect(await page.getByTestId('print-selection').textContent()).toContain(
      `Online: ${dashboard.url}?actor=western_states`,
    );
    const pdf = await page.pdf({ format: 'A4' });
    expect(pageCount(pdf)).toBeLessThanOrEqual(3);
    expect(problems).toEqual([]);
  });

  it('says so when nothing is selected', async () => {
    await page.goto(`${dashboard.url}?embed=timeline`);
    await chartsDrawn(page);
    await page.emulateMedia({ media: 'print' });
    const section = page.getByTestId('print-selection');
    await expect.poll(() => section.textContent()).toContain('Nothing selected');
    expect(await printedQuotes()).toEqual([]);
  });
});
