import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildDataset, buildDocument, serialize } from '../../src/pipeline/build.ts';
import { loadRules } from '../../src/pipeline/io.ts';
import { chartsDrawn, launchBrowser, startServer, watchProblems } from './browser.ts';

/** A statement whose words are markup and script: the dashboard must show them as text. */
const payloads = [
  '<img src=x onerror=alert(1)>',
  '</script><script>alert(2)</script>',
  'javascript:alert(3)',
  '<svg onload=alert(4)><a href="javascript:alert(5)">x</a></svg>',
];
const text = `Position of Hostile Land on the Global Compact for Migration

The Russian Federation must bear responsibility for migration control ${payloads[0]} at the borders.

We believe that readmission agreements ${payloads[1]} should cover the return of refugees.

It is necessary to prevent unlawful acts by foreign terrorists: ${payloads[2]} is not a link.

Western countries caused the crises ${payloads[3]} and the humanitarian duties follow.
`;

let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let body: string;

beforeAll(async () => {
  const { codebook, dictionary } = loadRules(process.cwd());
  const doc = buildDocument(
    { file: 'seeds/hostile.txt', text, annotations: null },
    codebook,
    dictionary,
  );
  body = serialize(buildDataset([doc], codebook));
  browser = await launchBrowser();
  server = await startServer();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('dataset text is always text', () => {
  it('shows markup and script literally in the reader, the sentence detail and the tables', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watchProblems(page);
    const dialogs: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    await page.route('**/assets/dataset-*.json', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body }),
    );
    await page.goto(server.url);
    await chartsDrawn(page);
    const reader = page.getByTestId('reader');
    const readerText = (await reader.textContent()) ?? '';
    for (const payload of payloads) expect(readerText).toContain(payload);
    // Nothing the payloads describe was created as an element.
    expect(
      await page
        .locator('img, script:not([src]), [onerror], [onload], a[href^="javascript"]')
        .count(),
    ).toBe(0);
    // The sentence detail and every "Show as table" alternative show the words as written.
    await reader.locator('[data-sentence="s1"]').click();
    expect(await page.getByTestId('sentence-detail').textContent()).toContain(payloads[0]);
    for (const summary of await page.locator('details > summary').all()) await summary.click();
    // The statement charts' tables load when first opened: wait for each of them.
    for (const chart of ['theme-overview', 'topic-timeline', 'attribution', 'cooccurrence']) {
      await page.locator(`figure[data-chart="${chart}"] details table`).waitFor();
    }
    const tables = (await page.locator('details').allTextContents()).join('\n');
    expect(payloads.filter((p) => tables.includes(p))).not.toEqual([]);
    expect(await page.locator('details img, details svg a').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
