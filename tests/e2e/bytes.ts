/**
 * Bytes a first visit downloads, by kind, as Chromium requested them: raw, and gzip-compressed
 * at level 9 (what a server sends with compression on). Shared by the budget test and the
 * benchmark.
 */
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { chartsDrawn, watchProblems } from './browser.ts';

export type Kind = 'js' | 'css' | 'data' | 'other';
export interface File {
  path: string;
  raw: number;
  gzip: number;
}
export type Bytes = Record<Kind, { raw: number; gzip: number; files: File[] }> & {
  /** Views that showed an error instead of their chart, and the console's errors. */
  problems: string[];
};

function kindOf(url: string, contentType: string): Kind {
  const path = new URL(url).pathname;
  if (path.endsWith('.js') || contentType.includes('javascript')) return 'js';
  if (path.endsWith('.css') || contentType.includes('text/css')) return 'css';
  if (path.endsWith('.json') || contentType.includes('json')) return 'data';
  return 'other';
}

/** Opens `url` in a fresh context (empty cache), waits for the charts, sums what was fetched. */
export async function firstLoadBytes(browser: Browser, url: string): Promise<Bytes> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = watchProblems(page);
  const fetched: { kind: Kind; url: string }[] = [];
  page.on('response', (response) => {
    if (!response.ok()) return;
    fetched.push({
      kind: kindOf(response.url(), response.headers()['content-type'] ?? ''),
      url: response.url(),
    });
  });
  await page.goto(url);
  await chartsDrawn(page);
  await page.waitForLoadState('networkidle');
  for (const error of await page.getByTestId('view-error').allTextContents()) problems.push(error);
  // Each body is asked for again, from the same server: the browser keeps no copy of a body
  // the page reads as a Blob (the dataset), so it cannot hand that one back.
  const bodies = fetched.map(async ({ kind, url }) => {
    const response = await context.request.get(url);
    if (!response.ok()) throw new Error(`${url} answered ${response.status()} when asked again`);
    return { kind, url, body: await response.body() };
  });
  const bytes: Bytes = {
    problems,
    js: { raw: 0, gzip: 0, files: [] },
    css: { raw: 0, gzip: 0, files: [] },
    data: { raw: 0, gzip: 0, files: [] },
    other: { raw: 0, gzip: 0, files: [] },
  };
  for (const item of await Promise.all(bodies)) {
    const file = {
      path: new URL(item.url).pathname,
      raw: item.body.length,
      gzip: gzipSync(item.body, { level: 9 }).length,
    };
    const entry = bytes[item.kind];
    entry.raw += file.raw;
    entry.gzip += file.gzip;
    entry.files.push(file);
  }
  await context.close();
  return bytes;
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
