import { readFileSync } from 'node:fs';
import { render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import App from '../../src/App.svelte';
import { VIEWS } from '../../src/lib/charts/registry.ts';
import { selection, writeHistory } from '../../src/lib/state/selection.svelte.ts';
import { datasetPath, doc } from '../helpers/dataset.ts';

beforeEach(() => {
  const body = readFileSync(datasetPath, 'utf8');
  vi.stubGlobal('fetch', async () => new Response(body, { status: 200 }));
  selection.clear();
  // Written now, not in the middle of the next test.
  writeHistory();
});
afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

async function renderAt(query: string) {
  window.history.replaceState(null, '', `/${query}`);
  const view = render(App, { datasetUrl: '/data/dataset.json' });
  // A view's code loads on its own (the first time, a cold import takes a while here).
  await waitFor(() => expect(view.container.querySelector('figure[data-chart]')).not.toBeNull(), {
    timeout: 15_000,
  });
  return view.container;
}

const withTheme = (theme: string) =>
  doc.sentences.filter((s) => s.themes.some((t) => t.theme === theme));

describe('embed mode', () => {
  it.each(VIEWS.map((v) => [v.embed, v] as const))(
    '?embed=%s shows that chart alone, with its title and source, without the app chrome',
    async (name, view) => {
      const container = await renderAt(`?embed=${name}&theme=readmission`);
      const figures = container.querySelectorAll('figure[data-chart]');
      expect([...figures].map((f) => f.getAttribute('data-chart'))).toEqual([view.chart]);
      expect(figures[0].querySelector('h2')).toHaveTextContent(view.title);
      expect(figures[0].querySelector('figcaption')).toHaveTextContent(/^Source: /);
      expect(container.querySelector('.masthead, .skip, .colophon, h1')).toBeNull();
      expect(screen.queryByTestId('reader')).toBeNull();
      expect(screen.getByTestId('selection-bar').querySelectorAll('button')).toHaveLength(0);
      expect(screen.getByTestId('selection-summary')).toHaveTextContent('Readmission');
      expect(screen.queryByRole('button', { name: /^Embed/ })).toBeNull();
    },
  );

  it('offers the selected sentences under a single view, collapsed', async () => {
    await renderAt('?embed=timeline&theme=readmission');
    const details = screen.getByTestId('embed-sentences') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    const expected = withTheme('readmission');
    expect(details.querySelector('summary')).toHaveTextContent(
      `The ${expected.length} selected sentences`,
    );
    // The list's code loads once there is a selection.
    await waitFor(() =>
      expect(
        [...details.querySelectorAll('[data-sentence] blockquote')].map((q) => q.textContent),
      ).toEqual(expected.map((s) => s.text)),
    );
  });

  it('links an embedded view to the full dashboard with the same selection', async () => {
    await renderAt('?embed=themes&theme=security');
    const link = screen.getByRole('link', { name: /Open in the dashboard/ });
    expect(link).toHaveAttribute('href', `${window.location.origin}/?theme=security`);
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener');
  });

  it('?embed=dashboard shows every chart and the statement, without the app chrome', async () => {
    const container = await renderAt('?embed=dashboard');
    await waitFor(
      () => expect(container.querySelectorAll('figure[data-chart]')).toHaveLength(VIEWS.length),
      { timeout: 10_000 },
    );
    expect(await screen.findByTestId('reader', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(container.querySelector('.masthead, .skip, .colophon, h1')).toBeNull();
    expect(screen.queryByTestId('embed-sentences')).toBeNull();
  });

  it('names an unknown view and the views there are', async () => {
    window.history.replaceState(null, '', '/?embed=timelines');
    render(App, { datasetUrl: '/data/dataset.json' });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('There is no view called “timelines” to embed');
    expect(alert).toHaveTextContent(
      'themes, timeline, attribution, cooccurrence, process, outcomes, dashboard',
    );
    expect(document.querySelector('figure[data-chart]')).toBeNull();
  });

  it('without embed, keeps the masthead with an Embed button for the whole dashboard', async () => {
    await renderAt('');
    expect(screen.getByRole('heading', { level: 1 })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^Embed: Russia's position/ })).toBeInTheDocument();
  });
});

describe('the print section', () => {
  it('quotes the selected sentences in full, with their numbers, when the page is printed', async () => {
    await renderAt('?theme=readmission');
    const section = screen.getByTestId('print-selection');
    // Hidden on screen, it is written only for print: selections do not rewrite it.
    expect(section).toHaveTextContent(/^Selection$/);
    window.dispatchEvent(new Event('beforeprint'));
    const expected = withTheme('readmission');
    await waitFor(() =>
      expect(section.querySelectorAll('[data-sentence]')).toHaveLength(expected.length),
    );
    const items = [...section.querySelectorAll('[data-sentence]')];
    expect(items.map((li) => li.getAttribute('data-sentence'))).toEqual(expected.map((s) => s.id));
    expect(items.map((li) => li.querySelector('blockquote')!.textContent)).toEqual(
      expected.map((s) => s.text),
    );
    expect(items[0]).toHaveTextContent(`Sentence ${expected[0].order}`);
    expect(section).toHaveTextContent(`Online: ${window.location.origin}/?theme=readmission`);
  });

  it('says when nothing is selected', async () => {
    await renderAt('');
    window.dispatchEvent(new Event('beforeprint'));
    const section = screen.getByTestId('print-selection');
    expect(section).toHaveTextContent('Nothing selected');
    expect(section.querySelectorAll('[data-sentence]')).toHaveLength(0);
  });
});
