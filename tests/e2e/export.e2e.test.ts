import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { chartsDrawn, launchBrowser, startServer, watchProblems } from './browser.ts';
import { contextViewsDrawn } from './context-views.ts';

/**
 * The download buttons in a real browser, under the production Content-Security-Policy:
 * "Download SVG" gives byte for byte the file `npm run export` writes for the same selection,
 * scheme and width; "Download PNG" gives the same picture at twice the size.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
const CHARTS = [
  'theme-overview',
  'topic-timeline',
  'attribution',
  'cooccurrence',
  'process-timeline',
  'outcome-map',
] as const;
type Chart = (typeof CHARTS)[number];

let browser: Browser;
let server: { url: string; close: () => Promise<void> };
const contexts: BrowserContext[] = [];
const outDir = mkdtempSync(join(tmpdir(), 'gcm-export-e2e-'));

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startServer();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.close();
  rmSync(outDir, { recursive: true, force: true });
});

async function open(
  query: string,
  options: { scheme?: 'light' | 'dark'; deviceScaleFactor?: number } = {},
): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    colorScheme: options.scheme ?? 'light',
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    acceptDownloads: true,
  });
  contexts.push(context);
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(`${server.url}${query}`);
  await chartsDrawn(page);
  await contextViewsDrawn(page);
  return { page, problems };
}

/** The width the chart is drawn at: the width of its frame's body, which it fills. */
const drawnWidth = (page: Page, chart: Chart) =>
  page.locator(`figure[data-chart="${chart}"] .chart-body`).evaluate((el) => el.clientWidth);

async function download(page: Page, chart: Chart, format: 'svg' | 'png'): Promise<Download> {
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 20_000 }),
    page.locator(`figure[data-chart="${chart}"] button[data-export="${format}"]`).click(),
  ]);
  return file;
}

const read = async (file: Download) => readFileSync((await file.path())!);

/** Runs `npm run export` (its script, without npm) into a folder of its own. */
function cliExport(args: string[]): string {
  const dir = mkdtempSync(join(outDir, 'cli-'));
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'NODE_ENV'),
  );
  const result = spawnSync(
    process.execPath,
    [join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/export.ts', ...args, '--out', dir],
    { cwd: root, env, encoding: 'utf8', timeout: 120_000 },
  );
  if (result.status !== 0) throw new Error(`npm run export failed:\n${result.stderr}`);
  return dir;
}

/** The PNG's size, from its IHDR chunk. */
function pngSize(bytes: Buffer): [number, number] {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

const svgSize = (svg: string): [number, number] => {
  const [, w, h] = /<svg[^>]* width="(\d+)" height="(\d+)"/.exec(svg)!;
  return [Number(w), Number(h)];
};

describe('exporting from the app', () => {
  it('Download SVG gives the same bytes as npm run export for the same state and width', async () => {
    const { page, problems } = await open('?theme=readmission');
    const downloads = new Map<Chart, { name: string; bytes: Buffer; width: number }>();
    for (const chart of CHARTS) {
      const file = await download(page, chart, 'svg');
      downloads.set(chart, {
        name: file.suggestedFilename(),
        bytes: await read(file),
        width: await drawnWidth(page, chart),
      });
    }
    expect(downloads.get('theme-overview')!.name).toBe(
      'gcm-position-theme-overview-readmission.svg',
    );
    // One CLI run per width the charts were drawn at (all the same in this layout).
    const widths = [...new Set([...downloads.values()].map((d) => d.width))];
    for (const width of widths) {
      const charts = CHARTS.filter((c) => downloads.get(c)!.width === width);
      const dir = cliExport([
        ...charts,
        '--select',
        'theme=readmission',
        '--scheme',
        'light',
        '--width',
        String(width),
        '--no-csv',
      ]);
      for (const chart of charts) {
        const got = downloads.get(chart)!;
        const expected = readFileSync(join(dir, got.name));
        expect(got.bytes.toString('utf8'), `${chart} at ${width} px`).toBe(
          expected.toString('utf8'),
        );
        expect(got.bytes.equals(expected)).toBe(true);
      }
    }
    expect(problems).toEqual([]);
  }, 180_000);

  it('the file does not depend on the screen: dark scheme on a 2x display equals the CLI', async () => {
    const { page, problems } = await open('?actor=western_states', {
      scheme: 'dark',
      deviceScaleFactor: 2,
    });
    const charts: Chart[] = ['theme-overview', 'attribution'];
    const files = [];
    for (const chart of charts) files.push(await download(page, chart, 'svg'));
    const width = await drawnWidth(page, 'theme-overview');
    expect(await drawnWidth(page, 'attribution')).toBe(width);
    const dir = cliExport([
      ...charts,
      '--select',
      'actor=western_states',
      '--scheme',
      'dark',
      '--width',
      String(width),
      '--no-csv',
    ]);
    for (const file of files) {
      expect(file.suggestedFilename()).toMatch(/-actor-western-states-dark\.svg$/);
      const expected = readFileSync(join(dir, file.suggestedFilename()), 'utf8');
      expect((await read(file)).toString('utf8')).toBe(expected);
    }
    expect(problems).toEqual([]);
  }, 180_000);

  it('Download PNG gives the same picture at twice the size, with no CSP complaint', async () => {
    const { page, problems } = await open('?theme=readmission');
    for (const chart of ['topic-timeline', 'cooccurrence', 'outcome-map'] as const) {
      const svg = (await read(await download(page, chart, 'svg'))).toString('utf8');
      const png = await download(page, chart, 'png');
      expect(png.suggestedFilename()).toBe(`gcm-position-${chart}-readmission.png`);
      const [w, h] = svgSize(svg);
      expect(pngSize(await read(png))).toEqual([2 * w, 2 * h]);
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it('keeps the export code out of the first load', async () => {
    const { page } = await open('');
    const before = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((r) => r.name),
    );
    await download(page, 'cooccurrence', 'svg');
    const after = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((r) => r.name),
    );
    const loaded = after.filter((name) => !before.includes(name) && name.endsWith('.js'));
    expect(loaded.length, 'a chunk loaded on the first download').toBeGreaterThan(0);
  }, 60_000);
});
