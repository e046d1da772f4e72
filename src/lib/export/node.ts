import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { JSDOM } from 'jsdom';
import { createServer } from 'vite';
import { composeExport, themeOverviewSvg } from './compose.ts';
import type { StandaloneFile } from './standalone.ts';
import type { ExportInput } from './types.ts';

/**
 * Node side of the export (never imported by the app). Svelte-markup charts are rendered on
 * the server from the app's own components, through Vite's SSR loader so `.svelte` files
 * compile exactly as in the app; the HTML is parsed by jsdom and the chart's root <svg> goes
 * through the same composer as in the browser.
 */

const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));

export interface Exporter {
  /** The standalone SVG file for one chart state. */
  render(input: ExportInput): StandaloneFile;
  close(): Promise<void>;
}

type SsrModule = typeof import('./ssr.ts');

export async function createExporter(): Promise<Exporter> {
  const server = await createServer({
    configFile: false,
    root: projectRoot,
    logLevel: 'error',
    appType: 'custom',
    plugins: [svelte()],
    server: { middlewareMode: true, hmr: false, watch: null, ws: false },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  let ssr: SsrModule;
  try {
    ssr = (await server.ssrLoadModule('/src/lib/export/ssr.ts')) as SsrModule;
  } catch (error) {
    await server.close();
    throw error;
  }
  const { window } = new JSDOM('<!doctype html><html><body></body></html>');
  const document = window.document;

  return {
    render(input) {
      let chart: Element;
      if (input.chart === 'theme-overview') chart = themeOverviewSvg(input, document);
      else {
        const html = ssr.chartMarkup({ ...input, chart: input.chart });
        const parsed = new window.DOMParser().parseFromString(html, 'text/html');
        const svg = parsed.querySelector('svg[data-chart-svg]');
        if (!svg) throw new Error(`The ${input.chart} chart drew nothing to export.`);
        chart = svg;
      }
      return composeExport(input, chart, document);
    },
    async close() {
      await server.close();
      window.close();
    },
  };
}
