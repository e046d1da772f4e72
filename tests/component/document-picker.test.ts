import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import App from '../../src/App.svelte';
import { selection, writeHistory } from '../../src/lib/state/selection.svelte.ts';
import type { StatementDocument } from '../../src/lib/data/types.ts';
import { serialize } from '../../src/pipeline/build.ts';
import { corpusFromSeeds } from '../../src/pipeline/io.ts';
import { datasetPath } from '../helpers/dataset.ts';

/** A generated corpus of three statements, served to the app's fetch. */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = corpusFromSeeds(root, { statements: 3, seed: 5 });
const corpusBody = serialize(corpus);
const [first, second, third] = corpus.documents;
const all = corpus.documents;
const sum = (pick: (d: StatementDocument) => number) => all.reduce((n, d) => n + pick(d), 0);

configure({ asyncUtilTimeout: 5000 }); // the first render compiles and draws four charts
let served = corpusBody;
beforeEach(() => {
  served = corpusBody;
  vi.stubGlobal('fetch', async () => new Response(served, { status: 200 }));
  window.history.replaceState(null, '', '/');
  selection.clear();
  // Written now, not in the middle of the next test.
  writeHistory();
  window.history.replaceState(null, '', '/');
});
afterEach(() => vi.unstubAllGlobals());

const sentences = (container: HTMLElement) =>
  [...container.querySelectorAll<HTMLElement>('[data-testid="reader"] .sentence')].map(
    (n) => n.dataset.sentence,
  );
const marks = (container: HTMLElement) => container.querySelectorAll('rect.mark').length;

async function renderApp(count: number) {
  const view = render(App, { datasetUrl: '/corpus.json' });
  // The statement and every view load their code on their own.
  await waitFor(() => expect(sentences(view.container)).toHaveLength(count), { timeout: 15_000 });
  return view.container;
}

async function choose(value: string) {
  await fireEvent.change(await screen.findByLabelText('Document'), { target: { value } });
}

describe('the document picker', () => {
  it('is not there when the dataset holds one document', async () => {
    served = readFileSync(datasetPath, 'utf8');
    const container = await renderApp(JSON.parse(served).documents[0].sentences.length);
    expect(screen.queryByLabelText('Document')).toBeNull();
    expect(screen.queryByTestId('document-picker')).toBeNull();
    expect(container.querySelectorAll('[data-document]')).toHaveLength(0);
  });

  it('lists every document and "All documents", and shows the first at first', async () => {
    const container = await renderApp(first.sentences.length);
    const picker = (await screen.findByLabelText('Document')) as HTMLSelectElement;
    const options = within(picker).getAllByRole('option') as HTMLOptionElement[];
    expect(options.map((o) => o.textContent)).toEqual([
      'All documents (3)',
      first.name,
      second.name,
      third.name,
    ]);
    expect(options.map((o) => o.value)).toEqual(['all', first.id, second.id, third.id]);
    expect(picker.value).toBe(first.id);
    expect(sentences(container)).toEqual(first.sentences.map((s) => s.id));
    await waitFor(() => expect(marks(container)).toBe(first.counts.themeCodings));
  });

  it('choosing a document changes what every view shows and puts it in the URL', async () => {
    const container = await renderApp(first.sentences.length);
    await choose(second.id);
    await waitFor(() => expect(sentences(container)).toEqual(second.sentences.map((s) => s.id)));
    await waitFor(() => expect(marks(container)).toBe(second.counts.themeCodings));
    expect(container.querySelector('.doc-title')).toHaveTextContent(second.name);
    expect(screen.getByRole('heading', { level: 2, name: 'The statement' })).toBeInTheDocument();
    expect(screen.getByText(/^Statement: “Synthetic statement 2/)).toBeInTheDocument();
    await waitFor(() => expect(window.location.search).toBe(`?doc=${second.id}`));
  });

  it('"All documents" shows the sum, with a heading where each document starts', async () => {
    const container = await renderApp(first.sentences.length);
    await choose('all');
    await waitFor(() => expect(sentences(container)).toHaveLength(sum((d) => d.sentences.length)));
    await waitFor(() => expect(marks(container)).toBe(sum((d) => d.counts.themeCodings)));
    expect(screen.getByRole('heading', { level: 2, name: 'The statements' })).toBeInTheDocument();
    const headings = [...container.querySelectorAll<HTMLElement>('h3[data-document]')];
    expect(headings.map((h) => h.dataset.document)).toEqual(all.map((d) => d.id));
    expect(headings.map((h) => h.textContent)).toEqual(all.map((d) => d.name));
    // Each heading comes right before the first sentence of its document.
    const reader = screen.getByTestId('reader');
    const order = [...reader.querySelectorAll<HTMLElement>('h3[data-document], .sentence')].map(
      (n) => n.dataset.document ?? n.dataset.sentence,
    );
    for (const d of all) {
      expect(order[order.indexOf(d.id) + 1]).toBe(`${d.id}.s1`);
    }
    await waitFor(() => expect(window.location.search).toBe('?doc=all'));
    expect(screen.getByText(/^Statements: “All 3 documents”/)).toBeInTheDocument();
  });

  it('speaks of statements, not the statement, where the page shows them all', async () => {
    const container = await renderApp(first.sentences.length);
    const skip = () => container.querySelector('a.skip')!;
    const themesTitle = () => container.querySelector('[data-chart="theme-overview"] h2')!;
    const words = async () => {
      await fireEvent.click(screen.getByRole('button', { name: 'Share of words' }));
      return container.querySelector('[data-testid="theme-overview"] svg[role="img"]')!;
    };
    const timelineAxis = () => container.querySelector('[data-testid="topic-timeline"] svg')!;
    const nothingSelected = () => screen.getByText(/^Nothing selected: the charts show/);
    await waitFor(() => expect(marks(container)).toBe(first.counts.themeCodings));
    // Whole text: 'Skip to the statements' holds 'Skip to the statement'.
    expect(skip()).toHaveTextContent(/^Skip to the statement$/);
    await waitFor(() => expect(themesTitle()).toHaveTextContent('What the statement is about'));
    expect(timelineAxis()).toHaveTextContent('Words into the statement →');
    // The print section's words, written once the page is printed (and kept while it is).
    window.dispatchEvent(new Event('beforeprint'));
    expect(nothingSelected()).toHaveTextContent('the charts show the whole statement.');
    expect(await words()).toHaveTextContent("Share of the statement's words (%)");

    await choose('all');
    await waitFor(() => expect(marks(container)).toBe(sum((d) => d.counts.themeCodings)));
    expect(skip()).toHaveTextContent(/^Skip to the statements$/);
    await waitFor(() => expect(themesTitle()).toHaveTextContent('What the statements are about'));
    expect(timelineAxis()).toHaveTextContent('Words into the statements →');
    expect(nothingSelected()).toHaveTextContent('the charts show all the statements.');
    await waitFor(() =>
      expect(
        container.querySelector('[data-testid="theme-overview"] svg[role="img"]'),
      ).toHaveTextContent("Share of the statements' words (%)"),
    );
  });

  it('clears the selection when the document changes', async () => {
    const container = await renderApp(first.sentences.length);
    await fireEvent.click(container.querySelector(`[data-sentence="${first.sentences[2].id}"]`)!);
    await waitFor(() => expect(window.location.search).toBe(`?sentence=${first.sentences[2].id}`));
    await choose(third.id);
    await waitFor(() => expect(sentences(container)).toEqual(third.sentences.map((s) => s.id)));
    expect(screen.getByTestId('selection-summary')).toHaveTextContent('Nothing selected');
    await waitFor(() => expect(window.location.search).toBe(`?doc=${third.id}`));
    expect(container.querySelectorAll('[data-testid="reader"] .sentence.hit')).toHaveLength(0);
  });

  it('selects a sentence of the merged view by its prefixed id, and shows its document', async () => {
    window.history.replaceState(null, '', `/?doc=all&sentence=${second.id}.s3`);
    const container = await renderApp(sum((d) => d.sentences.length));
    await waitFor(() =>
      expect(
        [...container.querySelectorAll<HTMLElement>('[data-testid="reader"] .sentence.hit')].map(
          (n) => n.dataset.sentence,
        ),
      ).toEqual([`${second.id}.s3`]),
    );
    expect(await screen.findByTestId('sentence-detail', {}, { timeout: 5000 })).toHaveTextContent(
      second.sentences[2].text,
    );
    expect(screen.getByTestId('detail-document')).toHaveTextContent(`From “${second.name}”`);
  });

  it('opens the document a link names', async () => {
    window.history.replaceState(null, '', `/?doc=${third.id}`);
    await renderApp(third.sentences.length);
    expect(((await screen.findByLabelText('Document')) as HTMLSelectElement).value).toBe(third.id);
    expect(screen.queryByTestId('document-notice')).toBeNull();
  });

  it('falls back to the first document with a notice when a link names an unknown one', async () => {
    window.history.replaceState(null, '', '/?doc=no-such-statement');
    await renderApp(first.sentences.length);
    expect(screen.getByTestId('document-notice')).toHaveTextContent(
      `This dataset has no document “no-such-statement”: showing the first one, “${first.name}”.`,
    );
  });

  it('steps back to the previous document', async () => {
    const container = await renderApp(first.sentences.length);
    await choose(second.id);
    await waitFor(() => expect(sentences(container)).toHaveLength(second.sentences.length));
    await waitFor(() => expect(window.location.search).toBe(`?doc=${second.id}`));
    const popped = new Promise((resolve) =>
      window.addEventListener('popstate', resolve, { once: true }),
    );
    window.history.back();
    await popped;
    await waitFor(() => expect(sentences(container)).toEqual(first.sentences.map((s) => s.id)));
    expect((screen.getByLabelText('Document') as HTMLSelectElement).value).toBe(first.id);
  });

  it('shows the others when one document of the file is damaged, and names it when chosen', async () => {
    const damaged = JSON.parse(corpusBody) as { documents: StatementDocument[] };
    damaged.documents[2].sentences[0].end = third.text.length + 5;
    served = JSON.stringify(damaged);
    const container = await renderApp(first.sentences.length);
    await choose(third.id);
    await waitFor(() =>
      expect(screen.getByTestId('document-notice')).toHaveTextContent(
        `The dataset is not usable: sentence ${third.sentences[0].id} of "${third.id}" has offsets outside its text.`,
      ),
    );
    expect(screen.getByTestId('document-notice')).toHaveTextContent(
      `Still showing “${first.name}”.`,
    );
    expect(sentences(container)).toEqual(first.sentences.map((s) => s.id));
    expect((screen.getByLabelText('Document') as HTMLSelectElement).value).toBe(first.id);
    // The others still open.
    await choose(second.id);
    await waitFor(() => expect(sentences(container)).toEqual(second.sentences.map((s) => s.id)));
    expect(screen.queryByTestId('document-notice')).toBeNull();
  });
});
