import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  chromium,
  type Browser,
  type ConsoleMessage,
  type Frame,
  type Page,
} from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll } from 'vitest';

/** Where the browser tests build the app; `E2E_OUT_DIR` gives another folder (two runs at once). */
export const e2eOutDir =
  process.env.E2E_OUT_DIR ??
  fileURLToPath(new URL('../../node_modules/.e2e-dist', import.meta.url));

/** Chromium: CHROME_PATH first, then Debian's package. */
export function chromePath(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((path) => path && existsSync(path));
  if (!found) {
    throw new Error(
      'Chromium not found: set CHROME_PATH or install it (apt-get install -y chromium).',
    );
  }
  return found;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromePath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The production build served like `npm start` serves it, Content-Security-Policy included. */
export async function startServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: PreviewServer = await preview({
    logLevel: 'warn',
    build: { outDir: e2eOutDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: true },
  });
  const url = server.resolvedUrls!.local[0];
  return { url, close: () => new Promise((resolve) => server.httpServer.close(() => resolve())) };
}

/** Everything a page reports that a user or an operator would call a problem. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.push(`console ${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  // A reload or a step back aborts what is still loading (the favicon, say): not a problem. A
  // request the app needs and loses shows as its own error on the page.
  page.on('requestfailed', (request) => {
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') {
      problems.push(`request failed: ${request.url()}`);
    }
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}

/** Waits until the app in `target` (a page, or an iframe's frame) has drawn every chart. */
export async function chartsDrawn(target: Page | Frame, timeout = 15_000): Promise<void> {
  await target.waitForFunction(
    () => performance.getEntriesByName('charts-drawn').length > 0,
    null,
    { timeout },
  );
}

/**
 * Chromium and the production server, started once for the test file that calls this and
 * stopped after it.
 */
export function useDashboard(): { readonly browser: Browser; readonly url: string } {
  let browser: Browser | undefined;
  let server: { url: string; close: () => Promise<void> } | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startServer();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      return browser!;
    },
    get url() {
      return server!.url;
    },
  };
}
