import '@testing-library/jest-dom/vitest';
import { measuring } from '../../src/lib/charts/box-width.ts';

// jsdom has no layout engine: ResizeObserver is absent and every box measures 0 x 0. Charts
// then fall back to their default width, which is what the geometry tests assume.
class NoLayoutResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= NoLayoutResizeObserver as unknown as typeof ResizeObserver;

// Nor is there a layout to share between the boxes mounted in one update: each box is measured
// as it mounts (at 0), so a chart rendered in a test is drawn when `render` returns.
measuring.soon = (measure) => measure();
