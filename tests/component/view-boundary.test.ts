import { render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import TopicTimeline from '../../src/lib/charts/timeline/TopicTimeline.svelte';
import type { ChartProps } from '../../src/lib/charts/types.ts';
import { emptySelection } from '../../src/lib/data/queries.ts';
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
  it('draws the chart when it can', () => {
    const onfailed = vi.fn();
    // The component's own prop is named `props`, so the options form is needed here.
    const { container } = render(ViewBoundary, {
      props: {
        title: 'Where each theme sits in the text',
        chart: TopicTimeline,
        props: props(doc),
        onfailed,
      },
    });
    expect(container.querySelectorAll('rect.mark')).toHaveLength(doc.counts.themeCodings);
    expect(screen.queryByTestId('view-error')).toBeNull();
    expect(onfailed).not.toHaveBeenCalled();
  });

  it('shows its own error, naming the view, when the chart cannot draw', () => {
    const onfailed = vi.fn();
    const broken = { ...doc, sentences: undefined } as unknown as StatementDocument;
    render(ViewBoundary, {
      props: {
        title: 'Where each theme sits in the text',
        chart: TopicTimeline,
        props: props(broken),
        onfailed,
      },
    });
    const error = screen.getByTestId('view-error');
    expect(error).toHaveTextContent('Where each theme sits in the text');
    expect(error).toHaveTextContent('This view cannot be drawn from the dataset');
    expect(error).toHaveAttribute('role', 'alert');
    expect(onfailed).toHaveBeenCalledOnce();
  });
});
