import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import EmbedButton from '../../src/lib/embed/EmbedButton.svelte';
import { embedSnippet } from '../../src/lib/embed/mode.ts';

// jsdom has no modal dialogs: open and close them as a browser would, minus the top layer.
beforeAll(() => {
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
});

beforeEach(() => window.history.replaceState(null, '', '/?theme=readmission&range=3-9'));
afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

const stubClipboard = (writeText: (text: string) => Promise<void>) =>
  vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: vi.fn(writeText) } });

async function openDialog(chart: 'topic-timeline' | 'dashboard' = 'topic-timeline') {
  render(EmbedButton, { chart });
  const button = screen.getByRole('button', { name: /^Embed/ });
  await fireEvent.click(button);
  // The dialog's code loads on the first press.
  const code = (await screen.findByTestId(
    'embed-code',
    {},
    { timeout: 5000 },
  )) as HTMLTextAreaElement;
  await waitFor(() => expect(document.activeElement).toBe(code));
  return { button, code, dialog: screen.getByTestId('embed-dialog') as HTMLDialogElement };
}

describe('the Embed button', () => {
  it('names its view and opens a dialog with the snippet for the current selection', async () => {
    const { code, dialog } = await openDialog();
    expect(screen.getByRole('button', { name: /^Embed/ })).toHaveAccessibleName(
      'Embed: Where each theme sits in the text',
    );
    expect(dialog.open).toBe(true);
    expect(dialog).toHaveAccessibleName('Embed “Where each theme sits in the text”');
    expect(code.readOnly).toBe(true);
    expect(code.value).toBe(embedSnippet(window.location, 'timeline'));
    expect(code.value).toContain('?embed=timeline&amp;theme=readmission&amp;range=3-9"');
    expect(code.value).toContain(`src="${window.location.origin}/embed-host.js"`);
    // Focus lands in the text, all of it selected, ready for Ctrl+C.
    expect([code.selectionStart, code.selectionEnd]).toEqual([0, code.value.length]);
  });

  it('reads the selection when it opens, not when it was drawn', async () => {
    render(EmbedButton, { chart: 'dashboard' });
    window.history.replaceState(null, '', '/?actor=western_states');
    await fireEvent.click(screen.getByRole('button', { name: /^Embed/ }));
    const code = (await screen.findByTestId(
      'embed-code',
      {},
      { timeout: 5000 },
    )) as HTMLTextAreaElement;
    await waitFor(() => expect(code.value).toContain('?embed=dashboard&amp;actor=western_states"'));
  });

  it('copies the snippet to the clipboard', async () => {
    stubClipboard(() => Promise.resolve());
    const { code } = await openDialog();
    await fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    expect(navigator.clipboard.writeText).toHaveBeenCalledWith(code.value);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Copied'));
  });

  it('selects the snippet for Ctrl+C when the clipboard refuses', async () => {
    stubClipboard(() => Promise.reject(new DOMException('denied', 'NotAllowedError')));
    const { code } = await openDialog();
    code.setSelectionRange(0, 0);
    screen.getByRole('button', { name: 'Copy' }).focus();
    await fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('press Ctrl+C'));
    expect(document.activeElement).toBe(code);
    expect([code.selectionStart, code.selectionEnd]).toEqual([0, code.value.length]);
  });

  it('selects the snippet when there is no clipboard at all (an insecure page)', async () => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: undefined });
    await openDialog();
    await fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('press Ctrl+C'));
  });

  it('returns focus to the button when the dialog closes', async () => {
    const { button, dialog } = await openDialog();
    await fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(dialog.open).toBe(false);
    expect(document.activeElement).toBe(button);
  });

  it('is not offered inside an embedded view', () => {
    window.history.replaceState(null, '', '/?embed=timeline');
    render(EmbedButton, { chart: 'topic-timeline' });
    expect(screen.queryByRole('button', { name: /^Embed/ })).toBeNull();
  });
});
