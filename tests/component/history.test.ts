import { waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import { emptySelection } from '../../src/lib/data/queries.ts';
import { selection, writeHistory } from '../../src/lib/state/selection.svelte.ts';

/**
 * A selection answers at once; its history entry (the address a reader shares, the step Back
 * returns to) is written once that answer is painted.
 */
beforeEach(() => {
  window.history.replaceState(null, '', '/');
  selection.clear();
  writeHistory();
  window.history.replaceState(null, '', '/');
});

const popped = () =>
  new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));

describe('the address follows the selection', () => {
  it('shows the selection at once and writes its address right after', async () => {
    const before = window.history.length;
    selection.toggle({ themes: ['readmission'] });
    expect(selection.pinned.themes).toEqual(['readmission']);
    await waitFor(() => expect(window.location.search).toBe('?theme=readmission'));
    expect(window.history.length).toBe(before + 1);
  });

  it('keeps one entry per selection, in order, however fast they come', async () => {
    const before = window.history.length;
    selection.toggle({ sentence: 's5' });
    selection.toggle({ sentence: 's27' });
    await waitFor(() => expect(window.location.search).toBe('?sentence=s27'));
    expect(window.history.length).toBe(before + 2);
    const back = popped();
    window.history.back();
    await back;
    expect(window.location.search).toBe('?sentence=s5');
  });

  it('a selection right after a document keeps the document in its address', async () => {
    selection.showDocument('synthetic-statement-002');
    selection.toggle({ sentence: 's3' });
    await waitFor(() =>
      expect(window.location.search).toBe('?doc=synthetic-statement-002&sentence=s3'),
    );
  });

  it('takes back a document that could not be loaded: its selection and address come back', () => {
    window.history.replaceState(null, '', '/?doc=doc-a');
    selection.fromLocation();
    selection.toggle({ sentence: 's4' });
    selection.showDocument('doc-b');
    writeHistory();
    expect(window.location.search).toBe('?doc=doc-b');
    const entries = window.history.length;
    selection.takeBackDocument();
    expect(selection.document).toBe('doc-a');
    expect(selection.pinned.sentence).toBe('s4');
    // The failed pick's entry is overwritten: a link copied now opens what is shown.
    expect(window.location.search).toBe('?doc=doc-a&sentence=s4');
    expect(window.history.length).toBe(entries);
  });

  it('takes back a document but keeps a selection made while it loaded', () => {
    window.history.replaceState(null, '', '/?doc=doc-a&sentence=s4');
    selection.fromLocation();
    selection.showDocument('doc-b');
    selection.toggle({ sentence: 's9' });
    selection.takeBackDocument();
    expect(selection.document).toBe('doc-a');
    expect(selection.pinned.sentence).toBe('s9');
    expect(window.location.search).toBe('?doc=doc-a&sentence=s9');
    // Taken back once: a second call changes nothing.
    selection.takeBackDocument();
    expect(selection.document).toBe('doc-a');
  });

  it('Back before the address is written wins: the late entry is dropped', async () => {
    selection.toggle({ themes: ['security'] });
    window.history.replaceState(null, '', '/?theme=control');
    // What the app does on popstate.
    selection.fromLocation();
    expect(selection.pinned.themes).toEqual(['control']);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(window.location.search).toBe('?theme=control');
  });

  it('writeHistory writes what is waiting at once (the embed code reads the address)', () => {
    selection.toggle({ themes: ['integration'] });
    expect(window.location.search).toBe('');
    writeHistory();
    expect(window.location.search).toBe('?theme=integration');
    selection.pin({ ...emptySelection });
    writeHistory();
    expect(window.location.search).toBe('');
  });
});
