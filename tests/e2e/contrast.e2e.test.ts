import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chartsDrawn, useDashboard } from './browser.ts';

/**
 * WCAG 2.2 AA in the four charts as the browser paints them: every visible SVG text keeps
 * 4.5:1 against what lies behind it, in every selection state and both colour schemes; and
 * reduced motion turns transitions, animations and smooth scrolling off.
 */

const dashboard = useDashboard();

const CHARTS = ['theme-overview', 'topic-timeline', 'attribution', 'cooccurrence'] as const;

interface TextPaint {
  chart: string;
  text: string;
  /** The text's colour as painted: its fill with every opacity applied, over the backdrop. */
  colour: string;
  backdrop: string;
  ratio: number;
}

/**
 * Runs in the page: every visible <text> and <tspan> with text of its own inside the charts'
 * SVGs, with its effective colour and contrast. The effective colour is the computed `fill`,
 * its alpha multiplied by the computed `fill-opacity` (inherited, so it already carries the
 * ancestors' value) and by the `opacity` of the element and of every ancestor up to the
 * chart, composited over the backdrop. The backdrop is the chart's background (the first
 * opaque background behind its SVG) with, in paint order, every filled rect of the same SVG
 * drawn before the text under the text's centre (a matrix cell, an actor's box, a band) and a
 * halo the text draws under itself (`paint-order: stroke`).
 */
function paintedTexts(charts: readonly string[]): TextPaint[] {
  type RGBA = [number, number, number, number];
  const parse = (value: string): RGBA | null => {
    const m = /^rgba?\(([^)]+)\)$/.exec(value.trim());
    if (!m) return null;
    const parts = m[1]
      .split(/[\s,/]+/)
      .filter(Boolean)
      .map(Number);
    return [parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : 1];
  };
  const over = (top: RGBA, alpha: number, bottom: RGBA): RGBA => {
    const a = top[3] * alpha;
    return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat(1) as RGBA;
  };
  const luminance = (c: RGBA) => {
    const lin = (v: number) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2]);
  };
  const ratio = (a: RGBA, b: RGBA) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  const css = (c: RGBA) => `rgb(${c.slice(0, 3).map(Math.round).join(', ')})`;
  /** Product of `opacity` from `el` up to and including `root`. */
  const opacityUpTo = (el: Element, root: Element) => {
    let product = 1;
    for (let node: Element | null = el; node; node = node.parentElement) {
      product *= Number(getComputedStyle(node).opacity);
      if (node === root) break;
    }
    return product;
  };
  /** The first opaque background behind `el`, translucent ones composited over it. */
  const pageBackground = (el: Element): RGBA => {
    const layers: RGBA[] = [];
    for (let node: Element | null = el; node; node = node.parentElement) {
      const c = parse(getComputedStyle(node).backgroundColor);
      if (c && c[3] > 0) {
        layers.push(c);
        if (c[3] >= 1) break;
      }
    }
    return layers.reduceRight<RGBA>((below, c) => over(c, 1, below), [255, 255, 255, 1]);
  };
  const visible = (el: Element) =>
    el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) &&
    el.getBoundingClientRect().width > 0;

  const out: TextPaint[] = [];
  for (const chart of charts) {
    const figure = document.querySelector(`figure[data-chart="${chart}"]`);
    if (!figure) throw new Error(`no chart ${chart}`);
    // Outermost SVGs only: a nested <svg> is painted as part of its parent.
    const svgs = [...figure.querySelectorAll('svg')].filter(
      (svg) => !svg.parentElement?.closest('svg'),
    );
    for (const svg of svgs) {
      const base = pageBackground(svg);
      const rects = [...svg.querySelectorAll('rect')].filter(visible);
      for (const el of svg.querySelectorAll('text, tspan')) {
        const own = [...el.childNodes]
          .filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent ?? '')
          .join('')
          .trim();
        if (!own || !visible(el)) continue;
        const style = getComputedStyle(el);
        const fill = parse(style.fill);
        if (!fill) continue;
        const box = el.getBoundingClientRect();
        const [cx, cy] = [box.left + box.width / 2, box.top + box.height / 2];
        let backdrop = base;
        for (const rect of rects) {
          if (!(rect.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
          if (rect.contains(el)) continue;
          const r = rect.getBoundingClientRect();
          if (cx < r.left || cx > r.right || cy < r.top || cy > r.bottom) continue;
          const rs = getComputedStyle(rect);
          const rf = parse(rs.fill);
          if (!rf) continue;
          backdrop = over(rf, Number(rs.fillOpacity) * opacityUpTo(rect, svg), backdrop);
        }
        const alpha = opacityUpTo(el, svg);
        const halo = parse(style.stroke);
        if (halo && style.paintOrder.startsWith('stroke') && parseFloat(style.strokeWidth) >= 2) {
          backdrop = over(halo, Number(style.strokeOpacity) * alpha, backdrop);
        }
        const colour = over(fill, Number(style.fillOpacity) * alpha, backdrop);
        out.push({
          chart,
          text: own.length > 40 ? `${own.slice(0, 39)}…` : own,
          colour: css(colour),
          backdrop: css(backdrop),
          ratio: Math.round(ratio(colour, backdrop) * 100) / 100,
        });
      }
    }
  }
  return out;
}

/** Waits until every transition and animation on the page has run to its end. */
async function settled(page: Page): Promise<void> {
  await page.mouse.move(0, 0);
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
}

const states: { name: string; act: (page: Page) => Promise<void>; param: string | null }[] = [
  { name: 'nothing selected', act: async () => {}, param: null },
  {
    name: 'a theme selected (a bar clicked)',
    act: (page) => page.locator('[data-row-theme="readmission"]').click(),
    param: 'theme',
  },
  {
    name: 'an actor selected',
    act: (page) => page.locator('[data-actor="western_states"]').click(),
    param: 'actor',
  },
  {
    name: 'a sentence pinned',
    act: (page) => page.locator('[data-testid="reader"] [data-sentence="s27"]').click(),
    param: 'sentence',
  },
];

const layouts = [
  { scheme: 'light', width: 1280 },
  { scheme: 'dark', width: 1280 },
  // Narrow: the stacked attribution list and the compact labels of the other charts.
  { scheme: 'dark', width: 390 },
] as const;

describe('chart text contrast (WCAG 1.4.3, 4.5:1)', () => {
  for (const { scheme, width } of layouts) {
    for (const state of states) {
      if (width < 1280 && state.param !== 'actor') continue;
      it(`every chart text reaches 4.5:1: ${scheme}, ${width} px, ${state.name}`, async () => {
        const context = await dashboard.browser.newContext({
          colorScheme: scheme,
          viewport: { width, height: 900 },
        });
        const page = await context.newPage();
        await page.goto(dashboard.url);
        await chartsDrawn(page);
        await state.act(page);
        if (state.param) {
          await expect.poll(() => new URL(page.url()).searchParams.has(state.param!)).toBe(true);
        }
        await settled(page);
        const texts = await page.evaluate(paintedTexts, CHARTS);
        await context.close();

        for (const chart of CHARTS) {
          expect(
            texts.some((t) => t.chart === chart),
            `${chart} has texts`,
          ).toBe(true);
        }
        const failing = texts
          .filter((t) => t.ratio < 4.5)
          .map((t) => `${t.chart}: “${t.text}” ${t.colour} on ${t.backdrop} = ${t.ratio}:1`);
        expect(
          failing,
          `${failing.length} chart texts below 4.5:1 (${scheme}, ${state.name}):\n${failing.join('\n')}`,
        ).toEqual([]);
      });
    }
  }
});

describe('reduced motion', () => {
  /** Every element whose transitions or animations take time, with their durations. */
  function moving(): string[] {
    const seconds = (list: string) => list.split(',').map((d) => parseFloat(d) || 0);
    const out: string[] = [];
    for (const el of document.querySelectorAll('*')) {
      const style = getComputedStyle(el);
      const times = [...seconds(style.transitionDuration), ...seconds(style.animationDuration)];
      if (times.some((t) => t > 0)) {
        const name = `${el.localName}${el.getAttribute('class') ? `.${el.getAttribute('class')!.trim().split(/\s+/).join('.')}` : ''}`;
        out.push(
          `${name}: transition ${style.transitionDuration}, animation ${style.animationDuration}`,
        );
      }
    }
    return out;
  }

  for (const scheme of ['light', 'dark'] as const) {
    it(`turns every transition, animation and smooth scroll off (${scheme})`, async () => {
      const context = await dashboard.browser.newContext({
        reducedMotion: 'reduce',
        colorScheme: scheme,
        viewport: { width: 1280, height: 900 },
      });
      const page = await context.newPage();
      await page.goto(`${dashboard.url}?theme=readmission`);
      await chartsDrawn(page);
      expect(await page.evaluate(moving)).toEqual([]);

      // The reader moves to a sentence by setting its scroll position: with no smooth
      // scrolling that is one jump (one scroll event), not a run of them.
      const reader = page.getByTestId('reader');
      expect(await reader.evaluate((el) => getComputedStyle(el).scrollBehavior)).toBe('auto');
      expect(
        await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior),
      ).toBe('auto');
      const scrolls = await reader.evaluate(async (el) => {
        const frames = (n: number) =>
          new Promise<void>((done) => {
            const step = (left: number) =>
              left ? requestAnimationFrame(() => step(left - 1)) : done();
            step(n);
          });
        el.scrollTop = 0;
        await frames(2);
        const seen: number[] = [];
        el.addEventListener('scroll', () => seen.push(el.scrollTop));
        el.scrollTop = el.scrollHeight - el.clientHeight;
        await frames(20);
        return seen;
      });
      await context.close();
      expect(scrolls.length, `scroll positions: ${scrolls.join(', ')}`).toBe(1);
      expect(scrolls[0]).toBeGreaterThan(0);
    });
  }
});
