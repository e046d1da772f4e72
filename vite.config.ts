/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { contentSecurityPolicy } from './src/csp.ts';
import { unusedModules } from './scripts/unused-modules.ts';
import { plainDynamicImports } from './scripts/plain-dynamic-imports.ts';
import { lazyNumberFormat } from './scripts/lazy-number-format.ts';
import { precompressed } from './scripts/precompressed.ts';
import { inlineFavicon } from './scripts/inline-favicon.ts';

export default defineConfig({
  plugins: [
    plainDynamicImports(),
    lazyNumberFormat(),
    svelte(),
    svelteTesting(),
    unusedModules(
      [
        'd3-axis',
        'd3-geo',
        'd3-scale-chromatic',
        'd3-time',
        'd3-time-format',
        '@observablehq/plot/src/interactions/pointer.js',
        '@observablehq/plot/src/marks/tip.js',
        '@observablehq/plot/src/legends/ramp.js',
        '@observablehq/plot/src/legends/swatches.js',
        // The theme overview's scales are linear, band and identity: never diverging.
        '@observablehq/plot/src/scales/diverging.js',
      ],
      // Plot builds its y-reflection with geoTransform as it loads.
      { 'd3-geo': ['geoTransform'] },
    ),
    precompressed(),
    inlineFavicon(),
  ],
  build: {
    target: 'es2022',
    // Browsers from 2024 on: they read `color-scheme` and the `lh` unit as written, with no
    // fallback variables for the colour scheme in the stylesheet.
    cssTarget: ['chrome123', 'edge123', 'firefox120', 'safari17.5'],
    sourcemap: false,
    // Browsers the app supports preload modules themselves; scripts/plain-dynamic-imports.ts
    // leaves Vite's preload helper out as well.
    modulePreload: false,
    // One stylesheet: the views' styles are small, and one file compresses better than ten.
    cssCodeSplit: false,
    rolldownOptions: {
      // Six characters of hash (36 bits) name each file apart: every import carries its file's
      // name, and a shorter hash compresses better.
      output: {
        entryFileNames: 'assets/[name]-[hash:6].js',
        chunkFileNames: 'assets/[name]-[hash:6].js',
        assetFileNames: 'assets/[name]-[hash:6][extname]',
      },
    },
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    headers: {
      'Content-Security-Policy': contentSecurityPolicy,
      // An embed in <iframe sandbox="allow-scripts"> runs in an opaque origin ("null"), so its
      // module script, stylesheet and dataset are cross-origin requests: allow them. Every file
      // is public and no request carries credentials.
      'Access-Control-Allow-Origin': '*',
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', environment: 'node', include: ['tests/unit/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['tests/component/**/*.test.ts'],
          setupFiles: ['tests/component/setup.ts'],
          // The whole app renders in some of them, loading each view's code on its own.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          globalSetup: ['tests/e2e/build.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
