import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chartsDrawn, useDashboard } from './browser.ts';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const dashboard = useDashboard();

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

/** WCAG 2.2 A and AA rules of axe-core, run on the whole page. */
async function violations(page: Page): Promise<string[]> {
  // The page's CSP forbids injected inline scripts; axe is added from a file through the
  // browser's own channel, which CSP does not govern.
  await page.addScriptTag({ path: axePath });
  const result = (await page.evaluate(() =>
    (
      window as unknown as {
        axe: { run: (ctx: Document, options: object) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    }),
  )) as { violations: AxeViolation[] };
  return result.violations.map(
    (v) =>
      `${v.impact} ${v.id}: ${v.help} — ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | ')}`,
  );
}

const states = [
  { name: 'default state', query: '', scheme: 'light' },
  { name: 'a theme selected', query: '?theme=readmission', scheme: 'light' },
  { name: 'an actor selected', query: '?actor=western_states', scheme: 'light' },
  { name: 'a sentence pinned', query: '?sentence=s27', scheme: 'light' },
  { name: 'dark mode', query: '?theme=responsibility', scheme: 'dark' },
  { name: 'dark mode, an actor selected', query: '?actor=russia', scheme: 'dark' },
  { name: 'embedded theme overview', query: '?embed=themes&theme=readmission', scheme: 'light' },
  { name: 'embedded timeline', query: '?embed=timeline&theme=readmission', scheme: 'light' },
  {
    name: 'embedded attribution diagram',
    query: '?embed=attribution&actor=western_states',
    scheme: 'dark',
  },
  { name: 'embedded co-occurrence matrix', query: '?embed=cooccurrence', scheme: 'light' },
  { name: 'embedded dashboard', query: '?embed=dashboard&theme=security', scheme: 'dark' },
  {
    name: 'an objective of the outcome map selected',
    query: '?objective=21&sentences=s11,s12,s16,s21',
    scheme: 'light',
  },
  { name: 'embedded process timeline', query: '?embed=process&sentence=s1', scheme: 'light' },
  { name: 'embedded process timeline, dark', query: '?embed=process', scheme: 'dark' },
  { name: 'embedded outcome map', query: '?embed=outcomes&theme=readmission', scheme: 'light' },
  {
    name: 'embedded outcome map, dark',
    query: '?embed=outcomes&objective=non_binding&sentences=s5,s29,s34',
    scheme: 'dark',
  },
] as const;

describe('WCAG 2.2 AA with axe-core', () => {
  for (const state of states) {
    it(`has no violation: ${state.name}`, async () => {
      const page = await dashboard.browser.newPage({
        bypassCSP: true,
        colorScheme: state.scheme,
        viewport: { width: 1280, height: 900 },
      });
      await page.goto(`${dashboard.url}${state.query}`);
      await chartsDrawn(page);
      expect(await violations(page)).toEqual([]);
      await page.close();
    });
  }
});
