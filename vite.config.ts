/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { contentSecurityPolicy } from './src/csp.ts';

export default defineConfig({
  plugins: [svelte(), svelteTesting()],
  build: { target: 'es2022', sourcemap: false },
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
