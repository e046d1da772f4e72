import { beforeEach, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { VIEWS } from '../../src/lib/charts/registry.ts';
import { doc } from '../helpers/dataset.ts';
import { chartsDrawn, watchProblems, useDashboard } from './browser.ts';

const dashboard = useDashboard();
let context: BrowserContext;
let page: Page;
let problems: string[];

beforeEach(async () => {
  context?.close();
  context = await dashboard.browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  problems = watchProblems(page);
});

const sentencesWith = (theme: string) =>
  doc.sentences.filter((s) => s.themes.some((t) => t.theme === theme)).map((s) => s.id);

async function highlightedInReader(): Promise<string[]> {
  return page
    .locator('[data-testid="reader"] .sentence.hit')
    .evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).dataset.sentence!));
}

describe('the dashboard in a real browser', () => {
  it('loads under its Content-Security-Policy with no console error and no failed request', async () => {
    const response = await page.goto(dashboard.url);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await chartsDrawn(page);
    await expect
      .poll(() => page.locator('[data-testid="reader"] .sentence').count())
      .toBe(doc.sentences.length);
    expect(problems).toEqual([]);
  });

  it('draws each chart once, at the width of its box, not first at a default width', async () => {
    // Every horizontal position or size written to an element already in a chart, from the
    // first byte on: a chart drawn again at another width rewrites them all.
    await page.addInitScript(() => {
      const w = window as unknown as { rewritten: string[] };
      w.rewritten = [];
      new MutationObserver((records) => {
        for (const r of records) {
          const el = r.target as Element;
          if (el.closest?.('[data-chart]')) w.rewritten.push(`${el.tagName} ${r.attributeName}`);
        }
      }).observe(document, {
        subtree: true,
        attributeFilter: ['width', 'viewBox', 'x', 'x1', 'x2', 'cx', 'd', 'points'],
      });
    });
    await page.goto(dashboard.url);
    await chartsDrawn(page);
    await page.waitForTimeout(500);
    const widths = await page
      .locator('[data-chart-svg], [data-testid="theme-overview"] svg')
      .evaluateAll((svgs) => svgs.map((s) => s.getAttribute('width')));
    // The page is 1,280 px wide: the charts' boxes are wider than the default of 640.
    expect(widths.length).toBeGreaterThanOrEqual(4);
    for (const w of widths) expect(Number(w)).toBeGreaterThan(640);
    expect(
      await page.evaluate(() => (window as unknown as { rewritten: string[] }).rewritten),
    ).toEqual([]);
  });

  it('draws the charts together: no frame shows some of them drawn and others still waiting', async () => {
    // The number of charts drawn in every frame the page paints, from the first on.
    await page.addInitScript(() => {
      const w = window as unknown as { drawnPerFrame: number[] };
      w.drawnPerFrame = [];
      const count = () => {
        const figures = new Set(
          [...document.querySelectorAll('[data-chart-svg], [data-testid="theme-overview"] svg')]
            .map((svg) => svg.closest('figure[data-chart]'))
            .filter((f) => f !== null),
        );
        w.drawnPerFrame.push(figures.size);
        requestAnimationFrame(count);
      };
      requestAnimationFrame(count);
    });
    await page.goto(dashboard.url);
    await chartsDrawn(page);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    const counts = await page.evaluate(
      () => (window as unknown as { drawnPerFrame: number[] }).drawnPerFrame,
    );
    // The first frame with any chart drawn has all the statement's charts (the GCM context's
    // two views below them load later, as they come near).
    const first = counts.find((n) => n > 0);
    expect(first).toBe(VIEWS.filter((v) => v.part === 'statement').length);
    expect(problems).toEqual([]);
  });

  it('builds no locale formatter on its way to the first drawing (the first costs 50-110 ms)', async () => {
    await page.addInitScript(() => {
      const w = window as unknown as { built: string[] };
      w.built = [];
      const intl = Intl as unknown as Record<string, new (...args: unknown[]) => object>;
      for (const name of ['NumberFormat', 'DateTimeFormat', 'Collator', 'PluralRules']) {
        intl[name] = new Proxy(intl[name], {
          construct(target, args: unknown[]) {
            w.built.push(name);
            return Reflect.construct(target, args) as object;
          },
        });
      }
    });
    await page.goto(dashboard.url);
    await chartsDrawn(page);
    expect(await page.evaluate(() => (window as unknown as { built: string[] }).built)).toEqual([]);
    // The charts still print their numbers: the theme overview's counts, for one.
    await expect
      .poll(() => page.locator('[data-testid="theme-overview"] svg text').allTextContents())
      .toContain(String(sentencesWith('control').length));
    expect(problems).toEqual([]);
  });

  it('restores a selection from a copied link', async () => {
    await page.goto(`${dashboard.url}?theme=readmission`);
    await chartsDrawn(page);
    await expect.poll(highlightedInReader).toEqual(sentencesWith('readmission'));
    await expect
      .poll(() => page.getByTestId('selection-summary').textContent())
      .toContain(`${sentencesWith('readmission').length} of ${doc.sentences.length} sentences`);
    expect(problems).toEqual([]);
  });

  it('clears the selection with Escape', async () => {
    await page.goto(`${dashboard.url}?theme=security`);
    await chartsDrawn(page);
    await expect.poll(highlightedInReader).toEqual(sentencesWith('security'));
    await page.keyboard.press('Escape');
    await expect.poll(highlightedInReader).toEqual([]);
    await expect
      .poll(() => page.getByTestId('selection-summary').textContent())
      .toContain('Nothing selected');
    await expect.poll(() => new URL(page.url()).search).toBe('');
  });

  it('steps back and forward through selections', async () => {
    await page.goto(dashboard.url);
    await chartsDrawn(page);
    const reader = page.getByTestId('reader');
    await reader.locator('[data-sentence="s5"]').click();
    await reader.locator('[data-sentence="s27"]').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('sentence')).toBe('s27');
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('sentence')).toBe('s5');
    await expect.poll(highlightedInReader).toEqual(['s5']);
    await page.goForward();
    await expect.poll(highlightedInReader).toEqual(['s27']);
  });

  it('carries its tab icon in the page, so a selection requests nothing for it', async () => {
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(dashboard.url);
    await chartsDrawn(page);
    const icon = await page.evaluate(async () => {
      const href = document.querySelector<HTMLLinkElement>('link[rel="icon"]')!.href;
      const image = new Image();
      image.src = href;
      await image.decode();
      return { type: href.slice(0, href.indexOf(',')), size: [image.width, image.height] };
    });
    expect(icon).toEqual({ type: 'data:image/png;base64', size: [32, 32] });
    // Each selection is a history entry, to which the browser applies the page's icon again.
    // (The first selection also loads the sentence detail's code.)
    const reader = page.getByTestId('reader');
    await reader.locator('[data-sentence="s2"]').click();
    await expect
      .poll(() => page.getByTestId('sentence-detail').textContent({ timeout: 5000 }))
      .toContain('Sentence 2');
    await page.waitForTimeout(300);
    const before = requests.length;
    for (const id of ['s5', 's27', 's9']) {
      await reader.locator(`[data-sentence="${id}"]`).click();
      await expect.poll(() => new URL(page.url()).searchParams.get('sentence')).toBe(id);
    }
    // An icon behind a URL is requested within a few tens of milliseconds of each entry.
    await page.waitForTimeout(300);
    expect(requests.slice(before)).toEqual([]);
  });

  it('scrolls the statement to a selected sentence far down, inside its own box', async () => {
    await page.goto(`${dashboard.url}?sentence=s30`);
    await chartsDrawn(page);
    const visible = () =>
      page.evaluate(() => {
        const box = document
          .querySelector<HTMLElement>('[data-testid="reader"] .sentence')!
          .closest<HTMLElement>('[data-testid="reader"]')!;
        const scroller = [box, ...box.querySelectorAll<HTMLElement>('*')].find(
          (el) =>
            el.scrollHeight > el.clientHeight + 1 && getComputedStyle(el).overflowY !== 'visible',
        )!;
        const s = box.querySelector<HTMLElement>('[data-sentence="s30"]')!.getBoundingClientRect();
        const b = scroller.getBoundingClientRect();
        return { scrolled: scroller.scrollTop > 0, inside: s.top >= b.top && s.bottom <= b.bottom };
      });
    await expect.poll(visible).toEqual({ scrolled: true, inside: true });
  });

  it('keeps the statement and the sentence read in view beside the charts as the page scrolls', async () => {
    await page.goto(dashboard.url);
    await chartsDrawn(page);
    /** 'in view' when the element is whole between the selection bar and the window's foot,
     * and inside the statement's box if it is in it. */
    const inView = (selector: string) =>
      page.evaluate((selector) => {
        const bar = document.querySelector('[data-testid="selection-bar"]')!;
        const el = document.querySelector(selector);
        if (!el) return `${selector}: not on the page`;
        const box = el.closest('[data-testid="reader"]')?.getBoundingClientRect();
        const top = Math.max(bar.getBoundingClientRect().bottom, box?.top ?? 0);
        const bottom = Math.min(window.innerHeight, box?.bottom ?? Infinity);
        const r = el.getBoundingClientRect();
        return r.top >= top && r.bottom <= bottom
          ? 'in view'
          : `${selector} at ${Math.round(r.top)}..${Math.round(r.bottom)} px, shown: ${Math.round(top)}..${Math.round(bottom)} px`;
      }, selector);
    const scrollY = () => page.evaluate(() => window.scrollY);
    // A cell of the co-occurrence matrix, far down the page.
    const cell = page.locator('[data-cell][data-count]:not([data-count="0"])').last();
    await cell.scrollIntoViewIfNeeded();
    const atMatrix = await scrollY();
    expect(atMatrix).toBeGreaterThan(1500);
    await cell.click();
    await expect.poll(() => inView('[data-testid="reader"] .sentence.hit')).toBe('in view');
    expect(await inView('#reader-title')).toBe('in view');
    // The statement scrolled inside its own box: the page stayed at the chart.
    expect(await scrollY()).toBe(atMatrix);
    // A sentence picked on the timeline, near the top; the page then scrolled to the matrix.
    await page.evaluate(() => window.scrollTo(0, 0));
    const mark = page.locator('rect.mark[data-sentence="s27"]').first();
    await mark.click();
    const detail = page.getByTestId('sentence-detail');
    await expect.poll(() => detail.textContent()).toContain('Sentence 27');
    // The pointer leaves the charts first: left where it clicked, the page would scroll a chart
    // under it, whose hover previews other sentences (as a person's pointer would).
    await page.mouse.move(0, 0);
    await cell.scrollIntoViewIfNeeded();
    expect(await scrollY()).toBeGreaterThan(1500);
    expect(await inView('[data-testid="sentence-detail"]')).toBe('in view');
    expect(await inView('[data-testid="reader"] .sentence.hit')).toBe('in view');
    expect(problems).toEqual([]);
  });

  it('reads a sentence from the keyboard alone', async () => {
    await page.goto(dashboard.url);
    await chartsDrawn(page);
    await page.locator('[data-testid="reader"] [data-sentence="s1"]').focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const detail = page.getByTestId('sentence-detail');
    await expect.poll(() => detail.textContent()).toContain('Sentence 5');
    expect(await detail.textContent()).toContain(doc.sentences[4].text);
    expect(await detail.getByTestId('detail-modality').textContent()).toContain('Rejection');
  });

  it('reads each sentence from its top, in a box that stays put from one sentence to the next', async () => {
    await page.goto(dashboard.url);
    await chartsDrawn(page);
    const detail = page.getByTestId('sentence-detail');
    /** Where the statement's box and the sentence read are (top and height, in px). */
    const boxes = () =>
      page.evaluate(() => {
        const at = (selector: string) => {
          const r = document.querySelector(selector)!.getBoundingClientRect();
          return [Math.round(r.top), Math.round(r.height)];
        };
        return {
          statement: at('[data-testid="reader"]'),
          read: at('[data-testid="sentence-detail"]'),
        };
      });
    const pick = async (order: number) => {
      await page.locator(`[data-testid="reader"] [data-sentence="s${order}"]`).click();
      await expect
        .poll(() => detail.locator('h2').textContent())
        .toMatch(new RegExp(`^\\s*Sentence ${order}\\s`));
    };
    const fills = () => detail.evaluate((d) => d.scrollHeight > d.clientHeight);
    // A sentence with little to read, then one with more than its box holds.
    await pick(16);
    expect(await fills()).toBe(false);
    const first = await boxes();
    await pick(26);
    expect(await fills()).toBe(true);
    expect(await boxes()).toEqual(first);
    // Read to its end, then another sentence: read from its top.
    await detail.evaluate((d) => d.scrollTo(0, d.scrollHeight));
    await expect.poll(() => detail.evaluate((d) => d.scrollTop)).toBeGreaterThan(0);
    await pick(2);
    await expect.poll(() => detail.evaluate((d) => d.scrollTop)).toBe(0);
    expect(await boxes()).toEqual(first);
    expect(problems).toEqual([]);
  });

  it('shows a selection summary of any length whole, taking more than its two lines only when it needs them', async () => {
    await page.setViewportSize({ width: 390, height: 900 });
    await page.goto(dashboard.url);
    await chartsDrawn(page);
    const summary = page.getByTestId('selection-summary');
    /** The height of the summary's box, and of its text (px). */
    const heights = () =>
      summary.evaluate((p) => [
        p.clientHeight,
        p.firstElementChild!.getBoundingClientRect().height,
      ]);
    const [kept, idleText] = await heights();
    expect(idleText).toBeLessThanOrEqual(kept + 1);
    const texts: number[] = [];
    const rows = page.locator('[data-row-theme]');
    for (let i = 0; i < 6; i++) {
      const before = await summary.textContent();
      await rows.nth(i).click({ modifiers: i > 0 ? ['Shift'] : [] });
      await expect.poll(() => summary.textContent()).not.toBe(before);
      const [box, text] = await heights();
      expect(
        Math.abs(box - Math.max(kept, text)),
        `${i + 1} themes: box ${box}, text ${text}`,
      ).toBeLessThanOrEqual(1);
      texts.push(text);
    }
    // Some of those summaries took more than two lines, and some did not.
    expect(Math.max(...texts)).toBeGreaterThan(kept + 1);
    expect(Math.min(...texts)).toBeLessThanOrEqual(kept + 1);
    await page.keyboard.press('Escape');
    await expect.poll(heights).toEqual([kept, idleText]);
    expect(problems).toEqual([]);
  });

  it('clicking the readmission bar highlights its sentences in the reader and dims the rest of the timeline', async () => {
    await page.goto(dashboard.url);
    await chartsDrawn(page);
    await page.locator('[data-row-theme="readmission"]').click();
    const expected = sentencesWith('readmission');
    await expect.poll(highlightedInReader).toEqual(expected);
    const marks = page.locator('rect.mark');
    const bright = await marks.evaluateAll((nodes) =>
      nodes
        .filter((n) => !n.hasAttribute('data-dimmed'))
        .map((n) => n.getAttribute('data-sentence')),
    );
    expect([...new Set(bright)].sort()).toEqual([...expected].sort());
    const dimmed = await page.locator('rect.mark[data-dimmed]').count();
    expect(dimmed).toBe(doc.counts.themeCodings - bright.length);
    await expect.poll(() => new URL(page.url()).searchParams.get('theme')).toBe('readmission');
    expect(problems).toEqual([]);
  });

  it.each([1280, 390])(
    'keeps the charts in place as selections come and go, at %i px',
    async (width) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(dashboard.url);
      await chartsDrawn(page);
      // How tall the selection bar is and where each chart of the statement starts: a bar or a
      // chart that grows pushes the charts below it down under a still pointer, which then
      // hovers (and previews) another mark. (The context views, below them all, load once the
      // page is scrolled near them.)
      const place = () =>
        page.evaluate(() => [
          document.querySelector('[data-testid="selection-bar"]')!.getBoundingClientRect().height,
          ...[...document.querySelectorAll<HTMLElement>('main figure[data-chart]')]
            .filter((f) => !f.closest('.context-views'))
            .map((f) => `${f.dataset.chart} at ${f.getBoundingClientRect().top}`),
        ]);
      const idle = await place();
      const clear = page.getByRole('button', { name: 'Clear selection' });
      expect(await clear.count(), 'no button to clear while nothing is selected').toBe(0);
      const selections: [string, () => Promise<void>][] = [
        ['a theme bar', () => page.locator('[data-row-theme="readmission"]').click()],
        ['an actor', () => page.locator('[data-actor="western_states"]').first().click()],
        ['a timeline mark', () => page.locator('rect.mark').nth(3).click()],
        ['a sentence', () => page.locator('[data-testid="reader"] [data-sentence="s30"]').click()],
      ];
      const summary = () => page.getByTestId('selection-summary').textContent();
      for (const [what, select] of selections) {
        const before = await summary();
        await page.evaluate(() => window.scrollTo(0, 0));
        await select();
        // Measured once this selection shows, not while the one before still does.
        await expect.poll(summary, { message: what }).not.toBe(before);
        expect(await clear.count(), what).toBe(1);
        await page.evaluate(() => window.scrollTo(0, 0));
        expect(await place(), `after selecting ${what}`).toEqual(idle);
      }
      // The pointer leaves the charts: scrolled back to the top under a still pointer, a mark
      // can come under it, and the browser's move after a scroll makes it preview itself.
      await page.mouse.move(0, 0);
      await page.keyboard.press('Escape');
      await expect.poll(() => clear.count()).toBe(0);
      expect(await place(), 'after Escape').toEqual(idle);
      // The theme overview's note on the selection keeps its line, hidden, with none: still in
      // the page (a note taken out would not be visible either).
      const note = page.getByText(/^Solid: the/);
      expect(await note.count()).toBe(1);
      expect(await note.isVisible()).toBe(false);
      expect(problems).toEqual([]);
    },
  );

  it('lays a chart far below the window out only as it comes near, at the height it was drawn', async () => {
    await page.goto(dashboard.url);
    await chartsDrawn(page);
    const far = page.locator('main figure[data-chart="cooccurrence"]');
    const box = () => far.evaluate((f) => f.getBoundingClientRect().height);
    const laidOut = () =>
      far
        .locator('svg')
        .first()
        .evaluate((svg) => svg.checkVisibility({ contentVisibilityAuto: true }));
    const drawn = await box();
    expect(drawn).toBeGreaterThan(300);
    // Left out of layout once the page shows every chart drawn: nothing below it moves.
    await expect.poll(laidOut).toBe(false);
    expect(await box()).toBe(drawn);
    // A selection made meanwhile shows there when it comes near.
    await page.locator('[data-testid="reader"] [data-sentence="s2"]').click();
    await expect
      .poll(() => page.getByTestId('selection-summary').textContent())
      .toContain('sentence 2');
    await far.scrollIntoViewIfNeeded();
    await expect.poll(laidOut).toBe(true);
    expect(await box()).toBe(drawn);
    expect(await far.locator('[data-dimmed]').count()).toBeGreaterThan(0);
    // Back at the top, the chart there is laid out again by the next frame.
    const first = page.locator('main figure[data-chart="theme-overview"] svg').first();
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect
      .poll(() => first.evaluate((svg) => svg.checkVisibility({ contentVisibilityAuto: true })))
      .toBe(true);
    expect(problems).toEqual([]);
  });

  it('clicking an actor shows its quotes', async () => {
    await page.goto(dashboard.url);
    await chartsDrawn(page);
    await page.locator('[data-actor="western_states"]').first().click();
    const quotes = doc.attributions.filter((a) => a.actor === 'western_states');
    const quoted = page.locator('[data-testid="reader"] .quote[role="mark"]');
    await expect.poll(() => quoted.count()).toBeGreaterThan(0);
    const marked = await quoted.allTextContents();
    for (const quote of quotes) expect(marked.join('')).toContain(quote.quote);
    // A quote is drawn on the mark colour, underlined dashed; evidence no selection marks keeps
    // its line, transparent, and no background.
    const drawn = (el: Element) => {
      const style = getComputedStyle(el);
      return [style.backgroundColor, style.borderBottom];
    };
    expect(await quoted.first().evaluate(drawn)).toEqual([
      'rgb(255, 224, 122)',
      '2px dashed rgb(11, 92, 173)',
    ]);
    const unmarked = page.locator('[data-testid="reader"] .seg:not([role])').first();
    expect(await unmarked.evaluate(drawn)).toEqual([
      'rgba(0, 0, 0, 0)',
      '2px solid rgba(0, 0, 0, 0)',
    ]);
    // Focusing one of its links shows that link's exact quote.
    const link = page.locator(`[data-link="${quotes[0].id}"]`);
    await link.focus();
    await expect.poll(() => page.locator('body').textContent()).toContain(quotes[0].quote);
  });

  it('works with the keyboard alone: tab to a chart, arrow to a theme, select, read, clear', async () => {
    await page.goto(dashboard.url);
    await chartsDrawn(page);
    let reached: string | null = null;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(
        () => document.activeElement?.getAttribute('data-row-theme') ?? null,
      );
    }
    expect(reached, 'Tab reaches the theme overview').not.toBeNull();
    const focusedTheme = () =>
      page.evaluate(() => document.activeElement?.getAttribute('data-row-theme'));
    for (let i = 0; i < 12 && (await focusedTheme()) !== 'security'; i++) {
      await page.keyboard.press('ArrowDown');
    }
    expect(await focusedTheme()).toBe('security');
    await page.keyboard.press('Enter');
    await expect.poll(highlightedInReader).toEqual(sentencesWith('security'));
    await page.getByRole('button', { name: 'Go to the sentences' }).press('Enter');
    const first = sentencesWith('security')[0];
    await expect
      .poll(() =>
        page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.sentence),
      )
      .toBe(first);
    await page.keyboard.press('Escape');
    await expect.poll(highlightedInReader).toEqual([]);
  });

  it('fits a 360 px phone without horizontal scrolling, and charts follow their container', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${dashboard.url}?theme=control`);
    await chartsDrawn(page);
    const overflow = () =>
      page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
    expect(await overflow()).toBeLessThanOrEqual(0);
    const chartWidths = () =>
      page
        .locator('figure[data-chart] svg[viewBox]')
        .evaluateAll((nodes) => nodes.map((n) => Math.round(n.getBoundingClientRect().width)));
    const narrow = await chartWidths();
    for (const w of narrow) expect(w).toBeLessThanOrEqual(360);
    await page.setViewportSize({ width: 1280, height: 900 });
    await expect.poll(async () => Math.max(...(await chartWidths()))).toBeGreaterThan(600);
    expect(await overflow()).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
  });

  it('follows the dark colour scheme', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(dashboard.url);
    await chartsDrawn(page);
    const background = await page.evaluate(
      () => getComputedStyle(document.documentElement).backgroundColor,
    );
    expect(background).toBe('rgb(16, 17, 20)');
    const bar = await page
      .locator('figure[data-chart] svg')
      .first()
      .evaluate((svg) => new XMLSerializer().serializeToString(svg));
    expect(bar).toContain('#56b4e9'); // the dark scheme's demand colour
  });
});
