/**
 * Byte budgets of a first visit (gzip): what the dashboard and each embedded view make Chromium
 * download from the production build. Times are the benchmark's business (npm run bench).
 */
import { describe, expect, it } from 'vitest';
import { EMBED_NAMES } from '../../src/lib/embed/mode.ts';
import { useDashboard } from './browser.ts';
import { firstLoadBytes, kb, type Bytes } from './bytes.ts';

const KB = 1024;
const BUDGET = { dashboard: 120 * KB, embeddedView: 100 * KB, dataset: 30 * KB };

const codeBytes = (bytes: Bytes) => bytes.js.gzip + bytes.css.gzip;
const listing = (bytes: Bytes) =>
  `JS ${kb(bytes.js.gzip)} in ${bytes.js.files.length} files, CSS ${kb(bytes.css.gzip)}: ` +
  [...bytes.js.files, ...bytes.css.files].map((f) => `${f.path} ${kb(f.gzip)}`).join(', ');

describe('byte budgets of a first visit, gzip', () => {
  const app = useDashboard();

  it(`the dashboard ships at most ${BUDGET.dashboard / KB} KB of JS and CSS`, async () => {
    const bytes = await firstLoadBytes(app.browser, app.url);
    expect(bytes.problems).toEqual([]);
    expect(bytes.js.files.length).toBeGreaterThan(0);
    expect(codeBytes(bytes), listing(bytes)).toBeLessThanOrEqual(BUDGET.dashboard);
  });

  it(`the statement's dataset is at most ${BUDGET.dataset / KB} KB`, async () => {
    const bytes = await firstLoadBytes(app.browser, app.url);
    const dataset = bytes.data.files.filter((f) => /\/dataset[^/]*\.json$/.test(f.path));
    expect(dataset).toHaveLength(1);
    expect(dataset[0].gzip).toBeGreaterThan(1000);
    expect(dataset[0].gzip).toBeLessThanOrEqual(BUDGET.dataset);
  });

  for (const name of EMBED_NAMES.filter((n) => n !== 'dashboard')) {
    it(`the embedded "${name}" view ships at most ${BUDGET.embeddedView / KB} KB of JS and CSS`, async () => {
      const bytes = await firstLoadBytes(app.browser, `${app.url}?embed=${name}`);
      expect(bytes.problems).toEqual([]);
      expect(codeBytes(bytes), listing(bytes)).toBeLessThanOrEqual(BUDGET.embeddedView);
    });
  }
});
