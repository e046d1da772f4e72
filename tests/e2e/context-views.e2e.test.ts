import { beforeEach, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { doc } from '../helpers/dataset.ts';
import { gcmContext as gcm, outcomeMap } from '../helpers/context.ts';
import { chartsDrawn, watchProblems, useDashboard } from './browser.ts';
import { contextViewsDrawn } from './context-views.ts';

/**
 * The process timeline and the outcome map in the production build, under its
 * Content-Security-Policy: their data fetched on its own, the keyboard, the sources, the
 * linking with the other views, and their embeds.
 */

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

const highlightedInReader = () =>
  page
    .locator('[data-testid="reader"] .sentence.hit')
    .evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).dataset.sentence!));
const focused = (attribute: string) =>
  page.evaluate((name) => document.activeElement?.getAttribute(name) ?? null, attribute);
/** The focus ring of the focused mark, as the browser paints it. */
const ringOpacity = () =>
  page.evaluate(() => {
    const ring = document.activeElement?.querySelector('.ring');
    return ring ? getComputedStyle(ring).strokeOpacity : null;
  });

async function tabTo(selector: string): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

describe('the process timeline and the outcome map', () => {
  it('load their data in a request of their own, under the CSP, with no console error', async () => {
    await page.goto(dashboard.url);
    await chartsDrawn(page);
    await contextViewsDrawn(page);
    const resources = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((r) => r.name),
    );
    expect(resources.some((r) => /gcm-context-[\w-]+\.json$/.test(r))).toBe(true);
    expect(resources.some((r) => /gcm-outcomes-[\w-]+\.json$/.test(r))).toBe(true);
    expect(await page.locator('[data-testid="process-timeline"] [data-kind]').count()).toBe(
      gcm.events.length,
    );
    expect(await page.locator('[data-testid="outcome-map"] g.mark[data-key^="row:"]').count()).toBe(
      outcomeMap.entries.length,
    );
    expect(await page.getByTestId('outcome-summary').textContent()).toBe(
      '21 demands and rejections (14 demands, 7 rejections): 7 taken up, 9 partly, 4 not taken up, 1 contradicted.',
    );
    expect(problems).toEqual([]);
  });

  it('process timeline: Tab reaches it, arrows move with a visible ring, Enter pins, Escape clears', async () => {
    await page.goto(dashboard.url);
    await chartsDrawn(page);
    await contextViewsDrawn(page);
    await tabTo('[data-testid="process-timeline"] g.mark');
    expect(await focused('data-key')).toBe('phase:0');
    expect(await ringOpacity()).toBe('1');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Home');
    expect(await focused('data-start')).toBe('2016-09-19');
    expect(await ringOpacity()).toBe('1');
    // Focus shows the event and its source.
    const detail = page.getByTestId('process-detail');
    await expect.poll(() => detail.textContent()).toContain('19 Sep 2016, milestone, A/RES/71/1');
    expect(await detail.getByRole('link').getAttribute('href')).toBe(gcm.events[0].sources[0]);
    // The event the statement cites pins the sentence that cites it.
    await page.keyboard.press('Enter');
    await expect.poll(highlightedInReader).toEqual(['s1']);
    await expect.poll(() => new URL(page.url()).search).toBe('?sentence=s1');
    await page.keyboard.press('Escape');
    await expect.poll(highlightedInReader).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('process timeline: hovering an event shows its source; the unverified band says so', async () => {
    await page.goto(dashboard.url);
    await chartsDrawn(page);
    await contextViewsDrawn(page);
    const marrakech = gcm.events.findIndex((e) => /Marrakech/.test(e.label));
    // The conference's two days are a narrow bar: hover the bar itself.
    await page
      .locator(`[data-testid="process-timeline"] [data-key="event:${marrakech}"] rect`)
      .first()
      .hover();
    const detail = page.getByTestId('process-detail');
    await expect.poll(() => detail.textContent()).toContain('Marrakech: the compact is adopted');
    expect(await detail.getByRole('link').allTextContents()).toEqual(['un.org', 'news.un.org']);
    const band = page.locator('[data-window="unverified"]');
    expect(await band.getAttribute('aria-label')).toMatch(/^Submitted: date not verified\./);
    expect(await page.locator('[data-window-label]').textContent()).toMatch(/date not verified/i);
  });

  it('outcome map: a column pins the sentences it answers, the other views follow', async () => {
    await page.goto(dashboard.url);
    await chartsDrawn(page);
    await contextViewsDrawn(page);
    await page.locator('[data-testid="outcome-map"] g.mark[data-column="21"]').click();
    await expect.poll(highlightedInReader).toEqual(['s11', 's12', 's16', 's21']);
    await expect
      .poll(() => new URL(page.url()).search)
      .toBe('?objective=21&sentences=s11,s12,s16,s21');
    expect(await page.getByTestId('selection-summary').textContent()).toContain(
      `GCM objective 21: 4 of ${doc.sentences.length} sentences`,
    );
    // Back restores nothing selected; forward the objective again. (The pointer leaves the
    // chart first: resting on a mark previews its sentence.)
    await page.mouse.move(0, 0);
    await page.goBack();
    await expect.poll(highlightedInReader).toEqual([]);
    await page.goForward();
    await expect.poll(highlightedInReader).toEqual(['s11', 's12', 's16', 's21']);
    expect(
      await page
        .locator('[data-testid="outcome-map"] g.mark[data-column="21"]')
        .getAttribute('aria-pressed'),
    ).toBe('true');
    expect(problems).toEqual([]);
  });

  it('outcome map: a theme from a link lights its demands; the keyboard selects a row', async () => {
    await page.goto(`${dashboard.url}?theme=readmission`);
    await chartsDrawn(page);
    await contextViewsDrawn(page);
    const lit = await page
      .locator('[data-testid="outcome-map"] g.mark[data-key^="row:"]:not([data-dimmed])')
      .evaluateAll((nodes) => nodes.map((n) => (n as SVGElement).dataset.sentence));
    expect(lit).toEqual(['s11', 's12', 's21']);
    await page.keyboard.press('Escape');
    await expect.poll(highlightedInReader).toEqual([]);
    await tabTo('[data-testid="outcome-map"] g.mark');
    expect(await focused('data-column')).toBe('1');
    expect(await ringOpacity()).toBe('1');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Home');
    expect(await focused('data-key')).toBe('row:s5');
    await page.keyboard.press(' ');
    await expect.poll(highlightedInReader).toEqual(['s5']);
    await expect
      .poll(() => page.getByTestId('outcome-detail').textContent())
      .toContain('Taken up: para 15(b).');
    expect(problems).toEqual([]);
  });

  it.each([
    ['process', 'When the statement came: the GCM process'],
    ['outcomes', 'What the compact made of each demand'],
  ])('?embed=%s shows the view alone, with its sources and downloads', async (name, title) => {
    await page.setViewportSize({ width: 640, height: 900 });
    await page.goto(`${dashboard.url}?embed=${name}&theme=readmission`);
    await chartsDrawn(page);
    expect(await page.locator('figure[data-chart] h2').allTextContents()).toEqual([title]);
    expect(await page.locator('figure[data-chart] button[data-export="svg"]').count()).toBe(1);
    expect(await page.locator('figure[data-chart] figcaption').textContent()).toContain(
      'data/gcm-context.json',
    );
    expect(
      await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      ),
    ).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
  });

  it('an embedded view of the other charts does not fetch the context', async () => {
    await page.goto(`${dashboard.url}?embed=cooccurrence`);
    await chartsDrawn(page);
    const resources = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((r) => r.name),
    );
    expect(resources.filter((r) => /gcm-(context|outcomes)/.test(r))).toEqual([]);
  });
});
