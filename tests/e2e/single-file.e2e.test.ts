import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { doc } from '../helpers/dataset.ts';
import { chartsDrawn, e2eOutDir, launchBrowser, watchProblems } from './browser.ts';

/**
 * The one-file build (`npm run build:single`) opened from file:// with the network cut off:
 * it must draw everything from the one file and keep its selection in the URL hash.
 */
const singleOutDir = fileURLToPath(new URL('../../node_modules/.e2e-single', import.meta.url));

let browser: Browser;
let html: string;
let fileUrl: string;
let context: BrowserContext;
let page: Page;
let problems: string[];
/** Every request that is not the file itself or in-memory data. */
let leaks: string[];

beforeAll(async () => {
  // In a child process with the test runner's variables removed: inside it Svelte would
  // resolve its server build (see build.ts).
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'NODE_ENV'),
  );
  const vite = fileURLToPath(new URL('../../node_modules/vite/bin/vite.js', import.meta.url));
  execFileSync(
    process.execPath,
    [vite, 'build', '-c', 'vite.singlefile.config.ts', '--logLevel', 'warn']
      // Its own folder, so that the test leaves `dist-single/` as the analyst built it.
      .concat(['--outDir', singleOutDir, '--emptyOutDir']),
    { env, stdio: 'inherit', cwd: fileURLToPath(new URL('../..', import.meta.url)) },
  );
  const files = readdirSync(singleOutDir);
  expect(files).toEqual(['gcm-position-dashboard.html']);
  const path = join(singleOutDir, files[0]);
  html = readFileSync(path, 'utf8');
  fileUrl = pathToFileURL(path).href;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  await context?.close();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  leaks = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    leaks.push(url);
    return route.abort();
  });
  page = await context.newPage();
  page.on('request', (request) => {
    if (!/^(file|data|blob):/.test(request.url())) leaks.push(request.url());
  });
  problems = watchProblems(page);
});

const sentencesWith = (theme: string) =>
  doc.sentences.filter((s) => s.themes.some((t) => t.theme === theme)).map((s) => s.id);

const highlightedInReader = () =>
  page
    .locator('[data-testid="reader"] .sentence.hit')
    .evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).dataset.sentence!));

const hashParam = (name: string) =>
  new URLSearchParams(new URL(page.url()).hash.slice(1)).get(name);

describe('the one-file build', () => {
  it('is one HTML file that references nothing outside itself', () => {
    // The markup around the inline script and style: one inline module script, one style, and
    // no attribute URL but in-page anchors and data: URLs. (The script's own strings, such as
    // the embed snippet it offers to copy, are text, not references: the browser test below
    // proves that nothing is requested.)
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)];
    expect(scripts.map((m) => m[1].trim())).toEqual(['type="module" crossorigin']);
    expect(scripts[0][2].length).toBeGreaterThan(100_000);
    expect(styles).toHaveLength(1);
    const markup = html
      .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '<script></script>')
      .replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, '<style></style>');
    expect(markup).not.toMatch(/<link\b[^>]*\brel="(stylesheet|modulepreload|preload)"/i);
    const urls = [...markup.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
    expect(urls.filter((u) => !u.startsWith('#') && !u.startsWith('data:'))).toEqual([]);
    expect(styles[0][1]).not.toMatch(/url\(\s*['"]?(?!data:|#)/i);
    expect(styles[0][1]).not.toMatch(/@import/);
    // The dataset is inside, and no file of it is fetched.
    const sentence = JSON.stringify(doc.sentences[4].text).slice(1, -1);
    expect(scripts[0][2].includes(sentence), 'the dataset is inlined').toBe(true);
    expect(html.includes('dataset.json'), 'no dataset file is referenced').toBe(false);
  });

  it('leaves the served build fetching its dataset at run time', () => {
    const assets = readdirSync(join(e2eOutDir, 'assets'));
    expect(assets.filter((f) => /^dataset-.*\.json$/.test(f))).toHaveLength(1);
    const scripts = assets.filter((f) => f.endsWith('.js'));
    const dataset = assets.find((f) => /^dataset-.*\.json$/.test(f))!;
    const code = scripts.map((f) => readFileSync(join(e2eOutDir, 'assets', f), 'utf8'));
    expect(code.some((c) => c.includes(dataset))).toBe(true); // fetched by its URL
    for (const c of code)
      expect(c).not.toContain(JSON.stringify(doc.sentences[4].text).slice(1, -1));
    // The one file is the served app plus the dataset, give or take a few kilobytes.
    const served = scripts.reduce((n, f) => n + statSync(join(e2eOutDir, 'assets', f)).size, 0);
    const datasetSize = statSync(join(e2eOutDir, 'assets', dataset)).size;
    expect(served).toBeLessThan(Buffer.byteLength(html) - datasetSize * 0.9);
  });

  it('draws every chart from file:// with every network request blocked', async () => {
    await page.goto(fileUrl);
    await chartsDrawn(page);
    await expect
      .poll(() => page.locator('[data-testid="reader"] .sentence').count())
      .toBe(doc.sentences.length);
    expect(await page.locator('[data-testid="topic-timeline"] rect.mark').count()).toBe(
      doc.counts.themeCodings,
    );
    expect(await page.locator('[data-testid="theme-overview"] [data-row-theme]').count()).toBe(
      new Set(doc.sentences.flatMap((s) => s.themes.map((t) => t.theme))).size,
    );
    expect(await page.locator('[data-testid="attribution-svg"] [data-link]').count()).toBe(
      doc.attributions.length,
    );
    expect(await page.locator('[data-testid="cooccurrence"] [data-cell]').count()).toBeGreaterThan(
      0,
    );
    expect(problems).toEqual([]);
    expect(leaks).toEqual([]);
  });

  it('keeps the selection in the hash and restores it on reload', async () => {
    await page.goto(fileUrl);
    await chartsDrawn(page);
    await page.locator('[data-row-theme="readmission"]').click();
    await expect.poll(highlightedInReader).toEqual(sentencesWith('readmission'));
    await expect.poll(() => new URL(page.url()).hash).toContain('theme=readmission');
    expect(new URL(page.url()).search).toBe('');

    await page.reload();
    await chartsDrawn(page);
    await expect.poll(highlightedInReader).toEqual(sentencesWith('readmission'));
    await expect
      .poll(() => page.getByTestId('selection-summary').textContent())
      .toContain(`${sentencesWith('readmission').length} of ${doc.sentences.length} sentences`);
    expect(problems).toEqual([]);
    expect(leaks).toEqual([]);
  });

  it('opens a shared link with a hash, steps back and forward, and follows an edited hash', async () => {
    await page.goto(`${fileUrl}#theme=readmission&sentence=s12`);
    await chartsDrawn(page);
    await expect.poll(highlightedInReader).toEqual(['s12']);
    await expect
      .poll(() => page.getByTestId('sentence-detail').textContent())
      .toContain(doc.sentences[11].text);

    const reader = page.getByTestId('reader');
    await reader.locator('[data-sentence="s5"]').click();
    await reader.locator('[data-sentence="s27"]').click();
    await expect.poll(() => hashParam('sentence')).toBe('s27');
    await page.goBack();
    await expect.poll(() => hashParam('sentence')).toBe('s5');
    await expect.poll(highlightedInReader).toEqual(['s5']);
    await page.goForward();
    await expect.poll(highlightedInReader).toEqual(['s27']);

    await page.evaluate(() => (window.location.hash = '#theme=security'));
    await expect.poll(highlightedInReader).toEqual(sentencesWith('security'));
    await page.keyboard.press('Escape');
    await expect.poll(highlightedInReader).toEqual([]);
    expect(page.url()).toBe(fileUrl);
    expect(problems).toEqual([]);
    expect(leaks).toEqual([]);
  });
});
