import { readFileSync } from 'node:fs';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import App from '../../src/App.svelte';
import { VIEWS } from '../../src/lib/charts/registry.ts';
import { selection, writeHistory } from '../../src/lib/state/selection.svelte.ts';
import { datasetPath, doc } from '../helpers/dataset.ts';

/** The real dataset, served to the app's fetch as the built app serves it. */
beforeEach(() => {
  const body = readFileSync(datasetPath, 'utf8');
  vi.stubGlobal('fetch', async () => new Response(body, { status: 200 }));
  window.history.replaceState(null, '', '/');
  selection.clear();
  // Written now, not in the middle of the next test.
  writeHistory();
});
afterEach(() => vi.unstubAllGlobals());

const withTheme = (theme: string) =>
  doc.sentences.filter((s) => s.themes.some((t) => t.theme === theme)).map((s) => s.id);
const withAll = (...themes: string[]) =>
  doc.sentences
    .filter((s) => themes.every((t) => s.themes.some((c) => c.theme === t)))
    .map((s) => s.id);

async function renderApp() {
  const view = render(App, { datasetUrl: '/data/dataset.json' });
  // The statement and every view load their code on their own: wait for all of them.
  await waitFor(
    () =>
      expect(view.container.querySelectorAll('[data-testid="reader"] .sentence')).toHaveLength(
        doc.sentences.length,
      ),
    { timeout: 15_000 },
  );
  await waitFor(
    () => {
      expect(view.container.querySelectorAll('[data-testid="view-loading"]')).toHaveLength(0);
      expect(view.container.querySelectorAll('figure[data-chart]')).toHaveLength(VIEWS.length);
    },
    { timeout: 15_000 },
  );
  return view.container;
}

/** What each view shows as picked, read from the DOM. */
function picked(container: HTMLElement) {
  const ids = (selector: string, attr: string) =>
    [
      ...new Set(
        [...container.querySelectorAll<HTMLElement | SVGElement>(selector)].map((n) =>
          n.getAttribute(attr)!,
        ),
      ),
    ].sort();
  return {
    reader: ids('[data-testid="reader"] .sentence.hit', 'data-sentence'),
    timelineBright: ids('rect.mark:not([data-dimmed])', 'data-sentence'),
    linksBright: ids('[data-link][data-lit="true"]', 'data-link'),
  };
}
const sorted = (ids: string[]) => [...ids].sort();
const linksIn = (sentences: string[]) =>
  sorted(doc.attributions.filter((a) => sentences.includes(a.sentence)).map((a) => a.id));

describe('one selection drives every view', () => {
  it('a theme bar picks its sentences in the reader, the timeline and the diagram', async () => {
    const container = await renderApp();
    await fireEvent.click(container.querySelector('[data-row-theme="readmission"]')!);
    const expected = sorted(withTheme('readmission'));
    await waitFor(() => expect(picked(container).reader).toEqual(expected));
    expect(picked(container).timelineBright).toEqual(expected);
    expect(picked(container).linksBright).toEqual(linksIn(expected));
    expect(screen.getByTestId('selection-summary')).toHaveTextContent(
      `Readmission & return: ${expected.length} of ${doc.sentences.length} sentences`,
    );
    await waitFor(() => expect(window.location.search).toBe('?theme=readmission'));
  });

  it('a timeline mark pins its sentence in the reader and opens its detail', async () => {
    const container = await renderApp();
    const mark = container.querySelector<SVGRectElement>('rect.mark[data-sentence="s27"]')!;
    await fireEvent.click(mark);
    await waitFor(() => expect(picked(container).reader).toEqual(['s27']));
    expect(picked(container).timelineBright).toEqual(['s27']);
    expect(await screen.findByTestId('sentence-detail', {}, { timeout: 5000 })).toHaveTextContent(
      doc.sentences[26].text,
    );
    expect(screen.getByTestId('detail-modality')).toHaveTextContent('Attribution');
  });

  it('an actor picks the sentences that carry its attributions', async () => {
    const container = await renderApp();
    await fireEvent.click(container.querySelector('[data-actor="western_states"]')!);
    const expected = sorted([
      ...new Set(
        doc.attributions.filter((a) => a.actor === 'western_states').map((a) => a.sentence),
      ),
    ]);
    await waitFor(() => expect(picked(container).reader).toEqual(expected));
    expect(picked(container).timelineBright).toEqual(
      expected.filter((id) => doc.sentences.find((s) => s.id === id)!.themes.length > 0),
    );
    expect(picked(container).linksBright).toEqual(
      sorted(doc.attributions.filter((a) => a.actor === 'western_states').map((a) => a.id)),
    );
  });

  it('a matrix cell picks the sentences that carry both themes', async () => {
    const container = await renderApp();
    const cell = [...container.querySelectorAll<SVGElement>('[data-cell]')].find(
      (c) => c.dataset.row === 'responsibility' && c.dataset.col === 'root_causes',
    )!;
    await fireEvent.click(cell);
    const expected = sorted(withAll('responsibility', 'root_causes'));
    expect(expected.length).toBeGreaterThan(0);
    await waitFor(() => expect(picked(container).reader).toEqual(expected));
    expect(picked(container).timelineBright).toEqual(expected);
  });

  it('a sentence in the reader narrows the timeline to its marks', async () => {
    const container = await renderApp();
    await fireEvent.click(container.querySelector('[data-testid="reader"] [data-sentence="s11"]')!);
    await waitFor(() => expect(picked(container).timelineBright).toEqual(['s11']));
    expect(picked(container).linksBright).toEqual(linksIn(['s11']));
  });

  it('hover previews without pinning, and Escape clears what is pinned', async () => {
    const container = await renderApp();
    const row = container.querySelector('[data-row-theme="security"]')!;
    await fireEvent.mouseEnter(row);
    await waitFor(() => expect(picked(container).reader).toEqual(sorted(withTheme('security'))));
    expect(window.location.search).toBe('');
    await fireEvent.mouseLeave(row);
    await waitFor(() => expect(picked(container).reader).toEqual([]));
    await fireEvent.click(row);
    await waitFor(() => expect(picked(container).reader).toEqual(sorted(withTheme('security'))));
    await waitFor(() => expect(window.location.search).toBe('?theme=security'));
    await fireEvent.keyDown(window, { key: 'Escape' });
    await waitFor(() => expect(picked(container).reader).toEqual([]));
    await waitFor(() => expect(window.location.search).toBe(''));
  });

  it('shows a clear message, not a blank page, when the dataset is damaged', async () => {
    vi.stubGlobal('fetch', async () => new Response('{"schemaVersion": 1, "docu', { status: 200 }));
    render(App, { datasetUrl: '/data/dataset.json' });
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent('The dataset is not valid JSON'),
    );
  });
});
