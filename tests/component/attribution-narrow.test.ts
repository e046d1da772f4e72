import { render, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import AttributionDiagram from '../../src/lib/charts/attribution/AttributionDiagram.svelte';
import { canStack } from '../../src/lib/charts/attribution/layout.ts';
import { emptySelection } from '../../src/lib/data/queries.ts';
import { codebook, doc } from '../helpers/dataset.ts';

/** The stacked layout's code is not in the first load: a narrow chart loads it, then draws. */
describe('AttributionDiagram: the first narrow chart of a page', () => {
  beforeEach(() => {
    Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
      configurable: true,
      get: () => 320,
    });
  });
  afterEach(() => {
    delete (HTMLElement.prototype as { clientWidth?: number }).clientWidth;
  });

  it('loads the stacked layout and only then draws, once, stacked', async () => {
    expect(canStack()).toBe(false);
    const ondrawn = vi.fn();
    const { container } = render(AttributionDiagram, {
      doc,
      codebook,
      scheme: 'light',
      selection: emptySelection,
      highlight: null,
      onselect: vi.fn(),
      onhover: vi.fn(),
      ondrawn,
    });
    // Nothing is drawn in the meantime (not the wide layout at 320 px).
    expect(container.querySelector('[data-testid="attribution-svg"]')).toBeNull();
    expect(ondrawn).not.toHaveBeenCalled();
    await waitFor(() =>
      expect(container.querySelector('[data-mode]')).toHaveAttribute('data-mode', 'stacked'),
    );
    expect(canStack()).toBe(true);
    expect(container.querySelectorAll('g[data-link]')).toHaveLength(doc.attributions.length);
    await waitFor(() => expect(ondrawn).toHaveBeenCalledTimes(1));
  });
});
