import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { ChartProps } from '../../src/lib/charts/types.ts';
import CoOccurrenceMatrix from '../../src/lib/charts/cooccurrence/CoOccurrenceMatrix.svelte';
import { contrast } from '../../src/lib/charts/cooccurrence/layout.ts';
import type { Scheme } from '../../src/lib/charts/palette.ts';
import { emptySelection, selectedSentences, type Selection } from '../../src/lib/data/queries.ts';
import { codebook, doc } from '../helpers/dataset.ts';
import { openTable } from '../helpers/table.ts';
import { drawing } from '../helpers/dom.ts';

let onselect: Mock<ChartProps['onselect']>;
let onhover: Mock<ChartProps['onhover']>;
let ondrawn: Mock<() => void>;

beforeEach(() => {
  onselect = vi.fn<ChartProps['onselect']>();
  onhover = vi.fn<ChartProps['onhover']>();
  ondrawn = vi.fn<() => void>();
});

function props(selection: Selection = { ...emptySelection }, scheme: Scheme = 'light') {
  return {
    doc,
    codebook,
    scheme,
    selection,
    highlight: selectedSentences(doc, selection),
    onselect,
    onhover,
    ondrawn,
  };
}

const occurring = codebook.themes
  .map((t) => t.id)
  .filter((id) => doc.aggregates.themeTotals.find((t) => t.theme === id)!.sentences > 0);
const labelOf = (id: string) => codebook.themes.find((t) => t.id === id)!.label;

function expected(row: string, col: string): number {
  if (row === col) return doc.aggregates.themeTotals.find((t) => t.theme === row)!.sentences;
  return (
    doc.aggregates.coOccurrence.find(
      (c) => (c.a === row && c.b === col) || (c.a === col && c.b === row),
    )?.sentences ?? 0
  );
}

const cells = (container: HTMLElement) => [
  ...container.querySelectorAll<SVGGElement>('g[data-cell]'),
];
const cell = (container: HTMLElement, row: string, col: string) =>
  container.querySelector<SVGGElement>(`g[data-row="${row}"][data-col="${col}"]`)!;

describe('CoOccurrenceMatrix', () => {
  it('draws one cell per pair of occurring themes, each printing the dataset count', () => {
    const { container } = render(CoOccurrenceMatrix, props());
    const all = cells(container);
    expect(all).toHaveLength(occurring.length ** 2);
    for (const g of all) {
      const { row, col } = g.dataset;
      const count = expected(row!, col!);
      expect(Number(g.dataset.count)).toBe(count);
      const printed = g.querySelector('text');
      if (count > 0) expect(printed).toHaveTextContent(String(count));
      else expect(printed).toBeNull();
    }
  });

  it('sets the diagonal apart and shades shared counts darker as they grow', () => {
    const { container } = render(CoOccurrenceMatrix, props());
    const fillOf = (row: string, col: string) =>
      cell(container, row, col).querySelector('rect')!.getAttribute('fill')!;
    const diagonal = new Set(occurring.map((t) => fillOf(t, t)));
    expect(diagonal.size).toBe(1);
    const shared = doc.aggregates.coOccurrence;
    const one = shared.find((c) => c.sentences === 1)!;
    const four = shared.find((c) => c.sentences === 4)!;
    expect(diagonal.has(fillOf(one.a, one.b))).toBe(false);
    expect(fillOf(one.a, one.b)).not.toBe(fillOf(four.a, four.b));
    expect(fillOf(one.a, one.b)).toBe(fillOf(one.b, one.a));
    expect(cell(container, occurring[0], occurring[0]).querySelector('text')).toHaveAttribute(
      'font-weight',
      '700',
    );
  });

  it.each(['light', 'dark'] as const)('prints numbers at 4.5:1 or more (%s)', (scheme) => {
    const { container } = render(CoOccurrenceMatrix, props({ ...emptySelection }, scheme));
    for (const g of cells(container)) {
      const text = g.querySelector('text');
      if (!text) continue;
      const fill = g.querySelector('rect')!.getAttribute('fill')!;
      expect(contrast(text.getAttribute('fill')!, fill)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('selects the sentences with both themes when a cell is clicked', async () => {
    const { container } = render(CoOccurrenceMatrix, props());
    // Below the diagonal the row comes later in the codebook; the patch keeps codebook order.
    await fireEvent.click(cell(container, 'security', 'control'));
    expect(onselect).toHaveBeenLastCalledWith({ themes: ['control', 'security'], mode: 'all' });
    await fireEvent.click(cell(container, 'control', 'security'));
    expect(onselect).toHaveBeenLastCalledWith({ themes: ['control', 'security'], mode: 'all' });
    await fireEvent.click(cell(container, 'process', 'process'));
    expect(onselect).toHaveBeenLastCalledWith({ themes: ['process'] });
    // A pair with no shared sentence selects nothing.
    await fireEvent.click(cell(container, 'integration', 'security'));
    expect(onselect).toHaveBeenCalledTimes(3);
    await fireEvent.mouseEnter(cell(container, 'root_causes', 'responsibility'));
    expect(onhover).toHaveBeenLastCalledWith({
      themes: ['root_causes', 'responsibility'],
      mode: 'all',
    });
    await fireEvent.mouseLeave(cell(container, 'root_causes', 'responsibility'));
    expect(onhover).toHaveBeenLastCalledWith(null);
  });

  it('labels every cell for screen readers', () => {
    render(CoOccurrenceMatrix, props());
    expect(
      screen.getByRole('button', {
        name: 'Security & public order and Migration control: 1 sentence',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', {
        name: 'Conflict & root causes and Responsibility sharing: 4 sentences',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', {
        name: 'Responsibility sharing: 9 sentences in all (the theme itself)',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', {
        name: 'Adaptation & integration and Security & public order: no shared sentence',
      }),
    ).toHaveAttribute('aria-disabled', 'true');
  });

  it('is one tab stop; arrows move across cells and Enter selects', async () => {
    const { container } = render(CoOccurrenceMatrix, props());
    const tabbable = cells(container).filter((g) => g.getAttribute('tabindex') === '0');
    expect(tabbable).toHaveLength(1);
    tabbable[0].focus();
    expect(tabbable[0].dataset.cell).toBe('0:0');
    await fireEvent.keyDown(tabbable[0], { key: 'ArrowRight' });
    expect(document.activeElement).toHaveAttribute('data-cell', '0:1');
    expect(document.activeElement).toHaveAttribute('tabindex', '0');
    expect(tabbable[0]).toHaveAttribute('tabindex', '-1');
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement).toHaveAttribute('data-cell', '1:1');
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    expect(document.activeElement).toHaveAttribute('data-cell', '0:0');
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    await fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    expect(onselect).toHaveBeenLastCalledWith({
      themes: [occurring[0], occurring[1]],
      mode: 'all',
    });
    await fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(document.activeElement).toHaveAttribute('data-cell', `0:${occurring.length - 1}`);
    await fireEvent.keyDown(document.activeElement!, { key: ' ' });
    expect(onselect).toHaveBeenLastCalledWith({
      themes: [occurring[0], occurring[occurring.length - 1]],
      mode: 'all',
    });
  });

  it('marks the selected pair and dims cells outside the selected themes', () => {
    const { container } = render(
      CoOccurrenceMatrix,
      props({ ...emptySelection, themes: ['readmission', 'root_causes'], mode: 'all' }),
    );
    const pressed = cells(container).filter((g) => g.getAttribute('aria-pressed') === 'true');
    expect(pressed.map((g) => `${g.dataset.row}/${g.dataset.col}`).sort()).toEqual([
      'readmission/root_causes',
      'root_causes/readmission',
    ]);
    for (const g of cells(container)) {
      const inSelection = ['readmission', 'root_causes'].some(
        (t) => g.dataset.row === t || g.dataset.col === t,
      );
      expect(g.dataset.dimmed === 'true').toBe(!inSelection);
    }
    // The tab stop starts on the selected cell.
    expect(cells(container).find((g) => g.getAttribute('tabindex') === '0')!.dataset.row).toBe(
      'readmission',
    );
  });

  it('dims pairs that none of the selected sentences carries when an actor is selected', () => {
    const selection: Selection = { ...emptySelection, actor: 'western_states' };
    const highlight = selectedSentences(doc, selection)!;
    const { container } = render(CoOccurrenceMatrix, props(selection));
    for (const g of cells(container)) {
      const hits = doc.sentences.filter(
        (s) =>
          highlight.has(s.id) &&
          s.themes.some((t) => t.theme === g.dataset.row) &&
          s.themes.some((t) => t.theme === g.dataset.col),
      ).length;
      expect(g.dataset.dimmed === 'true').toBe(hits === 0);
      if (hits && g.dataset.row !== g.dataset.col)
        expect(g.getAttribute('aria-label')).toContain(`; ${hits} of them selected`);
    }
  });

  it('keeps every cell in place across selections and redraws only the cells that change', async () => {
    const themesOf = (id: string) =>
      doc.sentences.find((s) => s.id === id)!.themes.map((t) => t.theme);
    const carries = (g: SVGGElement, id: string) =>
      themesOf(id).includes(g.dataset.row as never) &&
      themesOf(id).includes(g.dataset.col as never);
    const { container, rerender } = render(
      CoOccurrenceMatrix,
      props({ ...emptySelection, sentence: 's3' }),
    );
    const svg = container.querySelector('[data-testid="cooccurrence"] > svg')!;
    const before = cells(container);
    const drawnForS3 = drawing(svg);
    // Focus rests on a cell while the selection changes (as a hover preview does).
    const focusedCell = before.find((g) => g.getAttribute('tabindex') === '0')!;
    focusedCell.focus();

    const changed = new Set<Element>();
    const names = new Set<string>();
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        changed.add((r.target as Element).closest('g[data-cell]') ?? (r.target as Element));
        if (r.attributeName) names.add(r.attributeName);
      }
    });
    observer.observe(svg, { subtree: true, attributes: true, childList: true });
    await rerender(props({ ...emptySelection, sentence: 's12' }));
    observer.disconnect();

    // The same nodes, in the same order; the focus stays where it was.
    expect(cells(container)).toEqual(before);
    expect(document.activeElement).toBe(focusedCell);
    // Only the cells of the pairs either sentence carries change, and only in their state.
    expect(changed.size).toBeGreaterThan(0);
    for (const el of changed) {
      expect(el.matches('g[data-cell]')).toBe(true);
      const g = el as SVGGElement;
      expect(carries(g, 's3') || carries(g, 's12')).toBe(true);
    }
    expect([...names].sort()).toEqual(['aria-label', 'data-dimmed', 'fill']);
    const pair = cell(container, 'readmission', 'root_causes');
    expect(pair.getAttribute('aria-label')).toContain(
      `${labelOf('readmission')} and ${labelOf('root_causes')}: `,
    );
    expect(pair.getAttribute('aria-label')).toMatch(/; 1 of them selected$/);
    expect(pair.dataset.dimmed).toBeUndefined();
    expect(cell(container, 'control', 'process').dataset.dimmed).toBe('true');

    // Back to the first selection: the matrix is drawn exactly as it was.
    await rerender(props({ ...emptySelection, sentence: 's3' }));
    expect(drawing(svg)).toEqual(drawnForS3);
  });

  it('is a standalone SVG with a title, a description and a legend', () => {
    const { container } = render(CoOccurrenceMatrix, props());
    const svg = container.querySelector('[data-testid="cooccurrence"] > svg')!;
    expect(svg).toHaveAttribute('xmlns', 'http://www.w3.org/2000/svg');
    expect(svg.getAttribute('viewBox')).toMatch(/^0 0 \d+ \d+$/);
    expect(svg.querySelector('title')).toHaveTextContent('Theme co-occurrence matrix');
    expect(svg.querySelector('desc')?.textContent).toContain(
      'Conflict & root causes and Responsibility sharing (4)',
    );
    for (const el of svg.querySelectorAll('[fill], [stroke]')) {
      expect(`${el.getAttribute('fill')} ${el.getAttribute('stroke')}`).not.toMatch(
        /currentColor|var\(/,
      );
    }
    expect(screen.getByText(/Diagonal \(grey\)/)).toBeInTheDocument();
    expect(ondrawn).toHaveBeenCalledTimes(1);
  });

  it('offers the matrix as a table, loaded when it is opened', async () => {
    const { container } = render(CoOccurrenceMatrix, props());
    expect(screen.queryByRole('table', { hidden: true })).toBeNull();
    const { table } = await openTable(container);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(occurring.length);
    rows.forEach((row, i) => {
      expect(within(row).getByRole('rowheader')).toHaveTextContent(labelOf(occurring[i]));
      const counts = within(row)
        .getAllByRole('cell')
        .map((c) => Number(c.textContent));
      expect(counts).toEqual(occurring.map((col) => expected(occurring[i], col)));
      // The diagonal (the theme's own sentences) stands out.
      const bold = within(row)
        .getAllByRole('cell')
        .map((c) => c.classList.contains('strong'));
      expect(bold).toEqual(occurring.map((_, j) => j === i));
    });
    // Abbreviated column headers carry the full label.
    const titles = within(table)
      .getAllByRole('columnheader')
      .map((th) => th.querySelector('abbr')?.title);
    expect(titles).toEqual(occurring.map(labelOf));
  });
});
