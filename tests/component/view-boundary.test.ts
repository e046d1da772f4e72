import { render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { ChartProps } from '../../src/lib/charts/types.ts';
import { emptySelection } from '../../src/lib/data/queries.ts';
import { CHART_LOADERS } from '../../src/lib/charts/views.ts';
import type { StatementDocument } from '../../src/lib/data/types.ts';
import ViewBoundary from '../../src/lib/ui/ViewBoundary.svelte';
import { codebook, doc } from '../helpers/dataset.ts';

const props = (statement: StatementDocument): ChartProps => ({
  doc: statement,
  codebook,
  scheme: 'light',
  selection: emptySelection,
  highlight: null,
  onselect: () => {},
  onhover: () => {},
});

describe('a view behind its error boundary', () => {
  it('loads and draws the chart when it can, with a placeholder until its code arrives', async () => {
    const onfailed = vi.fn();
    // The component's own prop is named `props`, so the options form is needed here.
    const { container } = render(ViewBoundary, {
      props: {
        title: 'Where each theme sits in the text',
        load: CHART_LOADERS['topic-timeline'],
        props: props(doc),
        onfailed,
      },
    });
    expect(screen.getByTestId('view-loading')).toHaveTextContent(
      'Where each theme sits in the text',
    );
    await waitFor(() => expect(screen.queryByTestId('view-loading')).toBeNull());
    expect(container.querySelectorAll('rect.mark')).toHaveLength(doc.counts.themeCodings);
    expect(screen.queryByTestId('view-error')).toBeNull();
    expect(onfailed).not.toHaveBeenCalled();
  });

  it('shows its own error, naming the view, when the chart cannot draw', async () => {
    const onfailed = vi.fn();
    const broken = { ...doc, sentences: undefined } as unknown as StatementDocument;
    render(ViewBoundary, {
      props: {
        title: 'Where each theme sits in the text',
        load: CHART_LOADERS['topic-timeline'],
        props: props(broken),
        onfailed,
      },
    });
    const error = await screen.findByTestId('view-error');
    expect(error).toHaveTextContent('Where each theme sits in the text');
    expect(error).toHaveTextContent('This view cannot be drawn from the dataset');
    expect(error).toHaveAttribute('role', 'alert');
    expect(onfailed).toHaveBeenCalledOnce();
  });

  it("shows its own error when the view's code cannot be loaded", async () => {
    const onfailed = vi.fn();
    render(ViewBoundary, {
      props: {
        title: 'Which themes share sentences',
        load: () => Promise.reject(new Error('Failed to fetch dynamically imported module')),
        props: props(doc),
        onfailed,
      },
    });
    const error = await screen.findByTestId('view-error');
    expect(error).toHaveTextContent('Which themes share sentences');
    expect(error).toHaveTextContent(
      'This view could not be loaded: Failed to fetch dynamically imported module',
    );
    expect(onfailed).toHaveBeenCalledOnce();
  });
});
