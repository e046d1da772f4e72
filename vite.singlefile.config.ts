/**
 * The one-file build (`npm run build:single`): one self-contained HTML page, script, styles,
 * dataset and favicon inlined, that works from `file://` with no network. For briefings sent as
 * attachments; not for serving (its inline script and style cannot run under the app's
 * Content-Security-Policy).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig, type Plugin } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import base from './vite.config.ts';

export const singleFileName = 'gcm-position-dashboard.html';

/** The page's `<link rel="icon" href="/…">` becomes a data: URL, so the file requests nothing. */
function inlineFavicon(): Plugin {
  return {
    name: 'gcm:inline-favicon',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        return html.replace(
          /(<link\b[^>]*\brel="icon"[^>]*\bhref=")(\/[^"]+)(")/,
          (_, before: string, href: string, after: string) => {
            const file = fileURLToPath(new URL(`./public${href}`, import.meta.url));
            const svg = readFileSync(file, 'utf8').trim();
            return `${before}data:image/svg+xml,${encodeURIComponent(svg)}${after}`;
          },
        );
      },
    },
  };
}

export default mergeConfig(
  base,
  defineConfig({
    // Read by the app as import.meta.env.MODE: src/lib/data/source.ts inlines the dataset,
    // src/lib/context/source.ts the GCM context and the outcome map, src/lib/state/url.ts keeps
    // the selection in the hash.
    mode: 'singlefile',
    // Nothing from public/ is copied next to the file: the favicon is inlined, the rest is unused.
    publicDir: false,
    plugins: [inlineFavicon(), viteSingleFile({ outputFileName: singleFileName })],
    build: {
      outDir: 'dist-single',
      emptyOutDir: true,
      // One inline module script: no preload links, so no preload polyfill either.
      modulePreload: false,
    },
  }),
);
