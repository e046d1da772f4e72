import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import Reader from '../../src/lib/ui/Reader.svelte';
import { emptySelection, label, type Selection } from '../../src/lib/data/queries.ts';
import type { Span } from '../../src/lib/data/types.ts';
import { codebook, doc } from '../helpers/dataset.ts';

/** The reader with the real statement, showing `selection` with `highlight` picked. */
function setup(selection: Partial<Selection>, highlight: string[] | null) {
  const props = (s: Partial<Selection>, h: string[] | null) => ({
    doc,
    codebook,
    selection: { ...emptySelection, ...s },
    highlight: h && new Set(h),
    reveal: null,
    onselect: () => {},
    onhover: () => {},
  });
  const view = render(Reader, { props: props(selection, highlight) });
  return {
    ...view,
    show: (s: Partial<Selection>, h: string[] | null) => view.rerender(props(s, h)),
  };
}

const sentence = (id: string) => doc.sentences.find((s) => s.id === id)!;
const withTheme = (theme: string) =>
  doc.sentences.filter((s) => s.themes.some((t) => t.theme === theme)).map((s) => s.id);
const quotesOf = (actor: string) => doc.attributions.filter((a) => a.actor === actor);

/** The marked segments of sentence `id`, in reading order. */
const marks = (container: HTMLElement, id: string) => [
  ...container.querySelectorAll<HTMLElement>(`[data-sentence="${id}"] [role="mark"]`),
];
/** How many characters the spans cover together (overlaps counted once). */
function covered(spans: Span[]) {
  const chars = new Set<number>();
  for (const span of spans) for (let c = span.start; c < span.end; c++) chars.add(c);
  return chars.size;
}

describe('the reader marks the words behind a selection', () => {
  it("marks the evidence of every theme in a pinned sentence, naming each one's theme and rule", () => {
    const s = sentence('s26');
    const { container } = setup({ sentence: s.id }, [s.id]);
    const found = marks(container, s.id);
    const evidence = s.themes.flatMap((t) => t.evidence);
    const text = found.map((m) => m.textContent).join('');
    expect(text).toHaveLength(covered(evidence));
    for (const e of evidence) expect(text).toContain(e.text);
    for (const t of s.themes) {
      for (const e of t.evidence) {
        const named = `${label(codebook, 'themes', t.theme)} (rule ${e.rule})`;
        expect(
          found.some((m) => m.title.includes(named)),
          named,
        ).toBe(true);
      }
    }
    // Nothing is marked outside the pinned sentence.
    expect(container.querySelectorAll('[role="mark"]')).toHaveLength(found.length);
  });

  it("marks only the picked theme's evidence in the sentences it picks", () => {
    const picked = withTheme('root_causes');
    const { container } = setup({ themes: ['root_causes'] }, picked);
    const rootCauses = label(codebook, 'themes', 'root_causes');
    for (const id of picked) {
      const evidence = sentence(id).themes.find((t) => t.theme === 'root_causes')!.evidence;
      const found = marks(container, id);
      expect(found.map((m) => m.textContent).join(''), id).toHaveLength(covered(evidence));
      for (const m of found)
        expect(m.title.split('; ').every((n) => n.startsWith(rootCauses))).toBe(true);
    }
    // The lengths above tell the picked theme's evidence from the rest: in s26, picked, the
    // other two themes' evidence covers words the picked one's does not.
    const s26 = sentence('s26').themes;
    expect(picked).toContain('s26');
    expect(covered(s26.flatMap((t) => t.evidence))).toBeGreaterThan(
      covered(s26.find((t) => t.theme === 'root_causes')!.evidence),
    );
  });

  it("marks the quotes of the picked actor's attributions as quotes", () => {
    const quotes = quotesOf('western_states');
    const picked = [...new Set(quotes.map((a) => a.sentence))];
    const { container } = setup({ actor: 'western_states' }, picked);
    for (const id of picked) {
      const inSentence = quotes.filter((a) => a.sentence === id);
      const text = [...container.querySelectorAll(`[data-sentence="${id}"] .quote[role="mark"]`)]
        .map((m) => m.textContent)
        .join('');
      expect(text, id).toHaveLength(covered(inSentence));
      for (const a of inSentence) expect(text).toContain(a.quote);
    }
  });

  it('marks and unmarks words in place: a new selection adds or removes no element of the text', async () => {
    const { container, show } = setup({ sentence: 's26' }, ['s26']);
    expect(marks(container, 's26').length).toBeGreaterThan(0);
    const reader = container.querySelector('[data-testid="reader"]')!;
    const changes: MutationRecord[] = [];
    const observer = new MutationObserver((records) => changes.push(...records));
    observer.observe(reader, { subtree: true, childList: true, characterData: true });

    await show({ sentence: 's11' }, ['s11']);
    expect(marks(container, 's26')).toHaveLength(0);
    expect(marks(container, 's11').length).toBeGreaterThan(0);
    const western = quotesOf('western_states');
    await show({ actor: 'western_states' }, [...new Set(western.map((a) => a.sentence))]);
    expect(container.querySelectorAll('.quote[role="mark"]').length).toBeGreaterThan(0);
    await show({}, null);
    expect(container.querySelectorAll('[role="mark"]')).toHaveLength(0);

    // Records not yet delivered to the callback count too.
    changes.push(...observer.takeRecords());
    observer.disconnect();
    expect(changes.filter((c) => c.type === 'childList')).toEqual([]);
    expect(changes.filter((c) => c.type === 'characterData')).toEqual([]);
  });
});
