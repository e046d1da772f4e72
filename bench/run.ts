/**
 * npm run bench: builds the app, serves it on 127.0.0.1, drives Chromium and prints the
 * figures the budgets speak of; writes them to bench/results.json as well.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chartsDrawn, e2eOutDir, launchBrowser, startServer } from '../tests/e2e/browser.ts';
import buildForBrowser from '../tests/e2e/build.ts';
import { buildDocument } from '../src/pipeline/build.ts';
import { loadRules, readStatement, seedFiles } from '../src/pipeline/io.ts';

const LOADS = 7;
const SELECTIONS = 50;

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};
const ms = (x: number) => `${x.toFixed(1)} ms`;
const kb = (x: number) => `${(x / 1024).toFixed(1)} KB`;

function bytesShipped(): Record<string, { raw: number; gzip: number }> {
  const totals: Record<string, { raw: number; gzip: number }> = {};
  const assets = join(e2eOutDir, 'assets');
  for (const name of readdirSync(assets)) {
    const kind = name.endsWith('.js')
      ? 'js'
      : name.endsWith('.css')
        ? 'css'
        : name.endsWith('.json')
          ? 'data'
          : 'other';
    const bytes = readFileSync(join(assets, name));
    totals[kind] ??= { raw: 0, gzip: 0 };
    totals[kind].raw += statSync(join(assets, name)).size;
    totals[kind].gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return totals;
}

function pipelineTiming() {
  const root = process.cwd();
  const { codebook, dictionary } = loadRules(root);
  const input = readStatement(root, seedFiles(root)[0], 'seeds/annotations');
  const rows = [];
  for (const factor of [1, 10, 100]) {
    const text = Array.from({ length: factor }, () => input.text).join('\n\n');
    const started = performance.now();
    const doc = buildDocument(
      { file: `seeds/x${factor}.txt`, text, annotations: null },
      codebook,
      dictionary,
    );
    const elapsed = performance.now() - started;
    rows.push({
      factor,
      sentences: doc.counts.sentences,
      ms: elapsed,
      perSecond: doc.counts.sentences / (elapsed / 1000),
    });
  }
  return rows;
}

buildForBrowser();
const browser = await launchBrowser();
const server = await startServer();
try {
  const loads: number[] = [];
  let heap = 0;
  for (let i = 0; i < LOADS; i++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(server.url);
    await chartsDrawn(page);
    loads.push(
      await page.evaluate(() => performance.getEntriesByName('charts-drawn')[0].startTime),
    );
    if (i === LOADS - 1) {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('HeapProfiler.collectGarbage');
      heap = ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
    }
    await page.close();
  }

  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(server.url);
  await chartsDrawn(page);
  // Each selection is a click on a sentence of the reader; every view redraws from it. The time
  // runs from the click to the end of the update Svelte flushes in the following microtask.
  const updates = await page.evaluate(async (count) => {
    const sentences = [
      ...document.querySelectorAll<HTMLElement>('[data-testid="reader"] .sentence'),
    ];
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      const target = sentences[(i * 7) % sentences.length];
      const started = performance.now();
      target.click();
      await Promise.resolve();
      await new Promise((resolve) => setTimeout(resolve, 0));
      times.push(performance.now() - started);
      await new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
    }
    return times;
  }, SELECTIONS);
  await page.close();

  const bytes = bytesShipped();
  const pipeline = pipelineTiming();
  const results = {
    bytes,
    chartsDrawn: { loads: loads.length, median: quantile(loads, 0.5), max: Math.max(...loads) },
    selectionUpdate: {
      selections: updates.length,
      p50: quantile(updates, 0.5),
      p95: quantile(updates, 0.95),
    },
    heapBytes: heap,
    pipeline,
  };
  console.log('\nbytes shipped (dashboard)');
  for (const [kind, size] of Object.entries(bytes))
    console.log(
      `  ${kind.padEnd(6)} ${kb(size.raw).padStart(10)} raw ${kb(size.gzip).padStart(10)} gzip`,
    );
  console.log(
    `charts drawn after navigation (${loads.length} loads): median ${ms(results.chartsDrawn.median)}, max ${ms(results.chartsDrawn.max)}`,
  );
  console.log(
    `selection update (${updates.length} selections): p50 ${ms(results.selectionUpdate.p50)}, p95 ${ms(results.selectionUpdate.p95)}`,
  );
  console.log(`JS heap after load: ${(heap / 1024 / 1024).toFixed(1)} MB`);
  for (const row of pipeline) {
    console.log(
      `pipeline x${row.factor}: ${row.sentences} sentences in ${ms(row.ms)} (${Math.round(row.perSecond)} sentences/s)`,
    );
  }
  writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
} finally {
  await browser.close();
  await server.close();
}
