import { render, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import AttributionDiagram from '../../src/lib/charts/attribution/AttributionDiagram.svelte';
import { canStack } from '../../src/lib/charts/attribution/layout.ts';
import { codebook, doc } from '../helpers/dataset.ts';
import { stubClientWidth } from '../helpers/dom.ts';
import { mergedCorpus, restingChartProps } from '../helpers/corpus.ts';

/** The stacked layout's code is not in the first load: a narrow chart loads it, then draws. */
describe('AttributionDiagram: the first narrow chart of a page', () => {
  let restore = () => {};
  beforeEach(() => {
    restore = stubClientWidth(320);
  });
  afterEach(() => restore());

  it('loads the stacked layout and only then draws, once, stacked', async () => {
    expect(canStack()).toBe(false);
    const ondrawn = vi.fn();
    const { container } = render(AttributionDiagram, restingChartProps(doc, codebook, { ondrawn }));
    // Nothing is drawn in the meantime (not the wide layout at 320 px).
    expect(container.querySelector('[data-testid="attribution-svg"]')).toBeNull();
    expect(container.querySelector('[data-mode]')).toBeNull();
    expect(ondrawn).not.toHaveBeenCalled();
    await waitFor(() =>
      expect(container.querySelector('[data-mode]')).toHaveAttribute('data-mode', 'stacked'),
    );
    expect(canStack()).toBe(true);
    expect(container.querySelectorAll('g[data-link]')).toHaveLength(doc.attributions.length);
    await waitFor(() => expect(ondrawn).toHaveBeenCalledTimes(1));
  });

  it("names a corpus's bundled rows with their number, and draws none on their lines", async () => {
    const { codebook, merged } = mergedCorpus();
    const { container } = render(AttributionDiagram, restingChartProps(merged, codebook));
    await waitFor(() =>
      expect(container.querySelector('[data-mode]')).toHaveAttribute('data-mode', 'stacked'),
    );
    expect(container.querySelectorAll('g[data-link]')).toHaveLength(merged.bundles.length);
    expect(container.querySelectorAll('g[data-link] text')).toHaveLength(0);
    const bundled = merged.bundles.filter((b) => b.length > 1);
    expect(bundled.length).toBeGreaterThan(0);
    for (const b of bundled) {
      const key = `${b[0].actor}|${b[0].relation}|${b[0].target}`;
      expect(container.querySelector(`[data-target="${key}"]`)).toHaveTextContent(
        `${b.length} attributions`,
      );
    }
  });
});
