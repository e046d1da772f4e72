import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import OutcomeMap from '../../src/lib/charts/outcomes/OutcomeMap.svelte';
import {
  MARK_CONTRAST,
  TEXT_CONTRAST,
  contrastRatio,
  palettes,
} from '../../src/lib/charts/palette.ts';
import { emptySelection } from '../../src/lib/data/queries.ts';
import type { ContextLoad } from '../../src/lib/context/types.ts';
import { doc } from '../helpers/dataset.ts';
import {
  contextData,
  outcomeMap as map,
  openContextTables,
  useContextView,
} from '../helpers/context.ts';

const view = useContextView();
const { props } = view;

const rows = (container: HTMLElement) => [
  ...container.querySelectorAll<SVGGElement>('g.mark[data-key^="row:"]'),
];
const cells = (container: HTMLElement) => [
  ...container.querySelectorAll<SVGGElement>('g.mark[data-key^="cell:"]'),
];
const column = (container: HTMLElement, key: string) =>
  container.querySelector<SVGGElement>(`g.mark[data-column="${key}"]`)!;
const order = (id: string) => doc.sentences.find((s) => s.id === id)!.order;
const withTheme = (theme: string) =>
  doc.sentences.filter((s) => s.themes.some((t) => t.theme === theme)).map((s) => s.id);

describe('OutcomeMap', () => {
  it('draws one row per demand or rejection in reading order, and a cell per answer', () => {
    const { container } = render(OutcomeMap, { props: props() });
    const sentences = rows(container).map((r) => r.dataset.sentence!);
    expect(sentences).toHaveLength(map.entries.length);
    expect(sentences.map(order)).toEqual([...sentences.map(order)].sort((a, b) => a - b));
    for (const e of map.entries) {
      const own = cells(container).filter((c) => c.dataset.sentence === e.sentence);
      const targets = [...e.objectives.map(String), ...e.provisions];
      expect(own.map((c) => c.dataset.cell)).toEqual(targets.length ? targets : ['none']);
      for (const c of own) expect(c.dataset.verdict).toBe(e.verdict);
    }
    expect(screen.getByTestId('outcome-summary')).toHaveTextContent(
      '21 demands and rejections (14 demands, 7 rejections): 7 taken up, 9 partly, 4 not taken up, 1 contradicted.',
    );
    expect(view.ondrawn).toHaveBeenCalledTimes(1);
  });

  it('labels every mark for screen readers', () => {
    render(OutcomeMap, { props: props() });
    expect(
      screen.getByRole('button', {
        name: 'Objective 21 (Cooperate in facilitating safe and dignified return and readmission, as well as sustainable reintegration): 4 demands and rejections, 1 taken up, 3 partly',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', {
        name: /^para 11 \(States acknowledge shared responsibilities .*\): 3 demands and rejections, 1 taken up, 1 partly, 1 contradicted$/,
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', {
        name: /^Sentence 21, demand: “unified approaches to readmission of foreign citizens”\. Taken up: Objective 21\. Objective 21 commits States/,
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', {
        name: 'Sentence 5 and para 15(b) (The compact is a non-legally binding cooperative framework.): taken up',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', {
        name: /^No counterpart in the compact: 4 demands and rejections, 4 not taken up$/,
      }),
    ).toBeInTheDocument();
  });

  it('pins a sentence from a row or a cell, and the sentences an objective answers from its column', async () => {
    const { container } = render(OutcomeMap, { props: props() });
    await fireEvent.click(container.querySelector('g.mark[data-key="row:s28"]')!);
    expect(view.onselect).toHaveBeenLastCalledWith({ sentence: 's28' });
    await fireEvent.click(container.querySelector('g.mark[data-key="cell:s11:21"]')!);
    expect(view.onselect).toHaveBeenLastCalledWith({ sentence: 's11' });
    await fireEvent.click(column(container, '21'));
    expect(view.onselect).toHaveBeenLastCalledWith({
      objective: '21',
      sentences: ['s11', 's12', 's16', 's21'],
    });
    await fireEvent.click(column(container, 'non_binding'));
    expect(view.onselect).toHaveBeenLastCalledWith({
      objective: 'non_binding',
      sentences: ['s5', 's29', 's34'],
    });
    await fireEvent.click(column(container, 'none'));
    expect(view.onselect).toHaveBeenLastCalledWith({ sentences: ['s8', 's9', 's10', 's23'] });
    await fireEvent.mouseEnter(column(container, '5'));
    expect(view.onhover).toHaveBeenLastCalledWith({ objective: '5', sentences: ['s11', 's20'] });
    expect(screen.getByTestId('outcome-detail')).toHaveTextContent(
      'Objective 5 (Enhance availability and flexibility of pathways for regular migration): 2 demands and rejections, 2 partly. Source: A/RES/73/195, annex, para 16',
    );
    await fireEvent.mouseLeave(column(container, '5'));
    expect(view.onhover).toHaveBeenLastCalledWith(null);
  });

  it('lights the demands of a selected theme and the objectives that answer them', () => {
    const { container } = render(OutcomeMap, {
      props: props({ ...emptySelection, themes: ['readmission'] }),
    });
    const readmission = new Set(withTheme('readmission'));
    for (const r of rows(container)) {
      expect(r.dataset.dimmed === 'true', r.dataset.sentence).toBe(
        !readmission.has(r.dataset.sentence!),
      );
    }
    const litColumns = [...container.querySelectorAll<SVGGElement>('g.mark[data-column]')]
      .filter((c) => c.dataset.dimmed !== 'true')
      .map((c) => c.dataset.column);
    const expected = new Set(
      map.entries
        .filter((e) => readmission.has(e.sentence))
        .flatMap((e) => [...e.objectives.map(String), ...e.provisions]),
    );
    expect(litColumns.sort()).toEqual([...expected].sort());
    expect(expected.has('21')).toBe(true);
  });

  it('presses the column of a selected objective and the row of a pinned sentence', () => {
    const selected = render(OutcomeMap, {
      props: props({ ...emptySelection, objective: '21', sentences: ['s11', 's12', 's16', 's21'] }),
    });
    expect(column(selected.container, '21')).toHaveAttribute('aria-pressed', 'true');
    expect(column(selected.container, '23')).toHaveAttribute('aria-pressed', 'false');
    // The tab stop starts on the pressed column.
    expect(column(selected.container, '21')).toHaveAttribute('tabindex', '0');
    selected.unmount();
    const pinned = render(OutcomeMap, { props: props({ ...emptySelection, sentence: 's7' }) });
    expect(pinned.container.querySelector('g.mark[data-key="row:s7"]')).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(pinned.container.querySelector('g.mark[data-key="row:s7"]')).toHaveAttribute(
      'tabindex',
      '0',
    );
  });

  it('is one tab stop; arrows move between columns, rows and cells, Enter selects', async () => {
    const { container } = render(OutcomeMap, { props: props() });
    const marks = [...container.querySelectorAll<SVGGElement>('g.mark')];
    const tabbable = marks.filter((g) => g.getAttribute('tabindex') === '0');
    expect(tabbable).toHaveLength(1);
    expect(tabbable[0].dataset.column).toBe('1');
    tabbable[0].focus();
    await fireEvent.keyDown(tabbable[0], { key: 'End' });
    expect(document.activeElement).toHaveAttribute('data-column', 'none');
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    // The first row (s5) has no cell there: the nearest of its marks.
    expect(document.activeElement).toHaveAttribute('data-key', 'cell:s5:non_binding');
    await fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(document.activeElement).toHaveAttribute('data-key', 'row:s5');
    await fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    expect(view.onselect).toHaveBeenLastCalledWith({ sentence: 's5' });
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement).toHaveAttribute('data-key', 'row:s7');
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(document.activeElement).toHaveAttribute('data-key', 'cell:s7:review_forum');
    await fireEvent.keyDown(document.activeElement!, { key: ' ' });
    expect(view.onselect).toHaveBeenLastCalledWith({ sentence: 's7' });
    expect(document.activeElement).toHaveAttribute('tabindex', '0');
  });

  it.each(['light', 'dark'] as const)(
    'draws cells at 3:1 and text at 4.5:1 or more (%s)',
    (scheme) => {
      const { container } = render(OutcomeMap, {
        props: props({ ...emptySelection, themes: ['readmission'] }, scheme),
      });
      const p = palettes[scheme];
      for (const c of cells(container)) {
        const rect = c.querySelector('rect')!;
        const paint =
          rect.getAttribute('fill') === p.background
            ? rect.getAttribute('stroke')!
            : rect.getAttribute('fill')!;
        expect(contrastRatio(paint, p.background)).toBeGreaterThanOrEqual(MARK_CONTRAST);
      }
      for (const text of container.querySelectorAll('svg[data-chart-svg] text')) {
        const fill = text.getAttribute('fill')!;
        expect(contrastRatio(fill, p.background), text.textContent!).toBeGreaterThanOrEqual(
          TEXT_CONTRAST,
        );
      }
    },
  );

  it('offers the map as a table, with every rationale and source', async () => {
    const { container } = render(OutcomeMap, { props: props() });
    const [entries, columns] = (await openContextTables(container)).tables;
    expect(entries).toHaveAccessibleName(
      'Each demand and rejection, what answers it in the compact, and the verdict',
    );
    expect(columns).toHaveAccessibleName('Objectives and provisions that answer them');
    const body = within(entries).getAllByRole('row').slice(1);
    expect(body).toHaveLength(map.entries.length);
    const s7 = body.find((r) => r.dataset.row === 's7')!;
    expect(s7).toHaveTextContent('7 (rejection)');
    expect(s7).toHaveTextContent('para 49');
    expect(s7).toHaveTextContent('partly');
    expect(within(s7).getByRole('link', { name: 'un.org' })).toHaveAttribute(
      'href',
      'https://www.un.org/en/migration2022/about-the-forum',
    );
    // A source that is not a web address is written out, not linked.
    const named = map.entries.find((e) => e.sources.some((s) => !/^https?:/.test(s)))!;
    const row = body.find((r) => r.dataset.row === named.sentence)!;
    expect(row).toHaveTextContent(named.sources.find((s) => !/^https?:/.test(s))!);
    expect(within(row).queryAllByRole('link')).toHaveLength(
      named.sources.filter((s) => /^https?:/.test(s)).length,
    );
    expect(within(columns).getAllByRole('row').length).toBeGreaterThan(10);
  });

  it('refuses a map that does not fit the statement, and waits while it loads', () => {
    const loading = render(OutcomeMap, { props: props(undefined, 'light', null) });
    expect(loading.container).toHaveTextContent('Loading the outcome map…');
    expect(view.ondrawn).not.toHaveBeenCalled();
    loading.unmount();
    const broken: ContextLoad = {
      ok: true,
      ...contextData,
      outcomes: {
        ...map,
        entries: map.entries.map((e) =>
          e.sentence === 's21' ? { ...e, quote: 'readmission of all' } : e,
        ),
      },
    };
    render(OutcomeMap, { props: props(undefined, 'light', broken) });
    expect(screen.getByRole('alert')).toHaveTextContent(
      'the outcome map does not fit the dataset: entry 15 (s21): the quote "readmission of all" is not in sentence s21',
    );
    expect(view.ondrawn).toHaveBeenCalledTimes(1);
  });
});
