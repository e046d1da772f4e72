import { cleanup, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import SentenceDetail from '../../src/lib/ui/SentenceDetail.svelte';
import { label } from '../../src/lib/data/queries.ts';
import { codebook, doc } from '../helpers/dataset.ts';

const text = (el: Element) => el.textContent!.replace(/\s+/g, ' ').trim();
const sentence = (id: string) => doc.sentences.find((s) => s.id === id)!;

/** What the detail shows, read off the page. */
function shown() {
  const detail = screen.getByTestId('sentence-detail');
  return {
    all: text(detail),
    heading: text(detail.querySelector('h2')!),
    quote: text(detail.querySelector('blockquote')!),
    modality: text(screen.getByTestId('detail-modality')),
    themes: [...detail.querySelectorAll('li[data-theme]')].map((li) => ({
      theme: li.getAttribute('data-theme'),
      text: text(li),
    })),
    attributions: [...detail.querySelectorAll('li[data-attribution]')].map((li) => ({
      id: li.getAttribute('data-attribution'),
      text: text(li),
    })),
  };
}

/** What the dataset says the detail must show for sentence `id`. */
function expected(id: string) {
  const s = sentence(id);
  const cue = s.modality.cue;
  return {
    heading: `Sentence ${s.order}`,
    quote: s.text,
    modality: `${label(codebook, 'modalities', s.modality.modality)} ${
      s.modality.basis === 'cue' && cue
        ? `— cue “${cue.text}” (rule ${cue.rule})`
        : s.modality.basis === 'lead-in' && cue
          ? `— from the list's lead-in, cue “${cue.text}”`
          : '— no cue matched; the default applies'
    }`,
    themes: s.themes.map((t) => ({
      theme: t.theme,
      text: `${label(codebook, 'themes', t.theme)}: ${t.evidence.map((e) => `“${e.text}” (rule ${e.rule})`).join(', ')}`,
    })),
    attributions: doc.attributions.filter((a) => a.sentence === id).map((a) => a.id),
  };
}

describe('the sentence detail', () => {
  // Lists that grow, shrink and empty, and each way a modality is decided: s9 has one theme
  // with eleven pieces of evidence, s11 four themes, s16 none, s6 the default modality, s18 a
  // list's lead-in.
  const walk = ['s9', 's11', 's16', 's2', 's6', 's18', 's26', 's16', 's1', 's27'];

  it('shows each sentence picked in turn exactly as it shows it alone, with nothing left over', async () => {
    const { rerender } = render(SentenceDetail, { doc, codebook, sentenceId: walk[0] });
    const seen: ReturnType<typeof shown>[] = [];
    for (const id of walk) {
      await rerender({ doc, codebook, sentenceId: id });
      const now = shown();
      const want = expected(id);
      expect(now.heading, id).toMatch(new RegExp(`^${want.heading} paragraph`));
      expect(now.quote, id).toBe(want.quote);
      expect(now.modality, id).toBe(want.modality);
      expect(now.themes, id).toEqual(want.themes);
      expect(
        now.attributions.map((a) => a.id),
        id,
      ).toEqual(want.attributions);
      for (const a of now.attributions) {
        const attribution = doc.attributions.find((x) => x.id === a.id)!;
        expect(a.text, a.id!).toContain(`“${attribution.quote}”`);
        expect(a.text, a.id!).toContain(label(codebook, 'actors', attribution.actor));
      }
      if (want.themes.length === 0) expect(now.all).toContain('No theme of the codebook.');
      if (want.attributions.length === 0) expect(now.all).toContain('None in this sentence.');
      seen.push(now);
    }
    // The same sentence, drawn afresh, reads the same as after the walk.
    cleanup();
    for (const [i, id] of walk.entries()) {
      render(SentenceDetail, { doc, codebook, sentenceId: id });
      expect(shown(), id).toEqual(seen[i]);
      cleanup();
    }
  });
});
