import { readFileSync } from 'node:fs';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import App from '../../src/App.svelte';
import { selection, writeHistory } from '../../src/lib/state/selection.svelte.ts';
import { datasetPath, doc } from '../helpers/dataset.ts';
import { contextPath, outcomesPath } from '../helpers/context.ts';

/** The app's three files, each served at its own URL as the built app serves them. */
function serve(overrides: Record<string, string> = {}) {
  const files: Record<string, string> = {
    'dataset.json': readFileSync(datasetPath, 'utf8'),
    'gcm-context.json': readFileSync(contextPath, 'utf8'),
    'gcm-outcomes.json': readFileSync(outcomesPath, 'utf8'),
    ...overrides,
  };
  vi.stubGlobal('fetch', async (url: string | URL) => {
    const name = Object.keys(files).find((f) => String(url).endsWith(f));
    return name ? new Response(files[name], { status: 200 }) : new Response('', { status: 404 });
  });
}

beforeEach(() => {
  window.history.replaceState(null, '', '/');
  selection.clear();
  // Written now, not in the middle of the next test.
  writeHistory();
});
afterEach(() => vi.unstubAllGlobals());

async function renderApp() {
  const view = render(App, { datasetUrl: '/data/dataset.json' });
  // The views load their code when first shown: wait for the two that draw the context.
  await waitFor(
    () => {
      expect(view.container.querySelectorAll('[data-testid="reader"] .sentence')).toHaveLength(
        doc.sentences.length,
      );
      expect(view.container.querySelector('[data-testid="outcome-map"] svg')).not.toBeNull();
      expect(view.container.querySelector('[data-testid="process-timeline"] svg')).not.toBeNull();
      expect(view.container.querySelector('[data-row-theme="readmission"]')).not.toBeNull();
    },
    { timeout: 10_000 },
  );
  return view.container;
}

const readerHits = (container: HTMLElement) =>
  [...container.querySelectorAll<HTMLElement>('[data-testid="reader"] .sentence.hit')]
    .map((n) => n.dataset.sentence!)
    .sort();

// The whole app, its views' code loaded on first show: slower than one chart alone.
describe('the process timeline and the outcome map in the dashboard', { timeout: 30_000 }, () => {
  it('a theme lights its demands in the outcome map, and their objectives', async () => {
    serve();
    const container = await renderApp();
    await fireEvent.click(container.querySelector('[data-row-theme="readmission"]')!);
    await waitFor(() =>
      expect(
        [
          ...container.querySelectorAll<SVGGElement>(
            '[data-testid="outcome-map"] g.mark[data-key^="row:"]:not([data-dimmed])',
          ),
        ]
          .map((g) => g.dataset.sentence)
          .sort(),
      ).toEqual(['s11', 's12', 's21']),
    );
    expect(
      container.querySelector('[data-testid="outcome-map"] g.mark[data-column="21"]'),
    ).not.toHaveAttribute('data-dimmed');
    expect(
      container.querySelector('[data-testid="outcome-map"] g.mark[data-column="non_binding"]'),
    ).toHaveAttribute('data-dimmed', 'true');
  });

  it('an objective pins the sentences it answers: the reader and the URL follow', async () => {
    serve();
    const container = await renderApp();
    await fireEvent.click(
      container.querySelector('[data-testid="outcome-map"] g.mark[data-column="21"]')!,
    );
    await waitFor(() => expect(readerHits(container)).toEqual(['s11', 's12', 's16', 's21']));
    expect(screen.getByTestId('selection-summary')).toHaveTextContent(
      `GCM objective 21: 4 of ${doc.sentences.length} sentences`,
    );
    await waitFor(() =>
      expect(window.location.search).toBe('?objective=21&sentences=s11,s12,s16,s21'),
    );
    // The other views follow: the topic timeline keeps only those sentences bright.
    const bright = new Set(
      [...container.querySelectorAll<SVGRectElement>('rect.mark:not([data-dimmed])')].map(
        (r) => r.dataset.sentence,
      ),
    );
    // (s16, the list's lead-in, carries no theme and so has no mark there.)
    expect([...bright].sort()).toEqual(['s11', 's12', 's21']);
    // A second click clears it.
    await fireEvent.click(
      container.querySelector('[data-testid="outcome-map"] g.mark[data-column="21"]')!,
    );
    await waitFor(() => expect(window.location.search).toBe(''));
  });

  it('a dated reference of the process timeline pins its sentence', async () => {
    serve();
    const container = await renderApp();
    await fireEvent.click(
      container.querySelector('[data-testid="process-timeline"] [data-reference="s9"]')!,
    );
    await waitFor(() => expect(readerHits(container)).toEqual(['s9']));
    await waitFor(() => expect(window.location.search).toBe('?sentence=s9'));
    expect(
      container.querySelector('[data-testid="outcome-map"] g.mark[data-key="row:s9"]'),
    ).toHaveAttribute('aria-pressed', 'true');
  });

  it('a broken outcome map stops only the two views, with the problem', async () => {
    serve({ 'gcm-outcomes.json': '{"about": "", "document": "x", "entries": []}' });
    render(App, { datasetUrl: '/data/dataset.json' });
    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(2), { timeout: 10_000 });
    for (const alert of screen.getAllByRole('alert')) {
      expect(alert).toHaveTextContent(
        'The outcome map is not usable: outcome map.entries: needs at least 1 item',
      );
    }
    await waitFor(() =>
      expect(document.querySelector('[data-row-theme="readmission"]')).not.toBeNull(),
    );
  });
});
