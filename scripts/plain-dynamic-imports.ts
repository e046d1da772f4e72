/**
 * The app preloads no module (`build.modulePreload: false`), yet Vite still bundles its preload
 * helper (about 640 bytes gzip on first load) and wraps every dynamic `import()` in it with an
 * empty list of files to preload. This plugin gives the helper's module a body that only runs
 * the import, so the bundle carries no preloading code. Stylesheets are one file
 * (`cssCodeSplit: false`), so no import ever waits for a stylesheet either.
 */
import type { Plugin } from 'vite';

const HELPER = '\0vite/preload-helper.js';

export function plainDynamicImports(): Plugin {
  return {
    name: 'gcm:plain-dynamic-imports',
    enforce: 'pre',
    apply: 'build',
    resolveId: (id) => (id === HELPER ? id : null),
    load: (id) => (id === HELPER ? 'export const __vitePreload = (load) => load();' : null),
  };
}
