/**
 * npm run bench: builds the app, serves it on 127.0.0.1, drives Chromium and prints the
 * figures the budgets speak of; writes them to bench/results.json as well.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chartsDrawn, e2eOutDir, launchBrowser, startServer } from '../tests/e2e/browser.ts';
import { firstLoadBytes, kb, type Bytes } from '../tests/e2e/bytes.ts';
import { briefingPolicy, htmlPage, startHost } from '../tests/e2e/host-page.ts';
import { EMBED_NAMES, embedIframe, embedSnippet } from '../src/lib/embed/mode.ts';
import buildForBrowser, { CORPUS_SEED, corpusIndexPath, corpusPath } from '../tests/e2e/build.ts';
import { buildDataset, buildDocument, type StatementInput } from '../src/pipeline/build.ts';
import { loadRules, readStatement, readText, seedFiles } from '../src/pipeline/io.ts';
import { syntheticStatements } from '../src/pipeline/synthetic.ts';
import type { Browser, CDPSession, Page } from 'playwright-core';

const LOADS = 7;
const SELECTIONS = 50;
/** Selections before those measured: the first ones also compile the code they run. */
const WARMUP = 10;
/** Milliseconds from one selection's painted frame to the next click: a reader's pace. */
const PACE = 200;
/**
 * Pages the statement's selections at a reader's pace are measured on, each a page of its own:
 * the p95 of one page's 50 ranged from 6.3 to 10.2 ms over 16 pages on this machine (two builds
 * that differed only in the tab icon, in turn), so the budget is checked on the selections of
 * all of them together.
 */
const PAGES = 4;

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};
const ms = (x: number) => `${x.toFixed(1)} ms`;
/** The p50 and p95 of `values`. */
const spread = (values: number[]) => ({
  p50: quantile(values, 0.5),
  p95: quantile(values, 0.95),
});

function pipelineTiming() {
  const root = process.cwd();
  const { codebook, dictionary } = loadRules(root);
  const seeds = seedFiles(root);
  const sources = seeds.map((file) => readText(root, file, 'the statement'));
  const inputs: [string, StatementInput[]][] = [
    ['the statement', [readStatement(root, seeds[0], 'seeds/annotations')]],
    ...[10, 100].map((statements): [string, StatementInput[]] => [
      `${statements} statements`,
      syntheticStatements(sources, { statements, seed: CORPUS_SEED }),
    ]),
  ];
  return inputs.map(([label, statements]) => {
    const times: number[] = [];
    let sentences = 0;
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      const dataset = buildDataset(
        statements.map((input) => buildDocument(input, codebook, dictionary)),
        codebook,
      );
      times.push(performance.now() - started);
      sentences = dataset.documents.reduce((n, d) => n + d.counts.sentences, 0);
    }
    const elapsed = quantile(times, 0.5);
    return {
      label,
      statements: statements.length,
      sentences,
      ms: elapsed,
      perSecond: sentences / (elapsed / 1000),
    };
  });
}

/**
 * Waits in the page for the `charts-drawn` mark and answers its time; fails after 15 s. Sent
 * over the DevTools protocol as it stands, so nothing else runs on the page while it loads:
 * `page.waitForFunction` would first compile the browser driver's own helper script there, on
 * the thread the load needs (40-60 ms on this machine).
 */
const chartsDrawnAt = (at: string) => `new Promise((resolve, reject) => {
  const drawn = () => performance.getEntriesByName('charts-drawn')[0];
  if (drawn()) return resolve(${at});
  new PerformanceObserver((_, observer) => {
    if (drawn()) observer.disconnect(), resolve(${at});
  }).observe({ type: 'mark' });
  setTimeout(() => reject(new Error('the charts were not drawn within 15 s')), 15000);
})`;
const CHARTS_DRAWN_AT = chartsDrawnAt('drawn().startTime');
/** The same, as a time on the clock every page shares (ms since 1970). */
const CHARTS_DRAWN_ON_CLOCK = chartsDrawnAt('performance.timeOrigin + drawn().startTime');

/** Opens `url` in `page` and answers when its charts were drawn (ms after navigation), asking
 * over `cdp`, the page's DevTools session. */
async function timeLoad(page: Page, cdp: CDPSession, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  const { result, exceptionDetails } = (await cdp.send('Runtime.evaluate', {
    expression: CHARTS_DRAWN_AT,
    awaitPromise: true,
    returnByValue: true,
  })) as {
    result: { value?: unknown };
    exceptionDetails?: { exception?: { description?: string } };
  };
  if (exceptionDetails || typeof result.value !== 'number') {
    throw new Error(
      `${url}: ${exceptionDetails?.exception?.description ?? 'no charts-drawn time'}`,
    );
  }
  return result.value;
}

/** How many loads were timed, and their median and slowest (ms). */
interface Timing {
  loads: number;
  median: number;
  max: number;
}
const timing = (times: number[]): Timing => ({
  loads: times.length,
  median: quantile(times, 0.5),
  max: Math.max(...times),
});

/** Navigation -> every chart drawn, `LOADS` times; the JS heap after the last load. */
async function measureLoads(browser: Browser, url: string) {
  const loads: number[] = [];
  let heap = 0;
  for (let i = 0; i < LOADS; i++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const cdp = await page.context().newCDPSession(page);
    loads.push(await timeLoad(page, cdp, url));
    if (i === LOADS - 1) {
      await cdp.send('HeapProfiler.collectGarbage');
      heap = ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
    }
    await page.close();
  }
  return { ...timing(loads), heap };
}

/** The views a briefing page embeds in the benchmark: three charts, each in its own iframe. */
const BRIEFING_VIEWS = ['themes', 'timeline', 'attribution'] as const;

/**
 * A briefing page on another origin, under a strict policy of its own, that pastes the embed
 * snippet (`embedSnippet`) of each of BRIEFING_VIEWS, one under the other: the time from its
 * navigation until each embedded view has drawn its charts, and until all have, median and max
 * of `LOADS` loads. The same page without the host script (the iframes alone: every view loads
 * at once, without turns), loaded in alternation with it; and each view opened alone
 * (`?embed=`), for comparison.
 */
async function measureBriefing(browser: Browser, dashboardUrl: string) {
  const dashboard = new URL(dashboardUrl);
  const host = await startHost(() => briefingPolicy(dashboard.origin));
  /** The briefing with each view's HTML from `embed` (the snippet, or its iframe alone). */
  const briefingHtml = (embed: typeof embedSnippet) =>
    htmlPage(
      'Briefing',
      `<h1>Briefing</h1>\n${BRIEFING_VIEWS.map((view) => embed(dashboard, view)).join('\n<p>The briefing goes on.</p>\n')}`,
    );
  host.page('/pasted.html', briefingHtml(embedSnippet));
  host.page('/iframes.html', briefingHtml(embedIframe));
  const pages = ['pasted', 'iframes'] as const;
  const byView = Object.fromEntries(pages.map((p) => [p, BRIEFING_VIEWS.map((): number[] => [])]));
  const all = Object.fromEntries(pages.map((p) => [p, [] as number[]]));
  try {
    for (let i = 0; i < LOADS; i++) {
      for (const name of pages) {
        const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        // Each view's document, once it has replaced the iframe's first, empty one.
        const frames = BRIEFING_VIEWS.map((view) =>
          tab.waitForEvent('framenavigated', {
            predicate: (frame) => frame.url().includes(`embed=${view}`),
            timeout: 15000,
          }),
        );
        await tab.goto(`${host.url}${name}.html`, { waitUntil: 'commit' });
        const drawn = await Promise.all(
          frames.map(async (frame) => Number(await (await frame).evaluate(CHARTS_DRAWN_ON_CLOCK))),
        );
        const navigated = await tab.evaluate(() => performance.timeOrigin);
        drawn.forEach((at, k) => byView[name][k].push(at - navigated));
        all[name].push(Math.max(...drawn) - navigated);
        await tab.close();
      }
    }
  } finally {
    await host.close();
  }
  const views: Record<
    string,
    { embedded: Timing; withoutHostScript: Timing; alone: Timing & { heap: number } }
  > = {};
  for (const [k, view] of BRIEFING_VIEWS.entries()) {
    const alone = await measureLoads(browser, `${dashboardUrl}?embed=${view}`);
    views[view] = {
      embedded: timing(byView.pasted[k]),
      withoutHostScript: timing(byView.iframes[k]),
      alone,
    };
  }
  return { views, all: timing(all.pasted), allWithoutHostScript: timing(all.iframes) };
}

/**
 * Minor page faults so far in the browser's page processes (renderers), or null where the
 * system does not tell (no /proc). A fault is the first touch of memory the process had not
 * used yet: while a page's heaps still grow, its selections pay for them.
 */
async function rendererFaults(browser: Browser): Promise<number | null> {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as {
      processInfo: { type: string; id: number }[];
    };
    let faults = 0;
    for (const { id } of processInfo.filter((p) => p.type === 'renderer')) {
      // Fields after the command name: state is the first, minflt the eighth (proc(5)).
      const fields = readFileSync(`/proc/${id}/stat`, 'utf8').split(') ')[1].split(' ');
      faults += Number(fields[7]);
    }
    return faults;
  } catch {
    return null;
  } finally {
    await cdp.detach();
  }
}

/** A page's stretch of selections: each one's times (ms), and the page faults per selection. */
interface Stretch {
  updates: number[];
  scripts: number[];
  frames: number[];
  faults: number | null;
}

/** Pages the statement's selections are traced on (measureSelections, `traced`). */
const TRACED_PAGES = 2;

/** The categories the selections are traced with: the page's marks, and V8's compiling. */
const TRACE_CATEGORIES = ['blink.user_timing', 'disabled-by-default-v8.compile'];

/** An event in a Chromium trace: its process, its wall time and its thread's time (µs); a
 * complete event (`ph` X) has a length. */
interface TraceEvent {
  name: string;
  pid: number;
  ph: string;
  ts: number;
  tts?: number;
  dur?: number;
}

/** The tasks in which V8 compiles a function with its optimising compilers, Maglev and
 * TurboFan, on a thread other than the one that runs it. */
const OPTIMISING_COMPILE = new Set(['V8.MaglevTask', 'V8.TurbofanTask']);

/** A traced selection: its update and its thread's time in it (ms), and whether V8 was compiling
 * the page's code on another thread of the page's process during it. */
interface TracedSelection {
  update: number;
  thread: number;
  compiling: boolean;
}

/** The `count` selections from the `from`th in `trace` (marked by measureSelections). */
function tracedSelections(trace: Buffer, from: number, count: number): TracedSelection[] {
  const { traceEvents } = JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] };
  const marks = new Map(
    traceEvents.filter((e) => e.name.startsWith('selection-')).map((e) => [e.name, e]),
  );
  const page = marks.get(`selection-${from}`)?.pid;
  if (page === undefined) throw new Error(`the trace has no mark of selection ${from}`);
  const compiles = traceEvents.filter(
    (e) => e.pid === page && e.ph === 'X' && OPTIMISING_COMPILE.has(e.name),
  );
  // A browser that traces none of V8's compiling would show every selection free of it.
  if (!traceEvents.some((e) => e.pid === page && e.name.startsWith('V8.'))) {
    throw new Error("the trace has no events of V8's compiling in the page's process");
  }
  return Array.from({ length: count }, (_, k) => {
    const start = marks.get(`selection-${from + k}`);
    const end = marks.get(`selection-${from + k}-laid-out`);
    if (start?.tts === undefined || end?.tts === undefined) {
      throw new Error(`the trace has no thread time of selection ${from + k}`);
    }
    return {
      update: (end.ts - start.ts) / 1000,
      thread: (end.tts - start.tts) / 1000,
      compiling: compiles.some((c) => c.ts < end.ts && c.ts + (c.dur ?? 0) > start.ts),
    };
  });
}

/**
 * Traced selections: each one's update as the benchmark times it (from the click until the page
 * is laid out again, between two marks), and the time the page's main thread ran in it, from the
 * thread's own clock at each mark (a mark in the trace carries both). The difference is time the
 * thread was not running: waiting for a core, or for another thread. The thread time is what the
 * selection itself costs; a slow stretch of the machine shows in the difference. `compiling`
 * tells how many of them V8 was optimising the page's code during, on another thread (on this
 * machine's two cores, that thread takes one of them), and the updates without it.
 */
function threadTimeFigures(selections: TracedSelection[]) {
  // How much of the slowest twentieth of the updates the thread ran.
  const slowest = [...selections]
    .sort((a, b) => b.update - a.update)
    .slice(0, Math.max(1, Math.round(selections.length / 20)));
  const withoutCompiling = selections.filter((s) => !s.compiling).map((s) => s.update);
  return {
    selections: selections.length,
    update: spread(selections.map((s) => s.update)),
    threadTime: spread(selections.map((s) => s.thread)),
    slowestRan:
      slowest.reduce((n, s) => n + s.thread, 0) / slowest.reduce((n, s) => n + s.update, 0),
    compiling: {
      share: (selections.length - withoutCompiling.length) / selections.length,
      slowest: slowest.length,
      slowestCompiling: slowest.filter((s) => s.compiling).length,
      withoutCompiling: withoutCompiling.length
        ? { selections: withoutCompiling.length, ...spread(withoutCompiling) }
        : null,
    },
  };
}

/**
 * `WARMUP` + `SELECTIONS` selections (and, with `settle`, `SELECTIONS` more) on each of `pages`
 * pages, each opened anew; the figures are of every page's selections together. Each is a click on
 * a sentence of the reader, in a task of its own, `pause` ms after the previous selection's
 * frame was painted: at a reader's pace (PACE, a click every fifth of a second or so) the
 * browser has finished that frame, as it has when a person clicks; back to back (0) the click
 * lands while the browser still rasterises the previous frame on this machine's two cores.
 * Every view redraws from it. `update` runs from the click until every view has updated (the
 * views apply a change in microtasks: ten turns let chained updates finish) and the page is
 * laid out again (style and layout forced): the work before the next paint, which the budget
 * speaks of. `script` is its first part, until every view has updated its elements (the
 * browser's style and layout not yet run); `frame` runs on until that frame is painted. The
 * first `WARMUP` selections of each page are reported apart (their slowest): the browser
 * compiles the code they run as they first run it.
 * The selections after the measured ones (`settled`) show the same work once the page's heaps
 * have grown to what selections need: until then, the browser touches memory it had not used
 * (`faultsPerSelection`), which the measured selections pay for.
 * With `traced`, the measured selections are traced and marked (see threadTimeFigures).
 */
async function measureSelections(
  browser: Browser,
  url: string,
  pause: number,
  { settle = false, pages = 1, traced = false } = {},
) {
  const warmups: number[] = [];
  /** Each page's measured selections, and the settled ones after them. */
  const runs: { measured: Stretch; settled: Stretch | null }[] = [];
  /** The measured selections as traced. */
  const traces: TracedSelection[] = [];
  for (let p = 0; p < pages; p++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(url);
    await chartsDrawn(page);
    /** `count` selections from the `from`th: their times, and the page faults they took. */
    const select = async (from: number, count: number): Promise<Stretch> => {
      const before = await rendererFaults(browser);
      const times = await page.evaluate(
        async ({ from, count, pause, traced }) => {
          const sentences = [
            ...document.querySelectorAll<HTMLElement>('[data-testid="reader"] .sentence'),
          ];
          const updates: number[] = [];
          const scripts: number[] = [];
          const frames: number[] = [];
          for (let i = from; i < from + count; i++) {
            await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, pause)));
            const target = sentences[(i * 7) % sentences.length];
            if (traced) performance.mark(`selection-${i}`);
            const started = performance.now();
            target.click();
            for (let turn = 0; turn < 10; turn++) await Promise.resolve();
            scripts.push(performance.now() - started);
            void document.documentElement.getBoundingClientRect().height;
            updates.push(performance.now() - started);
            if (traced) performance.mark(`selection-${i}-laid-out`);
            await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
            frames.push(performance.now() - started);
          }
          return { updates, scripts, frames };
        },
        { from, count, pause, traced },
      );
      const after = await rendererFaults(browser);
      return {
        ...times,
        faults: before === null || after === null ? null : (after - before) / count,
      };
    };
    warmups.push(...(await select(0, WARMUP)).updates);
    if (traced) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    const measured = await select(WARMUP, SELECTIONS);
    if (traced) {
      traces.push(...tracedSelections(await browser.stopTracing(), WARMUP, SELECTIONS));
    }
    const settled = settle ? await select(WARMUP + SELECTIONS, SELECTIONS) : null;
    runs.push({ measured, settled });
    await page.close();
  }
  /** Faults per selection over the stretches, or null where the system does not tell. */
  const perSelection = (stretches: Stretch[]) =>
    stretches.some((s) => s.faults === null)
      ? null
      : stretches.reduce((n, s) => n + (s.faults ?? 0), 0) / stretches.length;
  const measured = runs.map((r) => r.measured);
  const settled = runs.flatMap((r) => (r.settled ? [r.settled] : []));
  const updates = measured.flatMap((m) => m.updates);
  const settledUpdates = settled.flatMap((s) => s.updates);
  return {
    pause,
    pages,
    firstSelections: { selections: WARMUP, max: Math.max(...warmups) },
    selections: updates.length,
    ...spread(updates),
    p95ByPage: measured.map((m) => quantile(m.updates, 0.95)),
    script: spread(measured.flatMap((m) => m.scripts)),
    frame: spread(measured.flatMap((m) => m.frames)),
    faultsPerSelection: perSelection(measured),
    ...(traced ? { threadTime: { pause, pages, ...threadTimeFigures(traces) } } : {}),
    ...(settle
      ? {
          settled: {
            after: WARMUP + SELECTIONS,
            selections: settledUpdates.length,
            ...spread(settledUpdates),
            faultsPerSelection: perSelection(settled),
          },
        }
      : {}),
  };
}

/** The reference with no app: its page's spans (300 paragraphs of six, about as many boxes as
 * the dashboard's), the spans each change restyles, and the pages it is timed on at each pace. */
const REFERENCE = { paragraphs: 300, spansPerParagraph: 6, changed: 40, pages: 2 };
const REFERENCE_PAGE = `<!doctype html><body style="font: 15px/1.5 sans-serif; margin: 1rem; width: 60rem">${Array.from(
  { length: REFERENCE.paragraphs },
  (_, p) =>
    `<p>${Array.from({ length: REFERENCE.spansPerParagraph }, (_, w) => `<span>words ${p} ${w} of a sentence </span>`).join('')}</p>`,
).join('')}</body>`;

/**
 * The machine's own reference, with no app: the same fixed change, timed as a selection is (a
 * task `pause` ms after the last frame was painted, until the page is laid out again), on
 * `REFERENCE.pages` pages of `WARMUP` + `SELECTIONS` changes each. The change is about a
 * selection's size: `REFERENCE.changed` spans' class and background, and one span's text. It
 * tells a slow stretch of the machine from a slow app, and what the browser costs after a pause:
 * the same change takes longer the longer the page has been idle.
 */
async function measureReference(browser: Browser, pause: number) {
  const updates: number[] = [];
  for (let p = 0; p < REFERENCE.pages; p++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.setContent(REFERENCE_PAGE);
    const times = await page.evaluate(
      async ({ count, pause, changed }) => {
        const spans = [...document.querySelectorAll('span')];
        const times: number[] = [];
        for (let i = 0; i < count; i++) {
          await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, pause)));
          const started = performance.now();
          for (let k = 0; k < changed; k++) {
            const span = spans[(i * 131 + k * 43) % spans.length];
            span.className = `mark-${i % 3}`;
            span.style.background = i % 2 ? '#fde68a' : '';
          }
          spans[(i * 17) % spans.length].textContent = `words changed by change ${i} `;
          void document.documentElement.getBoundingClientRect().height;
          times.push(performance.now() - started);
        }
        return times;
      },
      { count: WARMUP + SELECTIONS, pause, changed: REFERENCE.changed },
    );
    updates.push(...times.slice(WARMUP));
    await page.close();
  }
  return { pause, pages: REFERENCE.pages, changes: updates.length, ...spread(updates) };
}

/** Byte budgets of a first visit, gzip (asserted in tests/e2e/budget.e2e.test.ts too). */
const BYTE_BUDGET = { dashboard: 120 * 1024, embeddedView: 100 * 1024 };
const byteRow = (b: Bytes) => ({
  js: { raw: b.js.raw, gzip: b.js.gzip },
  css: { raw: b.css.raw, gzip: b.css.gzip },
  data: { raw: b.data.raw, gzip: b.data.gzip },
  code: b.js.gzip + b.css.gzip,
});

/** The time budgets (reported, not asserted): the statement's selection update, and a corpus of
 * 100 statements' selection update and charts drawn. */
const BUDGET = { statementSelectionP95: 8, selectionP95: 50, chartsDrawn: 1000 };
const met = (ok: boolean) => (ok ? 'within budget' : 'over budget');

/** Selections at a reader's pace (with `options`, as measureSelections takes them: on `pages`
 * pages) and back to back, on one page more. */
async function measureBothPaces(
  browser: Browser,
  url: string,
  options?: Parameters<typeof measureSelections>[3],
) {
  return {
    paced: await measureSelections(browser, url, PACE, options),
    backToBack: await measureSelections(browser, url, 0),
  };
}
/** A count of page faults as printed: 'unknown' where the system does not tell. */
const faultFigure = (n: number | null | undefined) => (n == null ? 'unknown' : n.toFixed(0));
/** The selection figures as printed: the budget is checked at a reader's pace. */
function selectionLines(
  indent: string,
  { paced, backToBack }: Awaited<ReturnType<typeof measureBothPaces>>,
  budget: number,
) {
  return [
    `${indent}selection update (${paced.selections} selections${paced.pages > 1 ? ` on ${paced.pages} pages` : ''}, a click ${paced.pause} ms after the last frame): p50 ${ms(paced.p50)}, p95 ${ms(paced.p95)} (budget p95 ${budget} ms: ${met(paced.p95 <= budget)})${paced.pages > 1 ? ` (each page's p95: ${paced.p95ByPage.map((x) => x.toFixed(1)).join(', ')} ms)` : ''}; of which the views' script p50 ${ms(paced.script.p50)}, p95 ${ms(paced.script.p95)}; frame painted p50 ${ms(paced.frame.p50)}, p95 ${ms(paced.frame.p95)}; the ${paced.firstSelections.selections} before${paced.pages > 1 ? ' on each page' : ''}: max ${ms(paced.firstSelections.max)}`,
    ...(paced.settled
      ? [
          `${indent}  after ${paced.settled.after} selections, the next ${paced.settled.selections}: p50 ${ms(paced.settled.p50)}, p95 ${ms(paced.settled.p95)}; the page's memory faults per selection: ${faultFigure(paced.faultsPerSelection)} in the ${paced.selections} measured, ${faultFigure(paced.settled.faultsPerSelection)} in these`,
        ]
      : []),
    `${indent}  back to back (a click as soon as the last frame is painted): p50 ${ms(backToBack.p50)}, p95 ${ms(backToBack.p95)}; frame painted p50 ${ms(backToBack.frame.p50)}, p95 ${ms(backToBack.frame.p95)}`,
  ];
}

buildForBrowser();
const browser = await launchBrowser();
const server = await startServer();
try {
  const { heap, ...chartsDrawn } = await measureLoads(browser, server.url);
  // The statement's selections also after the page has settled: see measureSelections.
  const selectionUpdate = await measureBothPaces(browser, server.url, {
    settle: true,
    pages: PAGES,
  });
  // The same selections once more, traced (apart, so that the trace does not slow those above).
  const threadTime = (
    await measureSelections(browser, server.url, PACE, { pages: TRACED_PAGES, traced: true })
  ).threadTime!;
  const reference = {
    paced: await measureReference(browser, PACE),
    backToBack: await measureReference(browser, 0),
  };
  const briefing = await measureBriefing(browser, server.url);

  // A generated corpus of 100 statements (tests/e2e/build.ts writes it next to this build
  // only), all documents merged, and one of them alone: as one file, and split into an index
  // and a file per document (the views, once drawn, are the same: selections are timed once).
  const corpus: Record<string, unknown> = { statements: 100, seed: CORPUS_SEED };
  // Sentences in the corpus, and in the one document measured alone (the reader renders a
  // document's text as it comes near, so the page alone does not count them).
  const corpusDocuments = (
    JSON.parse(readFileSync(join(e2eOutDir, corpusPath('corpus-100')), 'utf8')) as {
      documents: { id: string; sentences: unknown[] }[];
    }
  ).documents;
  const sentencesOf = (doc: string) =>
    corpusDocuments
      .filter((d) => doc === 'all' || d.id === doc)
      .reduce((n, d) => n + d.sentences.length, 0);
  const corpusLines: string[] = [];
  for (const [layout, path, shown] of [
    ['file', corpusPath('corpus-100'), 'in one file'],
    ['split', corpusIndexPath('corpus-100'), 'split into files'],
  ] as const) {
    const modes: Record<string, unknown> = { path };
    corpus[layout] = modes;
    for (const [mode, doc] of [
      ['all', 'all'],
      ['single', 'synthetic-statement-001'],
    ] as const) {
      const url = `${server.url}?data=${path}&doc=${doc}`;
      const { heap, ...loads } = await measureLoads(browser, url);
      const selections = layout === 'file' ? await measureBothPaces(browser, url) : null;
      modes[mode] = {
        doc,
        sentences: sentencesOf(doc),
        chartsDrawn: loads,
        ...(selections ? { selectionUpdate: selections } : {}),
        heapBytes: heap,
      };
      corpusLines.push(
        `corpus of 100 statements ${shown}, ${mode === 'all' ? 'all documents' : 'one document'} (${sentencesOf(doc)} sentences):`,
        `  charts drawn after navigation (${loads.loads} loads): median ${ms(loads.median)}, max ${ms(loads.max)} (budget ${BUDGET.chartsDrawn} ms: ${met(loads.max <= BUDGET.chartsDrawn)})`,
        ...(selections ? selectionLines('  ', selections, BUDGET.selectionP95) : []),
        `  JS heap after load: ${(heap / 1024 / 1024).toFixed(1)} MB`,
      );
    }
  }

  const bytes: Record<string, ReturnType<typeof byteRow>> = {};
  for (const name of EMBED_NAMES) {
    const url = name === 'dashboard' ? server.url : `${server.url}?embed=${name}`;
    bytes[name === 'dashboard' ? 'dashboard' : `embed ${name}`] = byteRow(
      await firstLoadBytes(browser, url),
    );
  }
  const pipeline = pipelineTiming();
  const results = {
    bytes,
    chartsDrawn,
    briefing,
    selectionUpdate,
    threadTime,
    reference,
    heapBytes: heap,
    corpus,
    pipeline,
  };
  console.log('\nbytes of a first visit, gzip (raw): JS + CSS against the budget; data');
  for (const [name, row] of Object.entries(bytes)) {
    const budget = name === 'dashboard' ? BYTE_BUDGET.dashboard : BYTE_BUDGET.embeddedView;
    console.log(
      `  ${name.padEnd(20)} JS ${kb(row.js.gzip).padStart(9)} (${kb(row.js.raw)})  CSS ${kb(row.css.gzip).padStart(8)}  = ${kb(row.code).padStart(9)} of ${kb(budget)}  data ${kb(row.data.gzip).padStart(8)} (${kb(row.data.raw)})`,
    );
  }
  console.log(
    `charts drawn after navigation (${chartsDrawn.loads} loads): median ${ms(chartsDrawn.median)}, max ${ms(chartsDrawn.max)}`,
  );
  console.log(
    `a briefing page with ${BRIEFING_VIEWS.length} embedded views, one under the other (${briefing.all.loads} loads): every chart drawn after its navigation: median ${ms(briefing.all.median)}, max ${ms(briefing.all.max)}`,
  );
  for (const [view, { embedded, alone }] of Object.entries(briefing.views)) {
    console.log(
      `  ${view.padEnd(12)} drawn there: median ${ms(embedded.median)}, max ${ms(embedded.max)}; opened alone: median ${ms(alone.median)}, max ${ms(alone.max)}`,
    );
  }
  console.log(
    `  the same page without the host script (the views load at once, without turns): every chart drawn: median ${ms(briefing.allWithoutHostScript.median)}, max ${ms(briefing.allWithoutHostScript.max)}`,
  );
  for (const [view, { withoutHostScript }] of Object.entries(briefing.views)) {
    console.log(
      `    ${view.padEnd(12)} drawn there: median ${ms(withoutHostScript.median)}, max ${ms(withoutHostScript.max)}`,
    );
  }
  for (const line of selectionLines('', selectionUpdate, BUDGET.statementSelectionP95)) {
    console.log(line);
  }
  console.log(
    `  traced (${threadTime.selections} selections on ${threadTime.pages} pages, a click ${threadTime.pause} ms after the last frame): update p50 ${ms(threadTime.update.p50)}, p95 ${ms(threadTime.update.p95)}; the time the page's main thread ran in it p50 ${ms(threadTime.threadTime.p50)}, p95 ${ms(threadTime.threadTime.p95)}; in the slowest twentieth it ran ${Math.round(threadTime.slowestRan * 100)} % of the time`,
  );
  const without = threadTime.compiling.withoutCompiling;
  console.log(
    `    V8 compiled the page's code on another thread (Maglev or TurboFan) during ${Math.round(threadTime.compiling.share * 100)} % of them and ${threadTime.compiling.slowestCompiling} of the slowest ${threadTime.compiling.slowest}; ${without ? `the ${without.selections} updates without: p50 ${ms(without.p50)}, p95 ${ms(without.p95)}` : 'none without'}`,
  );
  console.log(
    `  reference, no app (a fixed change of ${REFERENCE.changed} spans in a page of ${(REFERENCE.paragraphs * REFERENCE.spansPerParagraph).toLocaleString('en')}, timed alike; ${reference.paced.changes} changes on ${reference.paced.pages} pages each): a change ${reference.paced.pause} ms after the last frame p50 ${ms(reference.paced.p50)}, p95 ${ms(reference.paced.p95)}; back to back p50 ${ms(reference.backToBack.p50)}, p95 ${ms(reference.backToBack.p95)}`,
  );
  console.log(`JS heap after load: ${(heap / 1024 / 1024).toFixed(1)} MB`);
  for (const line of corpusLines) console.log(line);
  for (const row of pipeline) {
    console.log(
      `pipeline, ${row.label}: ${row.sentences} sentences in ${ms(row.ms)} (${Math.round(row.perSecond)} sentences/s)`,
    );
  }
  writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
} finally {
  await browser.close();
  await server.close();
}
