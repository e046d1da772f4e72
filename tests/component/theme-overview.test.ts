import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { ChartProps } from '../../src/lib/charts/types.ts';
import ThemeOverview from '../../src/lib/charts/theme-overview/ThemeOverview.svelte';
import { emptySelection, selectedSentences, type Selection } from '../../src/lib/data/queries.ts';
import * as Plot from '@observablehq/plot';
import { fade, palettes } from '../../src/lib/charts/palette.ts';
import {
  optionsFromLayout,
  themeOverviewLayout,
} from '../../src/lib/charts/theme-overview/options.ts';
import type { StatementDocument, ThemeId } from '../../src/lib/data/types.ts';
import { codebook, doc } from '../helpers/dataset.ts';
import { openTable } from '../helpers/table.ts';

let onselect: Mock<ChartProps['onselect']>;
let onhover: Mock<ChartProps['onhover']>;
let ondrawn: Mock<() => void>;

beforeEach(() => {
  onselect = vi.fn<ChartProps['onselect']>();
  onhover = vi.fn<ChartProps['onhover']>();
  ondrawn = vi.fn<() => void>();
});

function props(overrides: Partial<{ doc: StatementDocument; selection: Selection }> = {}) {
  const selection = overrides.selection ?? { ...emptySelection };
  const d = overrides.doc ?? doc;
  return {
    doc: d,
    codebook,
    scheme: 'light' as const,
    selection,
    highlight: selectedSentences(d, selection),
    onselect,
    onhover,
    ondrawn,
  };
}

const num = (el: Element, attr: string) => Number(el.getAttribute(attr));
const bars = (container: HTMLElement) => [
  ...container.querySelectorAll<SVGRectElement>('rect[data-theme][data-modality]'),
];

/** Total bar length per theme, and its modality segments, read off the rendered SVG. */
function barWidths(container: HTMLElement) {
  const perTheme = new Map<string, number>();
  const perSegment = new Map<string, number>();
  for (const rect of bars(container)) {
    const theme = rect.dataset.theme!;
    perTheme.set(theme, (perTheme.get(theme) ?? 0) + num(rect, 'width'));
    perSegment.set(`${theme}/${rect.dataset.modality}`, num(rect, 'width'));
  }
  return { perTheme, perSegment };
}

/** Every value divided by its reference must give the same ratio (within 1 %). */
function expectProportional(values: Map<string, number>, reference: Map<string, number>) {
  expect([...values.keys()].sort()).toEqual([...reference.keys()].sort());
  const ratios = [...values].map(([k, v]) => v / reference.get(k)!);
  for (const r of ratios) expect(Math.abs(r / ratios[0] - 1)).toBeLessThan(0.01);
}

const occurring = doc.aggregates.themeTotals.filter((t) => t.sentences > 0);

describe('ThemeOverview', () => {
  it('draws each theme as long as its sentence count, one segment per modality', () => {
    const { container } = render(ThemeOverview, props());
    const { perTheme, perSegment } = barWidths(container);
    expectProportional(perTheme, new Map(occurring.map((t) => [t.theme, t.sentences])));
    expectProportional(
      perSegment,
      new Map(doc.aggregates.modalityByTheme.map((m) => [`${m.theme}/${m.modality}`, m.sentences])),
    );
    for (const rect of bars(container)) {
      expect(rect.getAttribute('fill')).toBe(
        palettes.light.modality[rect.dataset.modality as keyof typeof palettes.light.modality],
      );
    }
  });

  it('sorts the rows from the largest theme down', () => {
    const { container } = render(ThemeOverview, props());
    const rowY = new Map<string, number>();
    for (const rect of bars(container)) rowY.set(rect.dataset.theme!, num(rect, 'y'));
    const drawnOrder = [...rowY].sort((a, b) => a[1] - b[1]).map(([t]) => t);
    const sizes = drawnOrder.map((t) => occurring.find((o) => o.theme === t)!.sentences);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(drawnOrder).toHaveLength(occurring.length);
  });

  it('switches the bar length to the share of words', async () => {
    const { container } = render(ThemeOverview, props());
    const before = barWidths(container).perTheme;
    await fireEvent.click(screen.getByRole('button', { name: 'Share of words' }));
    expect(screen.getByRole('button', { name: 'Share of words' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    const { perTheme, perSegment } = barWidths(container);
    expect(perTheme).not.toEqual(before);
    expectProportional(perTheme, new Map(occurring.map((t) => [t.theme, t.words])));
    expectProportional(
      perSegment,
      new Map(doc.aggregates.modalityByTheme.map((m) => [`${m.theme}/${m.modality}`, m.words])),
    );
    // The longest bar by words comes first.
    const first = bars(container).reduce((a, b) => (num(b, 'y') < num(a, 'y') ? b : a));
    const maxWords = Math.max(...occurring.map((t) => t.words));
    expect(occurring.find((t) => t.theme === first.dataset.theme)!.words).toBe(maxWords);
  });

  it('lists codebook themes that never occur as absent', () => {
    const gone: ThemeId = 'integration';
    const without: StatementDocument = {
      ...doc,
      sentences: doc.sentences.map((s) => ({
        ...s,
        themes: s.themes.filter((t) => t.theme !== gone),
      })),
      aggregates: {
        ...doc.aggregates,
        themeTotals: doc.aggregates.themeTotals.map((t) =>
          t.theme === gone ? { ...t, sentences: 0, words: 0 } : t,
        ),
        modalityByTheme: doc.aggregates.modalityByTheme.filter((m) => m.theme !== gone),
      },
    };
    const { container } = render(ThemeOverview, props({ doc: without }));
    expect(screen.getByTestId('absent-themes')).toHaveTextContent(
      'Absent: Adaptation & integration',
    );
    expect(container.querySelector(`rect[data-theme="${gone}"]`)).toBeNull();
    expect(bars(container).some((r) => r.dataset.theme === 'control')).toBe(true);
  });

  it('says so when every codebook theme occurs', () => {
    render(ThemeOverview, props());
    expect(screen.getByTestId('absent-themes')).toHaveTextContent('Absent: none');
  });

  it('selects a theme when any of its segments is clicked; modifier keys add it', async () => {
    const { container } = render(ThemeOverview, props());
    const segment = container.querySelector<SVGRectElement>(
      'rect[data-theme="root_causes"][data-modality="attribution"]',
    )!;
    // The marks let the pointer through to the row under them, which spans the segment.
    expect(segment.closest('[pointer-events="none"]')).not.toBeNull();
    const row = container.querySelector<SVGRectElement>('[data-row-theme="root_causes"]')!;
    expect(row.compareDocumentPosition(segment) & Node.DOCUMENT_POSITION_PRECEDING).toBeTruthy();
    expect(num(segment, 'y')).toBeGreaterThanOrEqual(num(row, 'y'));
    expect(num(segment, 'y') + num(segment, 'height')).toBeLessThanOrEqual(
      num(row, 'y') + num(row, 'height'),
    );
    expect(num(segment, 'x')).toBeGreaterThanOrEqual(num(row, 'x'));
    expect(num(segment, 'x') + num(segment, 'width')).toBeLessThanOrEqual(
      num(row, 'x') + num(row, 'width'),
    );
    await fireEvent.click(row);
    expect(onselect).toHaveBeenLastCalledWith({ themes: ['root_causes'] }, { additive: false });
    await fireEvent.click(row, { shiftKey: true });
    expect(onselect).toHaveBeenLastCalledWith({ themes: ['root_causes'] }, { additive: true });
    await fireEvent.mouseEnter(row);
    expect(onhover).toHaveBeenLastCalledWith({ themes: ['root_causes'] });
    await fireEvent.mouseLeave(row);
    expect(onhover).toHaveBeenLastCalledWith(null);
  });

  it('is one tab stop; arrows move between rows in drawn order and Enter selects', async () => {
    render(ThemeOverview, props());
    const group = screen.getByRole('group', { name: /Themes: arrow keys/ });
    const rows = within(group).getAllByRole('button');
    expect(rows).toHaveLength(occurring.length);
    const tabbable = rows.filter((r) => r.getAttribute('tabindex') === '0');
    expect(tabbable).toHaveLength(1);
    // The first tab stop is the largest theme.
    expect(tabbable[0]).toHaveAttribute('data-row-theme', 'responsibility');
    tabbable[0].focus();
    expect(onhover).toHaveBeenLastCalledWith({ themes: ['responsibility'] });
    await fireEvent.keyDown(tabbable[0], { key: 'ArrowDown' });
    // Ties keep codebook order: humanitarian comes before root_causes, non_binding, process.
    expect(document.activeElement).toHaveAttribute('data-row-theme', 'humanitarian');
    expect(document.activeElement).toHaveAttribute('tabindex', '0');
    await fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(document.activeElement).toHaveAttribute('data-row-theme', 'integration');
    await fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    expect(onselect).toHaveBeenLastCalledWith({ themes: ['integration'] }, { additive: false });
    await fireEvent.keyDown(document.activeElement!, { key: ' ' });
    expect(onselect).toHaveBeenCalledTimes(2);
  });

  it('labels every row with its counts and modalities', () => {
    render(ThemeOverview, props({ selection: { ...emptySelection, themes: ['readmission'] } }));
    const row = screen.getByRole('button', {
      name: 'Readmission & return: 3 sentences (demand 3); 3 of them selected',
    });
    expect(row).toHaveAttribute('aria-pressed', 'true');
    expect(
      screen.getByRole('button', {
        name: /^Security & public order: 3 sentences \(demand 2, rejection 1\)/,
      }),
    ).toHaveAttribute('aria-pressed', 'false');
  });

  it('dims the other themes and keeps the selected one solid', () => {
    const { container } = render(
      ThemeOverview,
      props({ selection: { ...emptySelection, themes: ['readmission'] } }),
    );
    const hitWidth = (theme: string) =>
      [...container.querySelectorAll(`rect[data-hit-theme="${theme}"]`)].reduce(
        (sum, r) => sum + num(r, 'width'),
        0,
      );
    const { perTheme } = barWidths(container);
    // Every readmission sentence is selected: its highlighted part is the whole bar.
    expect(hitWidth('readmission')).toBeCloseTo(perTheme.get('readmission')!, 3);
    // Faded by colour (a lighter one that keeps 3:1), not by opacity.
    for (const rect of bars(container)) {
      const colour =
        palettes.light.modality[rect.dataset.modality as keyof typeof palettes.light.modality];
      expect(rect.getAttribute('fill')).toBe(fade(colour, palettes.light));
      expect(rect.hasAttribute('fill-opacity')).toBe(false);
    }
    // Sentences that carry readmission and another theme show up as that theme's solid part.
    const control = perTheme.get('control')!;
    expect(hitWidth('control') / control).toBeCloseTo(2 / 5, 2);
    expect(hitWidth('sovereignty')).toBe(0);
  });

  it('shows how many selected sentences carry each theme when an actor is selected', () => {
    const selection: Selection = { ...emptySelection, actor: 'western_states' };
    const highlight = selectedSentences(doc, selection)!;
    const { container } = render(ThemeOverview, props({ selection }));
    const { perTheme } = barWidths(container);
    for (const t of occurring) {
      const expected = doc.sentences.filter(
        (s) => highlight.has(s.id) && s.themes.some((c) => c.theme === t.theme),
      ).length;
      const drawn = [...container.querySelectorAll(`rect[data-hit-theme="${t.theme}"]`)].reduce(
        (sum, r) => sum + num(r, 'width'),
        0,
      );
      expect(drawn / perTheme.get(t.theme)!).toBeCloseTo(expected / t.sentences, 2);
      const name = codebook.themes.find((c) => c.id === t.theme)!.label;
      expect(
        screen.getByRole('button', {
          name: new RegExp(`^${name}:.*; ${expected} of them selected$`),
        }),
      ).toBeInTheDocument();
    }
  });

  it('says how many sentences the solid parts stand for, in the singular for one', async () => {
    const one = { ...emptySelection, sentence: doc.sentences[7].id };
    const { rerender } = render(ThemeOverview, props({ selection: one }));
    expect(screen.getByText(/^Solid:/)).toHaveTextContent(
      'Solid: the 1 selected sentence within each theme; faded: the rest.',
    );
    const themes: ThemeId[] = ['control'];
    const several = { ...emptySelection, themes };
    const count = selectedSentences(doc, several)!.size;
    expect(count).toBeGreaterThan(1);
    await rerender(props({ selection: several }));
    expect(screen.getByText(/^Solid:/)).toHaveTextContent(
      `Solid: the ${count} selected sentences within each theme; faded: the rest.`,
    );
    // Nothing selected: the line keeps its place, hidden by its class (the page's styles are
    // not applied here; app.e2e.test.ts checks in a browser that it is hidden and in place).
    await rerender(props());
    expect(screen.getByText(/^Solid:/)).toHaveClass('idle');
  });

  it('keeps keyboard focus on the same theme when the chart redraws', async () => {
    const { rerender } = render(ThemeOverview, props());
    const row = screen.getByRole('button', { name: /^Migration control/ });
    row.focus();
    await rerender(props({ selection: { ...emptySelection, themes: ['control'] } }));
    expect(document.activeElement).toBe(row);
    // Re-sorted by words, the row moves; it is the same element and keeps focus.
    const y = row.getAttribute('y');
    await fireEvent.click(screen.getByRole('button', { name: 'Share of words' }));
    expect(row.getAttribute('y')).not.toBe(y);
    await rerender(props({ selection: { ...emptySelection, actor: 'western_states' } }));
    expect(document.activeElement).toBe(row);
    expect(row).toHaveAttribute('tabindex', '0');
  });

  it('calls ondrawn once, after the first draw', async () => {
    const { rerender, container } = render(ThemeOverview, props());
    expect(ondrawn).toHaveBeenCalledTimes(1);
    expect(container.querySelector('svg[role="img"] title')).toHaveTextContent(
      'What the statement is about',
    );
    await rerender(props({ selection: { ...emptySelection, themes: ['process'] } }));
    expect(ondrawn).toHaveBeenCalledTimes(1);
  });

  it('uses explicit colours only, so the SVG exports as drawn', () => {
    const { container } = render(ThemeOverview, props());
    const svg = container.querySelector('svg[role="img"]')!;
    for (const el of [svg, ...svg.querySelectorAll('*')]) {
      for (const attr of ['fill', 'stroke']) {
        const value = el.getAttribute(attr);
        if (value) expect(value).not.toMatch(/currentColor|var\(/);
      }
    }
  });

  it('offers the same numbers as a table, loaded when it is opened', async () => {
    const { container } = render(ThemeOverview, props());
    expect(screen.queryByRole('table', { hidden: true })).toBeNull();
    const { table } = await openTable(container);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(codebook.themes.length);
    const security = rows.find((r) => r.textContent?.includes('Security & public order'))!;
    const cells = within(security)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    // sentences, words, share, demand, rejection, attribution, position, assessment
    expect(cells).toEqual(['3', '98', '11.3%', '2', '1', '0', '0', '0']);
  });

  describe('on a new selection', () => {
    const readmission: Selection = { ...emptySelection, themes: ['readmission'] };
    const control: Selection = { ...emptySelection, themes: ['control'] };
    /** The chart Plot drew (grid, axis and theme labels): the one shown of those drawn. */
    const frame = (container: HTMLElement) => {
      const shown = [...container.querySelectorAll<SVGSVGElement>('svg[role="img"]')].filter(
        (svg) => svg.style.display !== 'none',
      );
      expect(shown).toHaveLength(1);
      return shown[0];
    };
    const valueLabels = (container: HTMLElement) =>
      Object.fromEntries(
        [...container.querySelectorAll<SVGTextElement>('text[data-value-theme]')].map((t) => [
          t.dataset.valueTheme,
          t.textContent,
        ]),
      );
    const hitWidth = (container: HTMLElement, theme: string) =>
      [...container.querySelectorAll(`rect[data-hit-theme="${theme}"]`)].reduce(
        (sum, r) => sum + num(r, 'width'),
        0,
      );
    const outlined = (container: HTMLElement) =>
      [...container.querySelectorAll<SVGRectElement>('rect[data-selected-theme]')].map(
        (r) => r.dataset.selectedTheme,
      );

    it('updates the marks in place and keeps the chart Plot drew', async () => {
      const { container, rerender } = render(ThemeOverview, props({ selection: readmission }));
      const drawn = frame(container);
      const segment = container.querySelector('rect[data-theme="control"][data-modality="demand"]');
      const width = barWidths(container).perTheme;
      expect(valueLabels(container)).toMatchObject({ readmission: '3 of 3', control: '2 of 5' });
      expect(hitWidth(container, 'readmission')).toBeCloseTo(width.get('readmission')!, 3);
      expect(outlined(container)).toEqual(['readmission']);

      await rerender(props({ selection: control }));
      expect(frame(container)).toBe(drawn);
      expect(container.querySelector('svg[role="img"] title')).toHaveTextContent(
        'What the statement is about',
      );
      // The same segment element, still faded; the highlighted parts and labels follow.
      expect(container.querySelector('rect[data-theme="control"][data-modality="demand"]')).toBe(
        segment,
      );
      expect(barWidths(container).perTheme).toEqual(width);
      expect(valueLabels(container)).toMatchObject({ readmission: '2 of 3', control: '5 of 5' });
      expect(hitWidth(container, 'control')).toBeCloseTo(width.get('control')!, 3);
      expect(hitWidth(container, 'readmission') / width.get('readmission')!).toBeCloseTo(2 / 3, 2);
      expect(outlined(container)).toEqual(['control']);
      expect(
        screen.getByRole('button', { name: /^Migration control: .*; 5 of them selected$/ }),
      ).toHaveAttribute('aria-pressed', 'true');

      // One pinned sentence after another: still the same chart underneath.
      for (const s of doc.sentences.slice(0, 5)) {
        await rerender(props({ selection: { ...emptySelection, sentence: s.id } }));
        expect(frame(container)).toBe(drawn);
        expect(container.querySelectorAll('rect[data-hit-theme]')).toHaveLength(s.themes.length);
      }
    });

    it('draws the chart again only for what it shows: the measure, the room for the values', async () => {
      const { container, rerender } = render(ThemeOverview, props());
      const plain = frame(container);
      expect(valueLabels(container)).toMatchObject({ readmission: '3', control: '5' });
      expect(
        container.querySelectorAll('rect[data-hit-theme], rect[data-selected-theme]'),
      ).toHaveLength(0);
      // "2 of 5" needs a wider right margin than "5": the x axis is drawn again for it…
      await rerender(props({ selection: readmission }));
      const selected = frame(container);
      expect(selected).not.toBe(plain);
      // …and a preview that ends brings the chart drawn before back.
      await rerender(props());
      expect(frame(container)).toBe(plain);
      await rerender(props({ selection: control }));
      expect(frame(container)).toBe(selected);
      // Both stay in the page, the other one hidden (from assistive technology too).
      const drawn = [...container.querySelectorAll('svg[role="img"]')];
      expect(drawn).toEqual([plain, selected]);
      expect(getComputedStyle(plain).display).toBe('none');
      await fireEvent.click(screen.getByRole('button', { name: 'Share of words' }));
      expect(frame(container)).not.toBe(selected);
      expect(frame(container).textContent).toContain("Share of the statement's words");
      expect(container.querySelectorAll('svg[role="img"]')).toHaveLength(1);
    });

    it.each([640, 300])(
      'draws the marks exactly where Plot draws them in the whole chart (%i px)',
      async (width) => {
        const selections: Selection[] = [
          { ...emptySelection },
          readmission,
          { ...emptySelection, actor: 'western_states' },
        ];
        const { container, rerender } = render(ThemeOverview, { ...props(), width });
        for (const measure of ['sentences', 'words'] as const) {
          if (measure === 'words') {
            await fireEvent.click(screen.getByRole('button', { name: 'Share of words' }));
          }
          for (const selection of selections) {
            await rerender({ ...props({ selection }), width });
            const layout = themeOverviewLayout({
              doc,
              codebook,
              measure,
              width,
              highlightThemes: selection.themes,
              highlight: selectedSentences(doc, selection),
            });
            // jsdom loads Plot as on a 1x screen: its text marks carry the 0.5 px offset.
            const whole = Plot.plot(
              optionsFromLayout(layout, codebook, palettes.light, document),
            ) as SVGSVGElement;
            const rects = (root: Element, group: string) =>
              [...root.querySelectorAll(`g.${group} rect`)].map((r) =>
                ['x', 'y', 'width', 'height', 'fill'].map((a) => r.getAttribute(a)),
              );
            for (const group of ['theme-bar', 'theme-hit', 'theme-selected']) {
              expect(rects(container, group)).toEqual(rects(whole, group));
            }
            // The value labels are Plot's first text mark (the compact theme labels its last).
            const plotted = whole.querySelector('g[aria-label="text"]')!;
            const drawn = container.querySelector('g.theme-value')!;
            for (const attr of ['transform', 'fill', 'font-size', 'font-variant', 'text-anchor']) {
              expect(drawn.getAttribute(attr)).toBe(plotted.getAttribute(attr));
            }
            const texts = (g: Element) =>
              [...g.querySelectorAll('text')].map((t) => [
                t.getAttribute('transform'),
                t.getAttribute('y'),
                t.textContent,
              ]);
            expect(texts(drawn)).toEqual(texts(plotted));
          }
        }
      },
    );
  });
});
