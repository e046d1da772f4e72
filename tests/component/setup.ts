import '@testing-library/jest-dom/vitest';

// jsdom has no layout engine: ResizeObserver is absent and every box measures 0 x 0. Charts
// then fall back to their default width, which is what the geometry tests assume.
class NoLayoutResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= NoLayoutResizeObserver as unknown as typeof ResizeObserver;
