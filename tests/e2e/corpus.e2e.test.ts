import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { Dataset } from '../../src/lib/data/types.ts';
import { chartsDrawn, e2eOutDir, useDashboard, watchProblems } from './browser.ts';
import { corpusIndexPath, corpusPath } from './build.ts';

/** A generated corpus of ten statements, written next to this build only (build.ts). */
const dashboard = useDashboard();
let corpus: Dataset;
let context: BrowserContext;
let page: Page;
let problems: string[];

beforeAll(() => {
  corpus = JSON.parse(readFileSync(join(e2eOutDir, corpusPath('corpus-10')), 'utf8'));
});

beforeEach(async () => {
  await context?.close();
  context = await dashboard.browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  problems = watchProblems(page);
  // Violations of the Content-Security-Policy, reported by the page itself as well.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`),
    );
  });
});

/** The corpus as one file, or split into an index and one file per document. */
let dataPath = corpusPath('corpus-10');
const open = (query: string) => page.goto(`${dashboard.url}?data=${dataPath}${query}`);
const readerSentences = () =>
  page
    .locator('[data-testid="reader"] .sentence')
    .evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).dataset.sentence!));
const picker = () => page.getByTestId('document-picker');
const docParam = () => new URL(page.url()).searchParams.get('doc');
/** (document, theme) pairs with a coded sentence: the timeline's marks when drawn by document. */
const themeGroups = () =>
  corpus.documents.reduce(
    (n, d) => n + new Set(d.sentences.flatMap((s) => s.themes.map((t) => t.theme))).size,
    0,
  );

describe.each([
  ['in one file', corpusPath('corpus-10')],
  ['split into an index and a file per document', corpusIndexPath('corpus-10')],
])('a corpus of several statements %s, in a real browser', (_, path) => {
  beforeEach(() => {
    dataPath = path;
  });

  it('opens a generated corpus from ?data= with a picker of every document', async () => {
    const response = await open('');
    expect(response?.headers()['content-security-policy']).toContain("connect-src 'self'");
    await chartsDrawn(page);
    const [first] = corpus.documents;
    await expect.poll(readerSentences).toEqual(first.sentences.map((s) => s.id));
    // The picker's code loads with a dataset of several documents.
    await picker().waitFor();
    const options = await picker().locator('option').allTextContents();
    expect(options).toEqual(['All documents (10)', ...corpus.documents.map((d) => d.name)]);
    expect(await picker().inputValue()).toBe(first.id);
    // The masthead and the window's title name the corpus, not the statement.
    await expect(page.locator('h1').textContent()).resolves.toBe(
      'Statements on the Global Compact for Migration',
    );
    await expect(page.locator('.masthead p').textContent()).resolves.toMatch(
      /^\s*10 statements: what each is about, whom it blames and exempts/,
    );
    await expect(page.title()).resolves.toBe(
      'Statements on the Global Compact for Migration — statement explorer',
    );
    expect(problems).toEqual([]);
  });

  it('switches documents from the picker, keeps doc= in the URL, and reloads to it', async () => {
    await open('');
    await chartsDrawn(page);
    const third = corpus.documents[2];
    await picker().selectOption(third.id);
    await expect.poll(docParam).toBe(third.id);
    await expect.poll(readerSentences).toEqual(third.sentences.map((s) => s.id));
    await expect.poll(() => page.locator('rect.mark').count()).toBe(third.counts.themeCodings);

    // A selection keeps the document; a reload brings back both.
    await page.locator(`[data-testid="reader"] [data-sentence="s4"]`).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('sentence')).toBe('s4');
    expect(docParam()).toBe(third.id);
    await page.reload();
    await chartsDrawn(page);
    expect(await picker().inputValue()).toBe(third.id);
    await expect.poll(readerSentences).toEqual(third.sentences.map((s) => s.id));
    await expect(page.getByTestId('sentence-detail').textContent()).resolves.toContain(
      third.sentences[3].text,
    );

    // Back steps through the selection first, then the document.
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('sentence')).toBeNull();
    expect(docParam()).toBe(third.id);
    await page.goBack();
    await expect.poll(docParam).toBeNull();
    await expect.poll(readerSentences).toEqual(corpus.documents[0].sentences.map((s) => s.id));
    expect(problems).toEqual([]);
  });

  /** The merged ids of a document's sentences in the "All documents" view. */
  const mergedIds = (i: number) =>
    corpus.documents[i].sentences.map((s) => `${corpus.documents[i].id}.${s.id}`);

  it('shows all documents at once, one heading each, and reloads to them', async () => {
    await open('');
    await chartsDrawn(page);
    await picker().selectOption('all');
    await expect.poll(docParam).toBe('all');
    await page.reload();
    await chartsDrawn(page);
    expect(await picker().inputValue()).toBe('all');
    const headings = await page
      .locator('[data-testid="reader"] h3[data-document]')
      .allTextContents();
    expect(headings).toEqual(corpus.documents.map((d) => d.name));
    // More sentences than the timeline can tell apart: one mark per document and theme.
    await expect.poll(() => page.locator('rect.mark').count()).toBe(themeGroups());
    // The reader renders a document's text as it comes near: the first at once, and every one
    // of them, in reading order, once the reader has been scrolled through.
    await expect.poll(readerSentences).toEqual(expect.arrayContaining(mergedIds(0)));
    const reader = page.getByTestId('reader');
    const total = corpus.documents.reduce((n, d) => n + d.sentences.length, 0);
    await expect
      .poll(
        async () => {
          await reader.evaluate((el) => el.scrollBy(0, el.clientHeight));
          return (await readerSentences()).length;
        },
        { timeout: 30_000, interval: 50 },
      )
      .toBe(total);
    expect(await readerSentences()).toEqual(corpus.documents.flatMap((_, i) => mergedIds(i)));
    expect(problems).toEqual([]);
  });

  it('draws the timeline by document, each mark selecting its sentences, its table on demand', async () => {
    await open('&doc=all');
    await chartsDrawn(page);
    const timeline = page.locator('[data-chart="topic-timeline"]');
    await expect
      .poll(() =>
        timeline
          .locator('rect.band')
          .evaluateAll((bands) => bands.map((b) => b.getAttribute('aria-label'))),
      )
      .toEqual(
        corpus.documents.map((d, i) => {
          const first = corpus.documents.slice(0, i).reduce((n, x) => n + x.sentences.length, 1);
          return `Document ${i + 1} “${d.name}”, sentences ${first}–${first + d.sentences.length - 1}: select this range`;
        }),
      );
    // The second document's first theme: its coded sentences, numbered in the merged corpus.
    const second = corpus.documents[1];
    const offset = corpus.documents[0].sentences.length;
    const theme = second.sentences.flatMap((s) => s.themes.map((t) => t.theme))[0];
    const coded = second.sentences.filter((s) => s.themes.some((t) => t.theme === theme));
    const label = corpus.codebook.themes.find((t) => t.id === theme)!.label;
    const mark = timeline.locator(`[data-mark="g:${second.id}:${theme}"]`);
    expect(await mark.getAttribute('aria-label')).toMatch(
      new RegExp(
        `^${label.replace(/[&]/g, '\\$&')}, document 2 “.*”: ${coded.length} of ${second.sentences.length} sentences \\(.+\\): select them$`,
      ),
    );
    await mark.click();
    await expect
      .poll(() => page.getByTestId('selection-summary').textContent())
      .toContain(
        `${label} · sentences ${offset + 1}–${offset + second.sentences.length}: ${coded.length} of `,
      );
    expect(await mark.getAttribute('aria-pressed')).toBe('true');
    expect(await mark.getAttribute('data-dimmed')).toBeNull();
    // The same theme in another document is outside the selection.
    const other = corpus.documents.find(
      (d) => d !== second && d.sentences.some((s) => s.themes.some((t) => t.theme === theme)),
    )!;
    expect(
      await timeline.locator(`[data-mark="g:${other.id}:${theme}"]`).getAttribute('data-dimmed'),
    ).toBe('true');
    // The reader brings them into view and marks exactly them.
    await expect
      .poll(() =>
        page
          .locator('[data-testid="reader"] .sentence.hit')
          .evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).dataset.sentence)),
      )
      .toEqual(coded.map((s) => `${second.id}.${s.id}`));
    // The keyboard moves along the theme's row to the next document with it; Enter selects.
    await mark.focus();
    await page.keyboard.press('ArrowRight');
    const at = corpus.documents.findIndex(
      (d, i) => i > 1 && d.sentences.some((x) => x.themes.some((t) => t.theme === theme)),
    );
    const after = corpus.documents[at];
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.mark)).toBe(
      `g:${after.id}:${theme}`,
    );
    await page.keyboard.press('Enter');
    const start = corpus.documents.slice(0, at).reduce((n, d) => n + d.sentences.length, 1);
    await expect
      .poll(() => page.getByTestId('selection-summary').textContent())
      .toContain(`${label} · sentences ${start}–${start + after.sentences.length - 1}: `);
    // The table's code loads when it is opened.
    await timeline.getByText('Show as table').click();
    const table = timeline.getByRole('table', { name: 'Coded sentences per theme and document' });
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(corpus.codebook.themes.length);
    // A column per document, as the chart has a band per document.
    expect(
      await table
        .locator('thead th abbr')
        .evaluateAll((a) => a.map((x) => x.getAttribute('title'))),
    ).toEqual(corpus.documents.map((d, i) => `Document ${i + 1}: ${d.name}`));
    expect(problems).toEqual([]);
  });

  it('opens the document of a shared sentence far down the corpus, and shows it', async () => {
    const last = corpus.documents.length - 1;
    const id = mergedIds(last)[2];
    await open(`&doc=all&sentence=${encodeURIComponent(id)}`);
    await chartsDrawn(page);
    const sentence = page.locator(`[data-testid="reader"] [data-sentence="${id}"]`);
    await expect.poll(() => sentence.count()).toBe(1);
    await expect.poll(() => sentence.getAttribute('class')).toContain('pinned');
    // Scrolled into the reader's view.
    await expect
      .poll(() =>
        sentence.evaluate((el) => {
          const box = el.getBoundingClientRect();
          const view = el.closest('[data-testid="reader"]')!.getBoundingClientRect();
          return box.top >= view.top && box.bottom <= view.bottom;
        }),
      )
      .toBe(true);
    // The documents in between, far from both ends of the reader's scroll, were never rendered:
    // not one of their sentences is in the page.
    const rendered = new Set(await readerSentences());
    for (let i = 1; i <= last - 3; i++) {
      expect(mergedIds(i).filter((s) => rendered.has(s))).toEqual([]);
    }
    expect(problems).toEqual([]);
  });

  it('changes the document from the keyboard', async () => {
    await open('');
    await chartsDrawn(page);
    await picker().focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(docParam).toBe(corpus.documents[1].id);
    await expect.poll(readerSentences).toEqual(corpus.documents[1].sentences.map((s) => s.id));
    expect(problems).toEqual([]);
  });

  it('names an unknown document and shows the first instead', async () => {
    await open('&doc=no-such-statement');
    await chartsDrawn(page);
    await expect(page.getByTestId('document-notice').textContent()).resolves.toContain(
      'This dataset has no document “no-such-statement”',
    );
    await expect.poll(readerSentences).toEqual(corpus.documents[0].sentences.map((s) => s.id));
    expect(problems).toEqual([]);
  });
});

describe('a split corpus', () => {
  /** The corpus files the page asked for, in order, by path under corpus/corpus-10/. */
  function corpusRequests(): string[] {
    const requested: string[] = [];
    const folder = `/${corpusIndexPath('corpus-10').replace('index.json', '')}`;
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith(folder)) requested.push(path.slice(folder.length));
    });
    return requested;
  }
  const fileOf = (i: number) => `documents/${corpus.documents[i].id}.json`;

  beforeEach(() => {
    dataPath = corpusIndexPath('corpus-10');
  });

  it('loads only the index and the document it shows, each other one when it is picked, and the rest in one file for All documents', async () => {
    const requested = corpusRequests();
    await open('');
    await chartsDrawn(page);
    expect(requested).toEqual(['index.json', fileOf(0)]);
    await picker().selectOption(corpus.documents[4].id);
    await expect.poll(readerSentences).toEqual(corpus.documents[4].sentences.map((s) => s.id));
    expect(requested).toEqual(['index.json', fileOf(0), fileOf(4)]);
    // Back to the first: already loaded, not asked for again.
    await page.goBack();
    await expect.poll(readerSentences).toEqual(corpus.documents[0].sentences.map((s) => s.id));
    // "All documents": the eight not loaded yet come in the one file of them all.
    await picker().selectOption('all');
    await expect
      .poll(() => page.locator('[data-testid="reader"] h3[data-document]').count())
      .toBe(corpus.documents.length);
    expect(requested).toEqual(['index.json', fileOf(0), fileOf(4), 'all.json']);
    expect(problems).toEqual([]);
  });

  it('opens at the document a link names, loading only that one', async () => {
    const requested = corpusRequests();
    await open(`&doc=${corpus.documents[7].id}&sentence=s3`);
    await chartsDrawn(page);
    expect(requested).toEqual(['index.json', fileOf(7)]);
    await expect(page.getByTestId('sentence-detail').textContent()).resolves.toContain(
      corpus.documents[7].sentences[2].text,
    );
    expect(problems).toEqual([]);
  });

  it('names a document file it cannot load, and keeps showing the document it had', async () => {
    const requested = corpusRequests();
    await page.route(`**/${fileOf(3)}`, (route) => route.fulfill({ status: 404, body: '' }));
    const [first] = corpus.documents;
    await open(`&doc=${first.id}&sentence=s2`);
    await chartsDrawn(page);
    await picker().selectOption(corpus.documents[3].id);
    const notice = page.getByTestId('document-notice');
    await expect.poll(() => notice.count()).toBe(1);
    await expect(notice.textContent()).resolves.toContain(
      `Document "${corpus.documents[3].id}" of the corpus (${fileOf(3)}): The dataset is missing`,
    );
    await expect(notice.textContent()).resolves.toContain(`Still showing “${first.name}”.`);
    await expect.poll(readerSentences).toEqual(first.sentences.map((s) => s.id));
    // The picker, the address and the selection are the document's shown, not the one picked.
    await expect(picker().inputValue()).resolves.toBe(first.id);
    expect(docParam()).toBe(first.id);
    expect(new URL(page.url()).searchParams.get('sentence')).toBe('s2');
    await expect(
      page.locator('[data-testid="reader"] .sentence.pinned').getAttribute('data-sentence'),
    ).resolves.toBe('s2');
    // Picked again, the file is asked for again.
    await picker().selectOption(corpus.documents[3].id);
    await expect.poll(() => requested.filter((path) => path === fileOf(3)).length).toBe(2);
    await expect.poll(() => picker().inputValue()).toBe(first.id);
    // Another document loads as usual, and the notice goes.
    await picker().selectOption(corpus.documents[5].id);
    await expect.poll(readerSentences).toEqual(corpus.documents[5].sentences.map((s) => s.id));
    await expect.poll(() => page.getByTestId('document-notice').count()).toBe(0);
    problems.splice(0, problems.length, ...problems.filter((p) => !p.includes('404')));
    expect(problems).toEqual([]);
  });
});

describe('a corpus of several statements in a real browser', () => {
  it('refuses a data= that is not a file on this site, and fetches nothing for it', async () => {
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`${dashboard.url}?data=${encodeURIComponent('//example.org/x.json')}`);
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'is not a dataset file on this site',
    );
    expect(requests.filter((url) => !url.startsWith(dashboard.url))).toEqual([]);
    expect(requests.some((url) => new URL(url).pathname.endsWith('/x.json'))).toBe(false);
    expect(problems).toEqual([]);
  });

  it('draws the attributions of all documents as one numbered line per actor, relation and target', async () => {
    await page.goto(`${dashboard.url}?data=${corpusPath('corpus-10')}&doc=all`);
    await chartsDrawn(page);
    const all = corpus.documents.flatMap((d) =>
      // Ids as the merged document has them.
      d.attributions.map((a) => ({
        ...a,
        id: `${d.id}.${a.id}`,
        sentence: `${d.id}.${a.sentence}`,
      })),
    );
    const key = (a: { actor: string; relation: string; target: string }) =>
      `${a.actor}|${a.relation}|${a.target}`;
    const bundles = [...new Set(all.map(key))].map((k) => all.filter((a) => key(a) === k));
    const diagram = page.locator('[data-chart="attribution"]');
    const lines = diagram.locator('[data-link]');
    await expect.poll(() => lines.count()).toBe(bundles.length);
    const biggest = [...bundles].sort((p, q) => q.length - p.length)[0];
    const line = diagram.locator(`[data-link="${biggest[0].id}"]`);
    expect(await line.locator('text').textContent()).toBe(String(biggest.length));
    expect(await line.getAttribute('aria-label')).toMatch(
      new RegExp(`, and ${biggest.length - 1} more$`),
    );
    // As tall as a statement's diagram, not a line per attribution.
    expect(await diagram.evaluate((el) => el.getBoundingClientRect().height)).toBeLessThan(1200);
    await line.hover();
    await expect
      .poll(() => page.getByTestId('attribution-tooltip').textContent())
      .toContain(`${biggest.length} attributions; the first: Sentence`);
    // A line selects its actor and relation: every sentence with such an attribution.
    await line.click();
    const actor = corpus.codebook.actors.find((a) => a.id === biggest[0].actor)!.label;
    const relation = corpus.codebook.relations.find((r) => r.id === biggest[0].relation)!.label;
    const sentences = new Set(
      all
        .filter((a) => a.actor === biggest[0].actor && a.relation === biggest[0].relation)
        .map((a) => a.sentence),
    );
    await expect
      .poll(() => page.getByTestId('selection-summary').textContent())
      .toContain(`actor: ${actor} · relation: ${relation}: ${sentences.size} of `);
    expect(problems).toEqual([]);
  });

  it('keeps the counts and numbers of a hundred statements readable: on their swatches, over their bands', async () => {
    await page.goto(`${dashboard.url}?data=${corpusPath('corpus-100')}&doc=all`);
    await chartsDrawn(page);
    // The matrix legend's counts run to three digits: each stays inside its own swatch.
    const swatches = await page
      .locator('[data-chart="cooccurrence"] .swatches svg')
      .evaluateAll((svgs) =>
        svgs.map((svg) => {
          const box = svg.getBoundingClientRect();
          const text = svg.querySelector('text')!.getBoundingClientRect();
          return { count: svg.textContent!, left: box.left, right: box.right, text };
        }),
      );
    const counts = swatches.filter((s) => /^\d+$/.test(s.count));
    expect(counts.map((s) => s.count.length)).toContain(3);
    for (const s of swatches) {
      expect(s.text.left).toBeGreaterThanOrEqual(s.left);
      expect(s.text.right).toBeLessThanOrEqual(s.right);
    }
    // One after another in a row, none over the next.
    for (let i = 1; i < counts.length; i++) {
      expect(counts[i].left).toBeGreaterThanOrEqual(counts[i - 1].right);
    }
    // The timeline's document numbers: painted after every band (in document order), so a
    // number wider than its band is not covered by the next one.
    const order = await page.locator('[data-chart="topic-timeline"]').evaluate((figure) => {
      const bands = [...figure.querySelectorAll('rect.band')];
      const numbers = [...figure.querySelectorAll('[data-paragraph-number]')];
      const last = bands[bands.length - 1];
      return {
        bands: bands.length,
        shown: numbers.filter((n) => n.textContent).length,
        after: numbers.filter((n) => last.compareDocumentPosition(n) & 4).length,
        numbers: numbers.length,
      };
    });
    expect(order.bands).toBe(100);
    expect(order.shown).toBeGreaterThan(20);
    expect(order.after).toBe(order.numbers);
    expect(problems).toEqual([]);
  });

  it.each([1280, 1024])(
    'keeps the charts in place beside the document picker, from their drawing on, as a selection comes and goes, at %i px',
    async (width) => {
      await page.setViewportSize({ width, height: 900 });
      // Where the charts start in the first frame painted with them all drawn: the picker is
      // there already.
      await page.addInitScript(() => {
        const mark = performance.mark.bind(performance);
        performance.mark = (name, options) => {
          if (name === 'charts-drawn') {
            requestAnimationFrame(() => {
              const top = document.querySelector('main')?.getBoundingClientRect().top;
              (window as unknown as { drawnAt: number }).drawnAt = top ?? NaN;
            });
          }
          return mark(name, options);
        };
      });
      await page.goto(`${dashboard.url}?data=${corpusPath('corpus-100')}&doc=all`);
      await chartsDrawn(page);
      await picker().waitFor();
      const place = () =>
        page.evaluate(() => [
          document.querySelector('main')!.getBoundingClientRect().top,
          document.querySelector('[data-testid="selection-bar"]')!.getBoundingClientRect().height,
        ]);
      const idle = await place();
      const drawnAt = () =>
        page.evaluate(() => (window as unknown as { drawnAt?: number }).drawnAt);
      await expect.poll(drawnAt).toBeDefined();
      expect(await drawnAt(), 'where the charts were when drawn').toBe(idle[0]);
      await page.locator('[data-row-theme="control"]').click();
      await expect
        .poll(() => page.getByTestId('selection-summary').textContent())
        .toMatch(/Selected: .+ of 3,?\d{3} sentences/);
      expect(await place(), 'a theme selected').toEqual(idle);
      await page.keyboard.press('Escape');
      await expect
        .poll(() => page.getByTestId('selection-summary').textContent())
        .toContain('Nothing selected');
      expect(await place(), 'after Escape').toEqual(idle);
      expect(problems).toEqual([]);
    },
  );

  it('sums up the dates of a hundred statements on the GCM process, its labels apart', async () => {
    await page.goto(`${dashboard.url}?data=${corpusPath('corpus-100')}&doc=all`);
    await chartsDrawn(page);
    // The context views load as they come near the screen.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.locator('[data-testid="process-timeline"] svg[data-chart-svg]').waitFor();
    const frame = page.locator('[data-chart="process-timeline"]');
    await expect(frame.locator('h2').textContent()).resolves.toContain('When the statements came');
    const summary = (await page.getByTestId('process-summary').textContent())!.trim();
    const cited = /The statements cite (\d+) dates in \d+ sentences, from /.exec(summary);
    expect(cited).not.toBeNull();
    expect(summary.length).toBeLessThan(300);
    // The labels beside the dots, as the browser lays them out: fewer than the dates (with this
    // many, none fits), none over another, none past the chart's edge.
    const { boxes, edge } = await page
      .getByTestId('process-timeline')
      .locator('svg[data-chart-svg]')
      .evaluate((svg) => ({
        edge: svg.getBoundingClientRect().right,
        boxes: [...svg.querySelectorAll('text')]
          .filter((t) => /: \d+ \w{3} \d{4}$/.test(t.textContent ?? ''))
          .map((t) => t.getBoundingClientRect())
          .map((r) => ({ left: r.left, right: r.right, top: r.top, bottom: r.bottom })),
      }));
    expect(boxes.length).toBeLessThan(Number(cited![1]));
    for (const box of boxes) expect(box.right).toBeLessThanOrEqual(edge);
    boxes.sort((a, b) => a.left - b.left);
    for (let i = 1; i < boxes.length; i++) {
      const [a, b] = [boxes[i - 1], boxes[i]];
      const apart = b.left >= a.right || b.top >= a.bottom || a.top >= b.bottom;
      expect(apart).toBe(true);
    }
    expect(problems).toEqual([]);
  });

  it('changes colours at once: a selection leaves no animation running', async () => {
    // What a selection leaves running, right after the click: an animation would redraw the page
    // for a few frames more (a fade of 0.15 s took as much work as the selection itself).
    const clickAndCount = (sentence: string) =>
      page.evaluate((id) => {
        document
          .querySelector<HTMLElement>(`[data-testid="reader"] [data-sentence="${id}"]`)!
          .click();
        return new Promise<number>((resolve) =>
          requestAnimationFrame(() => resolve(document.getAnimations().length)),
        );
      }, sentence);
    // The statement, and a hundred statements together (about 1,150 timeline marks).
    for (const query of ['', `?data=${corpusPath('corpus-100')}&doc=all`]) {
      await page.goto(`${dashboard.url}${query}`);
      await chartsDrawn(page);
      const [first] = await readerSentences();
      expect(await clickAndCount(first)).toBe(0);
      // The selection did change the charts' colours: some marks are faded.
      expect(
        await page.locator('[data-chart="topic-timeline"] rect.mark[data-dimmed="true"]').count(),
      ).toBeGreaterThan(0);
    }
    expect(problems).toEqual([]);
  });
});
