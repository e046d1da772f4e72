import { readFileSync } from 'node:fs';
import { configure, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import App from '../../src/App.svelte';
import { VIEWS } from '../../src/lib/charts/registry.ts';
import { selection, writeHistory } from '../../src/lib/state/selection.svelte.ts';
import { SINGLE_FILE_MODE } from '../../src/lib/state/url.ts';
import { datasetPath, doc } from '../helpers/dataset.ts';

/** The app as the one-file build runs it: the selection lives in the URL hash. */
configure({ asyncUtilTimeout: 5000 }); // the first render compiles and draws four charts
beforeEach(() => {
  vi.stubEnv('MODE', SINGLE_FILE_MODE);
  const body = readFileSync(datasetPath, 'utf8');
  vi.stubGlobal('fetch', async () => new Response(body, { status: 200 }));
  window.history.replaceState(null, '', '/');
  selection.clear();
  // Written now, not in the middle of the next test.
  writeHistory();
  window.history.replaceState(null, '', '/');
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

const withTheme = (theme: string) =>
  doc.sentences.filter((s) => s.themes.some((t) => t.theme === theme)).map((s) => s.id);

const hits = (container: HTMLElement) =>
  [...container.querySelectorAll<HTMLElement>('[data-testid="reader"] .sentence.hit')].map(
    (n) => n.dataset.sentence,
  );

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

/** Back or forward, as the browser does it: move in history, then fire popstate. */
async function traverse(step: () => void) {
  const popped = new Promise((resolve) =>
    window.addEventListener('popstate', resolve, { once: true }),
  );
  step();
  await popped;
}

describe('the selection in the URL hash (one-file build)', () => {
  it('a click writes the hash, not the query', async () => {
    const container = await renderApp();
    await fireEvent.click(container.querySelector('[data-row-theme="readmission"]')!);
    await waitFor(() => expect(hits(container)).toEqual(withTheme('readmission')));
    await waitFor(() => expect(window.location.hash).toBe('#theme=readmission'));
    expect(window.location.search).toBe('');
    await fireEvent.keyDown(window, { key: 'Escape' });
    await waitFor(() => expect(hits(container)).toEqual([]));
    await waitFor(() => expect(window.location.href).toBe(`${window.location.origin}/`));
  });

  it('opens the selection a hash names', async () => {
    window.history.replaceState(null, '', '/#theme=readmission&sentence=s12');
    const container = await renderApp();
    expect(selection.pinned.themes).toEqual(['readmission']);
    expect(selection.pinned.sentence).toBe('s12');
    // s12 is a readmission sentence: both criteria pick it, and its detail opens.
    await waitFor(() => expect(hits(container)).toEqual(['s12']));
    expect(await screen.findByTestId('sentence-detail', {}, { timeout: 5000 })).toHaveTextContent(
      doc.sentences[11].text,
    );
  });

  it('back and forward step through selections', async () => {
    const container = await renderApp();
    const reader = container.querySelector('[data-testid="reader"]')!;
    await fireEvent.click(reader.querySelector('[data-sentence="s5"]')!);
    await fireEvent.click(reader.querySelector('[data-sentence="s27"]')!);
    await waitFor(() => expect(window.location.hash).toBe('#sentence=s27'));
    await traverse(() => window.history.back());
    expect(window.location.hash).toBe('#sentence=s5');
    await waitFor(() => expect(hits(container)).toEqual(['s5']));
    await traverse(() => window.history.back());
    await waitFor(() => expect(hits(container)).toEqual([]));
    await traverse(() => window.history.forward());
    await waitFor(() => expect(hits(container)).toEqual(['s5']));
  });

  it('the skip link (#reader-title) keeps the selection', async () => {
    const container = await renderApp();
    await fireEvent.click(container.querySelector('[data-row-theme="security"]')!);
    await waitFor(() => expect(hits(container)).toEqual(withTheme('security')));
    await waitFor(() => expect(window.location.hash).toBe('#theme=security'));
    window.history.pushState(null, '', '/#reader-title');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await waitFor(() => expect(selection.pinned.themes).toEqual(['security']));
    expect(hits(container)).toEqual(withTheme('security'));
  });
});
