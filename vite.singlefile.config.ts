/**
 * The one-file build (`npm run build:single`): one self-contained HTML page, script, styles,
 * dataset and favicon inlined, that works from `file://` with no network. For briefings sent as
 * attachments; not for serving (its inline script and style cannot run under the app's
 * Content-Security-Policy).
 */
import { defineConfig, mergeConfig } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import base from './vite.config.ts';

export const singleFileName = 'gcm-position-dashboard.html';

export default mergeConfig(
  base,
  defineConfig({
    // Read by the app as import.meta.env.MODE: src/lib/data/source.ts inlines the dataset,
    // src/lib/context/source.ts the GCM context and the outcome map, src/lib/state/url.ts keeps
    // the selection in the hash.
    mode: 'singlefile',
    // Nothing from public/ is copied next to the file: the favicon is inlined (vite.config.ts),
    // the rest is unused.
    publicDir: false,
    plugins: [viteSingleFile({ outputFileName: singleFileName })],
    build: {
      outDir: 'dist-single',
      emptyOutDir: true,
      // One inline module script: no preload links, so no preload polyfill either.
      modulePreload: false,
    },
  }),
);
