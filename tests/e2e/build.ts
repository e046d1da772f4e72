import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { e2eOutDir } from './browser.ts';

/**
 * Builds the production app once for the browser tests, into a folder of its own. The build
 * runs in a child process: inside the test runner Svelte would resolve its server build.
 */
export default function setup(): void {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'NODE_ENV'),
  );
  const vite = fileURLToPath(new URL('../../node_modules/vite/bin/vite.js', import.meta.url));
  execFileSync(
    process.execPath,
    [vite, 'build', '--logLevel', 'warn', '--outDir', e2eOutDir, '--emptyOutDir'],
    {
      env,
      stdio: 'inherit',
    },
  );
}
