/**
 * npm run screenshots: builds the app and captures the dashboard at 1280 px and 390 px wide
 * (light and dark) into docs/, the pictures the README shows.
 */
import { launchBrowser, startServer, chartsDrawn } from '../tests/e2e/browser.ts';
import buildForBrowser from '../tests/e2e/build.ts';

buildForBrowser();
const browser = await launchBrowser();
const server = await startServer();
const shots = [
  { file: 'docs/dashboard-1280.png', width: 1280, query: '?theme=readmission', scheme: 'light' },
  { file: 'docs/dashboard-390.png', width: 390, query: '?actor=western_states', scheme: 'light' },
  {
    file: 'docs/dashboard-1280-dark.png',
    width: 1280,
    query: '?theme=responsibility',
    scheme: 'dark',
  },
] as const;
try {
  for (const shot of shots) {
    const page = await browser.newPage({
      viewport: { width: shot.width, height: 900 },
      colorScheme: shot.scheme,
    });
    await page.goto(`${server.url}${shot.query}`);
    await chartsDrawn(page);
    await page.screenshot({ path: shot.file, fullPage: true });
    console.log(`wrote ${shot.file}`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
