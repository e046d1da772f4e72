import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { VIEWS, type EmbedName } from '../../src/lib/charts/registry.ts';
import { EMBED_NAMES } from '../../src/lib/embed/mode.ts';
import { HEIGHT_MESSAGE, MAX_HEIGHT } from '../../src/lib/embed/protocol.ts';
import { doc } from '../helpers/dataset.ts';
import { snippetWithId } from '../helpers/embed.ts';
import { chartsDrawn, launchBrowser, startServer, watchProblems } from './browser.ts';
import { briefingPolicy, htmlPage, startHost, type HostServer } from './host-page.ts';
import { contextViewsDrawn } from './context-views.ts';

let browser: Browser;
let dashboard: { url: string; close: () => Promise<void> };
let dashboardOrigin: string;
let host: HostServer;
let context: BrowserContext;
let page: Page;
let problems: string[];

/** The iframe as the snippet writes it, sandboxed without allow-same-origin. */
const embedFrame = (id: string, query: string, extra = 'data-gcm-embed sandbox="allow-scripts"') =>
  `<iframe id="${id}" ${extra} src="${dashboard.url}${query.replace(/&/g, '&amp;')}" title="${id}" width="100%" height="150"></iframe>`;
const hostScript = () => `<script src="${dashboard.url}embed-host.js"></script>`;

beforeAll(async () => {
  browser = await launchBrowser();
  dashboard = await startServer();
  dashboardOrigin = new URL(dashboard.url).origin;
  host = await startHost(() => briefingPolicy(dashboardOrigin));
  host.page('/impostor.html', htmlPage('Impostor', '<p>Not the dashboard.</p>'));
  host.page(
    '/briefing.html',
    htmlPage(
      'Briefing',
      `<h1>Briefing</h1>
      ${embedFrame('embed', '?embed=timeline&theme=readmission')}
      ${embedFrame('unmarked', '?embed=themes', 'sandbox="allow-scripts"')}
      <iframe id="impostor" data-gcm-embed src="/impostor.html" title="impostor" width="100%" height="150"></iframe>
      ${hostScript()}`,
    ),
  );
  // The snippets as pasted from the Embed dialog, each with its host script; the last one far
  // below the others.
  const snippet = (name: EmbedName) => snippetWithId(new URL(dashboard.url), name, name);
  host.page(
    '/snippets.html',
    htmlPage(
      'Snippets',
      `<h1>Briefing</h1>
      ${(['themes', 'timeline', 'attribution'] as const).map(snippet).join('<p>The briefing goes on.</p>')}
      ${'<p>The briefing goes on.</p>'.repeat(120)}
      ${snippet('cooccurrence')}`,
    ),
  );
  host.page(
    '/late.html',
    htmlPage('Late', `<h1>Host script added later</h1>${embedFrame('embed', '?embed=themes')}`),
  );
  host.page(
    '/all.html',
    htmlPage(
      'Every view',
      EMBED_NAMES.map((name) => embedFrame(name, `?embed=${name}&theme=control`)).join('\n') +
        hostScript(),
    ),
  );
});

afterAll(async () => {
  await browser?.close();
  await dashboard?.close();
  await host?.close();
});

beforeEach(async () => {
  await context?.close();
  context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  page = await context.newPage();
  problems = watchProblems(page);
});

/** How long an iframe may take to load and draw: the host page gives its views their turns one
 * after another, so the last of seven starts after the six before it, all on the same two cores
 * as the other test projects. */
const TURNS = 40_000;

/** The iframe's frame once its page has replaced the first, empty one (an iframe that waits
 * for its turn shows about:blank until then). */
async function frameOf(id: string): Promise<Frame> {
  const frame = () =>
    page
      .locator(`iframe#${id}`)
      .elementHandle()
      .then((el) => el!.contentFrame())
      .then((f) => f!);
  await expect.poll(async () => (await frame()).url(), { timeout: TURNS }).toMatch(/^https?:/);
  return frame();
}

const drawn = (frame: Frame) => chartsDrawn(frame, TURNS);

/** The height the frame gives its page (the default border left out). */
const iframeHeight = (id: string) => page.locator(`iframe#${id}`).evaluate((el) => el.clientHeight);

const contentHeight = (frame: Frame) =>
  frame.evaluate(() => document.documentElement.getBoundingClientRect().height);

/** Waits until the iframe is as tall as its content (within 2 px) and returns that height. */
async function sizedToContent(id: string): Promise<number> {
  const frame = await frameOf(id);
  await drawn(frame);
  await expect
    .poll(async () => Math.abs((await iframeHeight(id)) - (await contentHeight(frame))), {
      timeout: 10_000,
    })
    .toBeLessThanOrEqual(2);
  return iframeHeight(id);
}

/** Records every change of the iframes' style attributes on the host page from now on. */
const watchStyles = () =>
  page.evaluate(() => {
    const log: string[] = [];
    (window as unknown as { styleLog: string[] }).styleLog = log;
    new MutationObserver((records) => {
      for (const r of records)
        log.push(`${(r.target as Element).id}: ${(r.target as HTMLElement).style.cssText}`);
    }).observe(document.body, { attributes: true, attributeFilter: ['style'], subtree: true });
  });
const styleLog = () => page.evaluate(() => (window as unknown as { styleLog: string[] }).styleLog);

/**
 * Counts the end-of-test markers the host page receives (after the host script's own listener).
 * Messages from one window arrive in the order they were sent, so once a sender's marker is in,
 * the host has handled everything that sender posted before it; the embedded view's own height
 * reports, which may come at any time, are not counted.
 */
const countMarkers = () =>
  page.evaluate(() => {
    const w = window as unknown as { markers: number };
    w.markers = 0;
    window.addEventListener('message', (event) => {
      if (event.data === 'test:done') w.markers++;
    });
  });
const markers = () => page.evaluate(() => (window as unknown as { markers: number }).markers);

describe('embedding in a briefing page on another origin', () => {
  it('runs sandboxed in an opaque origin, loads its data, and is sized to its content', async () => {
    const response = await page.goto(`${host.url}briefing.html`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    const frame = await frameOf('embed');
    await drawn(frame);
    expect(await frame.evaluate(() => window.origin)).toBe('null');
    expect(await frame.locator('figure[data-chart] h2').textContent()).toBe(VIEWS[1].title);
    const height = await sizedToContent('embed');
    expect(height).toBeGreaterThan(300);
    // Nothing from the embedded view spills out or scrolls inside the frame.
    expect(await frame.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(
      Math.ceil(height),
    );
    // The unmarked dashboard iframe reports too, but is not the host script's to size.
    await drawn(await frameOf('unmarked'));
    expect(await iframeHeight('unmarked')).toBe(150);
    expect(await iframeHeight('impostor')).toBe(150);
    expect(problems).toEqual([]);
  });

  it('follows the content when it changes, and when the frame gets narrower', async () => {
    await page.goto(`${host.url}briefing.html`);
    const before = await sizedToContent('embed');
    const frame = await frameOf('embed');
    await frame.getByTestId('embed-sentences').locator('summary').click();
    await expect.poll(() => iframeHeight('embed')).toBeGreaterThan(before + 100);
    await sizedToContent('embed');
    await page.setViewportSize({ width: 420, height: 900 });
    await sizedToContent('embed');
    expect(problems).toEqual([]);
  });

  it('ignores height messages from the page itself, from an unmarked and from a foreign iframe', async () => {
    await page.goto(`${host.url}briefing.html`);
    const height = await sizedToContent('embed');
    await drawn(await frameOf('unmarked'));
    await watchStyles();
    await countMarkers();
    const fake = { type: HEIGHT_MESSAGE, view: 'timeline', height: 222 };
    const post = (data: unknown) => {
      for (const message of [data, 'test:done']) parent.postMessage(message, '*');
    };
    await page.evaluate(post, fake);
    await (await frameOf('impostor')).evaluate(post, fake);
    await (await frameOf('unmarked')).evaluate(post, fake);
    await expect.poll(markers).toBe(3);
    expect(await styleLog()).toEqual([]);
    expect(await iframeHeight('embed')).toBe(height);
    expect(await iframeHeight('impostor')).toBe(150);
    expect(await iframeHeight('unmarked')).toBe(150);
  });

  it('ignores malformed messages from its own iframe, and takes a well-formed one', async () => {
    await page.goto(`${host.url}briefing.html`);
    const height = await sizedToContent('embed');
    await watchStyles();
    await countMarkers();
    const frame = await frameOf('embed');
    const malformed: unknown[] = [
      null,
      'gcm-embed:height',
      JSON.stringify({ type: HEIGHT_MESSAGE, view: 'timeline', height: 222 }),
      [HEIGHT_MESSAGE, 'timeline', 222],
      { type: 'GCM-EMBED:HEIGHT', view: 'timeline', height: 222 },
      { type: HEIGHT_MESSAGE, height: 222 },
      { type: HEIGHT_MESSAGE, view: 'themes', height: 222 },
      { type: HEIGHT_MESSAGE, view: 'timeline', height: '222' },
      { type: HEIGHT_MESSAGE, view: 'timeline', height: 0 },
      { type: HEIGHT_MESSAGE, view: 'timeline', height: -222 },
      { type: HEIGHT_MESSAGE, view: 'timeline', height: MAX_HEIGHT + 1 },
      { type: HEIGHT_MESSAGE, view: 'timeline', height: Number.POSITIVE_INFINITY },
      { type: HEIGHT_MESSAGE, view: 'timeline', height: Number.NaN },
    ];
    await frame.evaluate((list) => {
      for (const data of [...list, 'test:done']) parent.postMessage(data, '*');
    }, malformed);
    await expect.poll(markers).toBe(1);
    expect(await styleLog()).toEqual([]);
    expect(await iframeHeight('embed')).toBe(height);
    // The same frame, well formed: taken (so the ones above were refused for their shape).
    await frame.evaluate((data) => parent.postMessage(data, '*'), {
      type: HEIGHT_MESSAGE,
      view: 'timeline',
      height: 333,
    });
    await expect.poll(() => iframeHeight('embed')).toBe(333);
  });

  it('sizes an iframe that loaded before the host script ran', async () => {
    await page.goto(`${host.url}late.html`);
    const frame = await frameOf('embed');
    await drawn(frame);
    await page.waitForTimeout(300);
    expect(await iframeHeight('embed')).toBe(150);
    await page.evaluate((src) => {
      const script = document.createElement('script');
      script.src = src;
      document.body.append(script);
    }, `${dashboard.url}embed-host.js`);
    expect(await sizedToContent('embed')).toBeGreaterThan(300);
    expect(problems).toEqual([]);
  });

  it('loads pasted snippets one view at a time, the top one first, and leaves far ones for later', async () => {
    // What the host page sees happen to its iframes, on its own clock, from before it is parsed.
    await page.addInitScript(() => {
      const log: string[] = [];
      (window as unknown as { turns: string[] }).turns = log;
      new MutationObserver((records) => {
        for (const { target } of records) {
          const iframe = target as HTMLIFrameElement;
          log.push(
            `${iframe.id} ${iframe.getAttribute('src') === 'about:blank' ? 'waits' : 'starts'}`,
          );
        }
      }).observe(document, { attributes: true, attributeFilter: ['src'], subtree: true });
      window.addEventListener('message', (event) => {
        const iframe = [...document.querySelectorAll('iframe')].find(
          (f) => f.contentWindow === event.source,
        );
        if (iframe && !log.includes(`${iframe.id} reports`)) log.push(`${iframe.id} reports`);
      });
    });
    await page.goto(`${host.url}snippets.html`);
    for (const name of ['themes', 'timeline', 'attribution']) {
      expect(await sizedToContent(name), name).toBeGreaterThan(300);
    }
    // Each view near the screen starts once the one above it has reported (it has its data).
    expect(await page.evaluate(() => (window as unknown as { turns: string[] }).turns)).toEqual([
      'timeline waits',
      'attribution waits',
      'themes reports',
      'timeline starts',
      'timeline reports',
      'attribution starts',
      'attribution reports',
    ]);
    const drawnAt = async (name: string) =>
      (await frameOf(name)).evaluate(
        () => performance.timeOrigin + performance.getEntriesByName('charts-drawn')[0].startTime,
      );
    expect(await drawnAt('themes')).toBeLessThan(await drawnAt('attribution'));
    // The far one kept its src and loads, as the browser loads lazy frames, when scrolled near.
    expect(await page.locator('iframe#cooccurrence').getAttribute('src')).toContain(
      'embed=cooccurrence',
    );
    await page.locator('iframe#cooccurrence').scrollIntoViewIfNeeded();
    expect(await sizedToContent('cooccurrence')).toBeGreaterThan(300);
    expect(problems).toEqual([]);
  });

  it(
    'embeds every view in a sandbox with no console error, each sized to its content',
    { timeout: 120_000 },
    async () => {
      await page.goto(`${host.url}all.html`);
      for (const name of EMBED_NAMES) expect(await sizedToContent(name), name).toBeGreaterThan(300);
      expect(problems).toEqual([]);
    },
  );
});

describe('embed mode', () => {
  it.each(EMBED_NAMES.map((name) => [name]))(
    '?embed=%s loads with no console error, without the app chrome, with titles and sources',
    async (name) => {
      await page.setViewportSize({ width: 640, height: 900 });
      await page.goto(`${dashboard.url}?embed=${name}&theme=readmission`);
      await chartsDrawn(page);
      // The GCM context views of the dashboard load as they come near the screen.
      if (name === 'dashboard') await contextViewsDrawn(page);
      for (const chrome of ['header', 'h1', '.masthead', '.skip', 'footer', '.colophon']) {
        expect(await page.locator(chrome).count(), chrome).toBe(0);
      }
      expect(await page.getByTestId('selection-bar').locator('button').count()).toBe(0);
      expect(await page.locator('[data-embed-button]').count()).toBe(0);
      const expected = name === 'dashboard' ? VIEWS : VIEWS.filter((v) => v.embed === name);
      const figures = page.locator('figure[data-chart]');
      expect(await figures.locator('h2').allTextContents()).toEqual(expected.map((v) => v.title));
      for (const source of await figures.locator('figcaption').allTextContents()) {
        expect(source).toMatch(/^Source: “.+” \(.+\); codebook v/);
      }
      expect(
        await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        ),
      ).toBeLessThanOrEqual(0);
      expect(problems).toEqual([]);
    },
  );

  it('names an unknown view instead of showing the dashboard', async () => {
    await page.goto(`${dashboard.url}?embed=timelines`);
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('There is no view called “timelines” to embed');
    expect(await page.locator('figure[data-chart]').count()).toBe(0);
    expect(problems).toEqual([]);
  });
});

describe('the Embed button', () => {
  it('gives the snippet from the keyboard, and the pasted snippet works under a strict CSP', async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: dashboardOrigin,
    });
    await page.goto(`${dashboard.url}?theme=readmission`);
    await chartsDrawn(page);
    const button = page.locator('figure[data-chart="topic-timeline"] [data-embed-button]');
    await button.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    const snippet = await dialog.locator('textarea').inputValue();
    expect(snippet).toContain(`src="${dashboard.url}?embed=timeline&amp;theme=readmission"`);
    expect(snippet).toContain(`<script src="${dashboard.url}embed-host.js"></script>`);

    // Copy, from the keyboard.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Copy');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.getByRole('status').textContent()).toContain('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);

    // Escape closes it and gives focus back to the button.
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(problems).toEqual([]);

    // Pasted as is into a briefing page.
    host.page('/pasted.html', htmlPage('Pasted', `<h1>Briefing</h1>\n${snippet}`));
    await page.goto(`${host.url}pasted.html`);
    const frame = await page
      .locator('iframe[data-gcm-embed]')
      .elementHandle()
      .then((el) => el!.contentFrame());
    await drawn(frame!);
    await expect
      .poll(
        async () =>
          Math.abs(
            (await page.locator('iframe').evaluate((el) => el.clientHeight)) -
              (await contentHeight(frame!)),
          ),
        { timeout: 10_000 },
      )
      .toBeLessThanOrEqual(2);
    expect(await frame!.locator('[data-testid="selection-summary"]').textContent()).toContain(
      `${doc.sentences.filter((s) => s.themes.some((t) => t.theme === 'readmission')).length} of ${doc.sentences.length}`,
    );
    expect(problems).toEqual([]);
  });
});
