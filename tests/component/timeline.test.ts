import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import TopicTimeline from '../../src/lib/charts/timeline/TopicTimeline.svelte';
import { fade, palettes } from '../../src/lib/charts/palette.ts';
import { emptySelection, type Selection } from '../../src/lib/data/queries.ts';
import { openTable } from '../helpers/table.ts';
import type { Dataset } from '../../src/lib/data/types.ts';
import { drawing } from '../helpers/dom.ts';
import { byDocument } from '../../src/lib/charts/timeline/by-document.ts';
import { mergedCorpus, restingChartProps } from '../helpers/corpus.ts';

// tests/helpers/dataset.ts builds its path with `new URL(..., import.meta.url)`, which Vite
// rewrites to an http:// asset URL under the jsdom environment; read the same file by path.
const datasetPath = resolve(dirname(fileURLToPath(import.meta.url)), '../../data/dataset.json');
const dataset: Dataset = JSON.parse(readFileSync(datasetPath, 'utf8'));
const doc = dataset.documents[0];
const codebook = dataset.codebook;

function setup(overrides: { selection?: Partial<Selection>; highlight?: Set<string> | null } = {}) {
  const onselect = vi.fn();
  const onhover = vi.fn();
  const ondrawn = vi.fn();
  const props = {
    doc,
    codebook,
    scheme: 'light' as const,
    selection: { ...emptySelection, ...overrides.selection },
    highlight: overrides.highlight ?? null,
    onselect,
    onhover,
    ondrawn,
  };
  const result = render(TopicTimeline, { props });
  const svg = result.container.querySelector(
    '[data-testid="topic-timeline"] > svg',
  ) as SVGSVGElement;
  return { ...result, svg, props, onselect, onhover, ondrawn };
}

const marksOf = (root: ParentNode) => [...root.querySelectorAll<SVGRectElement>('rect[data-mark]')];
const num = (el: Element, attr: string) => Number(el.getAttribute(attr));
const sentence = (id: string) => doc.sentences.find((s) => s.id === id)!;

describe('TopicTimeline', () => {
  it('draws one mark per sentence-theme coding', () => {
    const { svg } = setup();
    const marks = marksOf(svg);
    expect(marks).toHaveLength(doc.counts.themeCodings);
    const keys = marks.map((m) => `${m.dataset.sentence}|${m.dataset.theme}`);
    const codings = doc.sentences.flatMap((s) => s.themes.map((t) => `${s.id}|${t.theme}`));
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].sort()).toEqual([...codings].sort());
  });

  it('gives the marks of one sentence the same x and width, in sentence order along x', () => {
    const { svg } = setup();
    const bySentence = new Map<string, { x: number; width: number }[]>();
    for (const m of marksOf(svg)) {
      const list = bySentence.get(m.dataset.sentence!) ?? [];
      list.push({ x: num(m, 'x'), width: num(m, 'width') });
      bySentence.set(m.dataset.sentence!, list);
    }
    for (const list of bySentence.values()) {
      for (const g of list) expect(g).toEqual(list[0]);
    }
    const ordered = [...bySentence.entries()]
      .map(([id, list]) => ({ order: sentence(id).order, ...list[0] }))
      .sort((a, b) => a.order - b.order);
    for (let i = 1; i < ordered.length; i++) {
      expect(ordered[i].x).toBeGreaterThanOrEqual(ordered[i - 1].x + ordered[i - 1].width);
    }
    // Longer sentences are wider: s9 (66 words) against s10 (13 words).
    const w = (id: string) => bySentence.get(id)![0].width;
    expect(w('s9') / w('s10')).toBeGreaterThan(4);
  });

  it('puts every mark in its theme row, rows in codebook order', () => {
    const { svg } = setup();
    const labels = [...svg.querySelectorAll('[data-row-label]')].map((t) => t.textContent);
    expect(labels).toEqual(codebook.themes.map((t) => t.label));
    const rowY = new Map<string, number>();
    for (const m of marksOf(svg)) {
      const y = num(m, 'y');
      if (rowY.has(m.dataset.theme!)) expect(y).toBe(rowY.get(m.dataset.theme!));
      else rowY.set(m.dataset.theme!, y);
    }
    const ys = codebook.themes.map((t) => rowY.get(t.id)!);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
  });

  it('numbers 11 paragraph bands and shows the 8 list items inside the list paragraph', () => {
    const { svg } = setup();
    const bands = [...svg.querySelectorAll<SVGRectElement>('rect.band')];
    expect(bands).toHaveLength(11);
    expect(bands.map((b) => Number(b.dataset.number))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const numbers = [...svg.querySelectorAll('[data-paragraph-number]')].map((t) =>
      t.textContent!.replace('¶', ''),
    );
    expect(numbers).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);

    const items = [...svg.querySelectorAll<SVGGElement>('[data-list-item]')];
    expect(items).toHaveLength(8);
    const list = bands.find((b) => b.dataset.paragraph === 'p7')!;
    for (const item of items) {
      const bullet = item.querySelector('circle')!;
      expect(bullet).toBeTruthy();
      const cx = num(bullet, 'cx');
      expect(cx).toBeGreaterThan(num(list, 'x'));
      expect(cx).toBeLessThan(num(list, 'x') + num(list, 'width'));
    }
  });

  it('selects a sentence when its mark is clicked', async () => {
    const { svg, onselect } = setup();
    const mark = svg.querySelector('rect[data-mark="m:s12:readmission"]')!;
    await fireEvent.click(mark);
    expect(onselect).toHaveBeenCalledTimes(1);
    expect(onselect).toHaveBeenCalledWith({ sentence: 's12' });
  });

  it('selects a paragraph’s sentence range when the paragraph is clicked', async () => {
    const { svg, onselect } = setup();
    await fireEvent.click(svg.querySelector('rect.band[data-paragraph="p4"]')!);
    expect(onselect).toHaveBeenCalledWith({ range: [11, 12] });
    await fireEvent.click(svg.querySelector('rect.band[data-paragraph="p7"]')!);
    expect(onselect).toHaveBeenLastCalledWith({ range: [16, 24] });
  });

  it('selects the sentences under a pointer drag, and draws the brush while dragging', async () => {
    const { svg, onselect } = setup();
    const plot = svg.querySelector('g.plot')!;
    const markX = (id: string) => {
      const m = svg.querySelector(`rect[data-sentence="${id}"]`)!;
      return { x0: num(m, 'x'), x1: num(m, 'x') + num(m, 'width') };
    };
    const from = (markX('s11').x0 + markX('s11').x1) / 2;
    const to = (markX('s13').x0 + markX('s13').x1) / 2;
    const start = svg.querySelector('rect[data-mark="m:s11:control"]')!;
    await fireEvent.pointerDown(start, { pointerId: 1, button: 0, isPrimary: true, clientX: from });
    await fireEvent.pointerMove(plot, { pointerId: 1, isPrimary: true, clientX: to });
    const brush = screen.getByTestId('brush');
    expect(num(brush, 'x')).toBeCloseTo(from);
    expect(num(brush, 'width')).toBeCloseTo(to - from);
    await fireEvent.pointerUp(plot, { pointerId: 1, isPrimary: true, clientX: to });
    expect(onselect).toHaveBeenCalledTimes(1);
    expect(onselect).toHaveBeenCalledWith({ range: [11, 13] });
    expect(screen.queryByTestId('brush')).toBeNull();

    // Right to left works the same way.
    await fireEvent.pointerDown(plot, { pointerId: 2, button: 0, isPrimary: true, clientX: to });
    await fireEvent.pointerMove(plot, { pointerId: 2, isPrimary: true, clientX: from });
    await fireEvent.pointerUp(plot, { pointerId: 2, isPrimary: true, clientX: from });
    expect(onselect).toHaveBeenLastCalledWith({ range: [11, 13] });
  });

  it('does not treat a click without movement as a brush', async () => {
    const { svg, onselect } = setup();
    const plot = svg.querySelector('g.plot')!;
    const mark = svg.querySelector('rect[data-mark="m:s2:humanitarian"]')!;
    const x = num(mark, 'x') + 2;
    await fireEvent.pointerDown(mark, { pointerId: 1, button: 0, isPrimary: true, clientX: x });
    await fireEvent.pointerMove(plot, { pointerId: 1, isPrimary: true, clientX: x + 1 });
    await fireEvent.pointerUp(mark, { pointerId: 1, isPrimary: true, clientX: x + 1 });
    expect(screen.queryByTestId('brush')).toBeNull();
    expect(onselect).not.toHaveBeenCalled();
    await fireEvent.click(mark);
    expect(onselect).toHaveBeenCalledWith({ sentence: 's2' });
  });

  it('dims exactly the marks whose sentence is not highlighted', () => {
    const readmission = new Set(
      doc.sentences.filter((s) => s.themes.some((t) => t.theme === 'readmission')).map((s) => s.id),
    );
    const { svg } = setup({ selection: { themes: ['readmission'] }, highlight: readmission });
    const marks = marksOf(svg);
    const colour = (m: SVGRectElement) =>
      palettes.light.modality[m.dataset.modality as keyof typeof palettes.light.modality];
    // Faded by colour (a lighter one that keeps 3:1), not by opacity; the rest outlined.
    expect(marks.some((m) => m.hasAttribute('opacity'))).toBe(false);
    const dimmed = marks.filter((m) => m.getAttribute('fill') === fade(colour(m), palettes.light));
    const bright = marks.filter((m) => m.getAttribute('fill') === colour(m));
    expect(dimmed.length + bright.length).toBe(marks.length);
    for (const m of bright) expect(m).toHaveAttribute('stroke', palettes.light.ink);
    for (const m of dimmed) expect(m).toHaveAttribute('stroke', 'none');
    expect(new Set(bright.map((m) => m.dataset.sentence))).toEqual(readmission);
    for (const m of dimmed) expect(readmission.has(m.dataset.sentence!)).toBe(false);
    expect(dimmed.length).toBeGreaterThan(0);
  });

  it('dims nothing when nothing is selected', () => {
    const { svg } = setup();
    for (const m of marksOf(svg)) {
      expect(m.hasAttribute('data-dimmed')).toBe(false);
      expect(m).toHaveAttribute('stroke', 'none');
    }
  });

  it('outlines the selected range and the pinned sentence', () => {
    const { svg } = setup({ selection: { range: [11, 12] } });
    const outline = screen.getByTestId('range-outline');
    const p4 = svg.querySelector('rect.band[data-paragraph="p4"]')!;
    expect(num(outline, 'x')).toBeCloseTo(num(p4, 'x'));
    expect(num(outline, 'width')).toBeCloseTo(num(p4, 'width'));
    expect(p4).toHaveAttribute('aria-pressed', 'true');
  });

  it('outlines the marks of the pinned sentence', () => {
    const { svg } = setup({ selection: { sentence: 's12' } });
    const pinned = marksOf(svg).filter((m) => m.getAttribute('stroke') !== 'none');
    expect(pinned.map((m) => m.dataset.sentence)).toEqual(['s12', 's12']);
    expect(screen.getByTestId('pinned-outline')).toBeInTheDocument();
  });

  it('keeps every mark in place across selections and redraws only the marks that change', async () => {
    const pin = (id: string) => ({
      selection: { ...emptySelection, sentence: id },
      highlight: new Set([id]),
    });
    const { svg, rerender } = setup(pin('s3'));
    const before = marksOf(svg);
    const labels = before.map((m) => m.getAttribute('aria-label'));
    const drawnForS3 = drawing(svg);

    const changed = new Set<Element>();
    const names = new Set<string>();
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        changed.add(r.target as Element);
        if (r.attributeName) names.add(r.attributeName);
      }
    });
    observer.observe(svg, { subtree: true, attributes: true, childList: true });
    await rerender(pin('s12'));
    observer.disconnect();

    // The same nodes with the same names; only the marks of the two sentences change (and the
    // outline that follows the pinned sentence), and only in their state.
    expect(marksOf(svg)).toEqual(before);
    expect(marksOf(svg).map((m) => m.getAttribute('aria-label'))).toEqual(labels);
    const marks = [...changed].filter((el) => el.matches('rect[data-mark]')) as SVGRectElement[];
    expect(new Set(marks.map((m) => m.dataset.sentence))).toEqual(new Set(['s3', 's12']));
    expect([...changed].filter((el) => !marks.includes(el as SVGRectElement))).toEqual([
      screen.getByTestId('pinned-outline'),
    ]);
    expect([...names].sort()).toEqual(
      [
        'aria-pressed',
        'data-dimmed',
        'fill',
        'stroke',
        'stroke-width',
        'tabindex',
        'width',
        'x',
      ].sort(),
    );
    for (const m of marksOf(svg).filter((mark) => mark.dataset.sentence === 's12')) {
      expect(m).toHaveAttribute('aria-pressed', 'true');
      expect(m.hasAttribute('data-dimmed')).toBe(false);
    }

    // Back to the first selection: the timeline is drawn exactly as it was.
    await rerender(pin('s3'));
    expect(drawing(svg)).toEqual(drawnForS3);
  });

  it('labels marks with theme, sentence, paragraph, modality and a short quote', () => {
    const { svg } = setup();
    const mark = svg.querySelector('rect[data-mark="m:s12:readmission"]')!;
    const aria = mark.getAttribute('aria-label')!;
    expect(aria).toMatch(
      /^Readmission & return, sentence 12 \(paragraph 4\), demand: It is no less important to facilitate/,
    );
    expect(aria.endsWith('…')).toBe(true);
    expect(aria.length).toBeLessThan(160);
    const item = svg.querySelector('rect[data-mark="m:s21:readmission"]')!;
    expect(item.getAttribute('aria-label')).toContain('sentence 21 (paragraph 7, list item 5)');
  });

  it('is one tab stop whose arrow keys move the focus, and Enter selects', async () => {
    const { svg, onselect } = setup();
    const focusable = [...svg.querySelectorAll('[tabindex="0"]')];
    expect(focusable).toHaveLength(1);
    const first = focusable[0] as SVGElement;
    expect(first.dataset.mark).toBe('m:s1:process');

    first.focus();
    expect(document.activeElement).toBe(first);
    const active = () => (document.activeElement as SVGElement).dataset;

    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(active().mark).toBe('m:s2:process');
    await fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(active().mark).toBe('m:s25:process');
    await fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(active().mark).toBe('m:s1:process');
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    expect(active().mark).toBe('m:s1:process');

    // Up from the bottom row goes to the nearest mark in the row above (cooperation, s2).
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    expect(active()).toMatchObject({ sentence: 's2', theme: 'cooperation' });
    expect(svg.querySelectorAll('[tabindex="0"]')).toHaveLength(1);
    expect(document.activeElement).toHaveAttribute('tabindex', '0');

    await fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    expect(onselect).toHaveBeenLastCalledWith({ sentence: 's2' });
    await fireEvent.keyDown(document.activeElement!, { key: ' ' });
    expect(onselect).toHaveBeenCalledTimes(2);

    // Above the top theme row are the paragraphs; Enter selects a paragraph's range.
    for (let i = 0; i < 12; i++)
      await fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    expect(active().paragraph).toBe('p1');
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(active().paragraph).toBe('p2');
    await fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    expect(onselect).toHaveBeenLastCalledWith({ range: [4, 8] });
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(active().theme).toBe('control');
  });

  it('shows a focus ring and keeps the focus when the chart re-renders', async () => {
    const { svg, rerender } = setup();
    const mark = svg.querySelector<SVGElement>('rect[data-mark="m:s12:readmission"]')!;
    mark.focus();
    await fireEvent.focusIn(mark);
    expect(svg.querySelector('rect.focus-ring')).toBeTruthy();
    await rerender({
      highlight: new Set(['s12']),
      selection: { ...emptySelection, sentence: 's12' },
    });
    expect(document.activeElement?.id).toBe(mark.id);
    expect(svg.querySelector('rect.focus-ring')).toBeTruthy();
  });

  it('previews a sentence on hover and focus and ends the preview on leave', async () => {
    const { svg, onhover } = setup();
    const mark = svg.querySelector<SVGRectElement>('rect[data-mark="m:s12:readmission"]')!;
    // What a pointer moving onto a mark and off it sends (with mouseenter and mouseleave).
    await fireEvent.mouseOver(mark);
    expect(onhover).toHaveBeenLastCalledWith({ sentence: 's12' });
    await fireEvent.mouseOut(mark);
    expect(onhover).toHaveBeenLastCalledWith(null);
    // Over the chart but off the marks, the preview is left alone.
    onhover.mockClear();
    await fireEvent.mouseOver(svg.querySelector('rect.band')!);
    await fireEvent.mouseOut(svg.querySelector('rect.band')!);
    expect(onhover).not.toHaveBeenCalled();
    mark.focus();
    expect(onhover).toHaveBeenLastCalledWith({ sentence: 's12' });
    await fireEvent.focusOut(mark);
    expect(onhover).toHaveBeenLastCalledWith(null);
  });

  it('is a standalone SVG with title, desc and explicit colours, and reports its first draw', () => {
    const { svg, ondrawn } = setup();
    expect(ondrawn).toHaveBeenCalledTimes(1);
    expect(svg.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(svg.getAttribute('viewBox')).toMatch(/^0 0 640 \d+$/);
    expect(svg.querySelector('title')?.textContent).toBe('Where each theme sits in the text');
    expect(svg.querySelector('desc')?.textContent).toContain('55 marks');
    const markup = new XMLSerializer().serializeToString(svg);
    expect(markup).not.toMatch(/currentColor|var\(--/);
    const fills = new Set(marksOf(svg).map((m) => m.getAttribute('fill')));
    for (const fill of fills) expect(Object.values(palettes.light.modality)).toContain(fill);
  });

  it('uses the dark palette when asked', async () => {
    const { svg, rerender } = setup();
    await rerender({ scheme: 'dark' });
    const mark = svg.querySelector<SVGElement>('rect[data-mark="m:s12:readmission"]')!;
    expect(mark.getAttribute('fill')).toBe(palettes.dark.modality.demand);
  });

  it('frames the chart with title, modality legend, source and a table alternative', async () => {
    const { container } = setup();
    expect(
      screen.getByRole('heading', { name: 'Where each theme sits in the text' }),
    ).toBeInTheDocument();
    const legend = container.querySelector('.legend')!;
    for (const m of codebook.modalities) expect(legend).toHaveTextContent(m.label);
    expect(container.querySelector('figcaption')).toHaveTextContent(doc.source.sha256.slice(0, 12));

    expect(container.querySelector('details summary')).toHaveTextContent('Show as table');
    expect(container.querySelector('table')).toBeNull();
    const { details } = await openTable(container);
    const rows = details.querySelectorAll('tbody tr');
    expect(rows).toHaveLength(codebook.themes.length);
    const p2 = [...rows].find(
      (r) => r.querySelector('th')!.textContent === 'Non-binding character',
    )!;
    const cells = [...p2.querySelectorAll('td')].map((td) => Number(td.textContent));
    const expected = doc.aggregates.themesByParagraph.find(
      (a) => a.theme === 'non_binding' && a.paragraph === 'p2',
    )!.sentences;
    expect(cells[1]).toBe(expected);
    expect(details.querySelectorAll('dd li')).toHaveLength(doc.counts.themeCodings);
  });
});

describe('TopicTimeline of a corpus drawn by document', () => {
  const { codebook: corpusCodebook, merged } = mergedCorpus();

  it('draws the document numbers after the last band, so no band can cover a number wider than itself', () => {
    const { container } = render(TopicTimeline, {
      props: restingChartProps(merged, corpusCodebook, { byDocument }),
    });
    const bands = [...container.querySelectorAll('rect.band')];
    const numbers = [...container.querySelectorAll('[data-paragraph-number]')];
    expect(bands).toHaveLength(merged.parts.length);
    expect(numbers.map((n) => n.textContent).filter(Boolean)).toContain(`${merged.parts.length}`);
    // SVG paints in document order: every number comes after the last band.
    const lastBand = bands.at(-1)!;
    for (const n of numbers) {
      expect(lastBand.compareDocumentPosition(n) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    }
  });

  it('outlines a pinned sentence at least 6 px wide, inside its document', () => {
    // A sentence in the middle of a document in the middle of the corpus.
    const part = merged.parts[4];
    const target = merged.sentences[Math.floor((part.firstOrder + part.lastOrder) / 2) - 1];
    const { container } = render(TopicTimeline, {
      props: restingChartProps(merged, corpusCodebook, {
        selection: { ...emptySelection, sentence: target.id },
        highlight: new Set([target.id]),
        byDocument,
      }),
    });
    const band = container.querySelector(`rect.band[data-paragraph="${part.id}"]`)!;
    // Drawn by document: a sentence gets less than 2 px.
    expect(num(band, 'width') / (part.lastOrder - part.firstOrder + 1)).toBeLessThan(2);
    const outline = screen.getByTestId('pinned-outline');
    expect(num(outline, 'width')).toBe(6);
    expect(num(outline, 'x')).toBeGreaterThanOrEqual(num(band, 'x'));
    expect(num(outline, 'x') + 6).toBeLessThanOrEqual(num(band, 'x') + num(band, 'width'));
  });
});
