import type { Page } from 'playwright-core';

/**
 * Waits until the process timeline and the outcome map are drawn. In the dashboard they may
 * load only as they come near the screen: the page is scrolled to its end and back first.
 */
export async function contextViewsDrawn(page: Page): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.waitForFunction(
    () =>
      document.querySelector('[data-testid="process-timeline"] svg[data-chart-svg]') !== null &&
      document.querySelector('[data-testid="outcome-map"] svg[data-chart-svg]') !== null,
    null,
    { timeout: 15_000 },
  );
  await page.evaluate(() => window.scrollTo(0, 0));
}
