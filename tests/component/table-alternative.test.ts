import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import DataTable from '../../src/lib/ui/DataTable.svelte';
import TableAlternative from '../../src/lib/ui/TableAlternative.svelte';
import type { TableSpec } from '../../src/lib/ui/table.ts';

const spec: TableSpec = {
  caption: 'Sentences that carry both themes',
  columns: [
    { label: '' },
    { label: 'Control', title: 'Migration control', numeric: true },
    { label: 'Return', title: 'Readmission & return', numeric: true },
  ],
  rowHeader: true,
  rows: [
    { key: 'control', cells: ['Migration control', { value: 4, tone: 'strong' }, 2] },
    { key: 'readmission', cells: ['Readmission & return', 2, { value: 3, tone: 'strong' }] },
  ],
};

const details = (container: HTMLElement) =>
  container.querySelector<HTMLDetailsElement>('details.table-alternative')!;

/** A loader that resolves when the test says so. */
function deferredLoader() {
  let resolve!: () => void;
  const gate = new Promise<void>((r) => (resolve = r));
  const load = vi.fn(async () => {
    await gate;
    return { default: DataTable };
  });
  return { load, resolve };
}

/** Opens the table, which fails to load and says so; closed and opened again, it shows. */
async function failsThenShows(container: HTMLElement) {
  const summary = container.querySelector('summary')!;
  await fireEvent.click(summary);
  expect(await screen.findByRole('alert')).toHaveTextContent('The table could not be loaded');
  expect(container.querySelector('table')).toBeNull();
  await fireEvent.click(summary);
  await fireEvent.click(summary);
  expect(await screen.findByRole('table', { name: spec.caption })).toBeInTheDocument();
  expect(screen.queryByRole('alert')).toBeNull();
}

describe('TableAlternative', () => {
  it('shows only its summary, and computes nothing, until it is opened', async () => {
    const table = vi.fn(() => spec);
    const { load } = deferredLoader();
    const { container } = render(TableAlternative, { table, load });
    expect(details(container).open).toBe(false);
    expect(within(details(container)).getByText('Show as table').tagName).toBe('SUMMARY');
    expect(container.querySelector('table, caption, th, td, [role="status"]')).toBeNull();
    expect(screen.queryByText(/Loading/)).toBeNull();
    expect(load).not.toHaveBeenCalled();
    expect(table).not.toHaveBeenCalled();
  });

  it('loads the table when opened, saying so meanwhile', async () => {
    const table = vi.fn(() => spec);
    const { load, resolve } = deferredLoader();
    const { container } = render(TableAlternative, { table, load });
    await fireEvent.click(container.querySelector('summary')!);
    expect(details(container).open).toBe(true);
    expect(await screen.findByRole('status')).toHaveTextContent('Loading the table…');
    expect(load).toHaveBeenCalledTimes(1);
    resolve();
    const shown = await screen.findByRole('table', { name: spec.caption });
    expect(screen.queryByRole('status')).toBeNull();
    expect(
      within(shown)
        .getAllByRole('rowheader')
        .map((th) => th.textContent),
    ).toEqual(['Migration control', 'Readmission & return']);
    expect(table).toHaveBeenCalled();
    // Closing and opening again loads nothing more.
    await fireEvent.click(container.querySelector('summary')!);
    await fireEvent.click(container.querySelector('summary')!);
    expect(load).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('table')).toBeInTheDocument();
  });

  it('loads the real table component by default', async () => {
    const { container } = render(TableAlternative, { table: spec });
    await fireEvent.click(container.querySelector('summary')!);
    expect(await screen.findByRole('table', { name: spec.caption })).toBeInTheDocument();
  });

  it('follows a spec that changes after it is shown', async () => {
    const { container, rerender } = render(TableAlternative, { table: spec });
    await fireEvent.click(container.querySelector('summary')!);
    await screen.findByRole('table');
    await rerender({ table: { ...spec, caption: 'Another caption' } });
    expect(screen.getByRole('table', { name: 'Another caption' })).toBeInTheDocument();
  });

  it('says so when the table cannot be loaded, and tries again on the next opening', async () => {
    const load = vi
      .fn<() => Promise<{ default: typeof DataTable }>>()
      .mockRejectedValueOnce(new Error('Failed to fetch dynamically imported module'))
      .mockResolvedValueOnce({ default: DataTable });
    const { container } = render(TableAlternative, { table: spec, load });
    await failsThenShows(container);
    expect(load).toHaveBeenCalledTimes(2);
  });
});

describe('TableAlternative with a spec whose code loads on demand', () => {
  it('says so while that code loads, then shows the table', async () => {
    let resolve!: (value: TableSpec) => void;
    const table = vi.fn(() => new Promise<TableSpec>((r) => (resolve = r)));
    const { container } = render(TableAlternative, { table });
    await fireEvent.click(container.querySelector('summary')!);
    // The table component has loaded and the spec is being built.
    await vi.waitFor(() => expect(table).toHaveBeenCalled());
    expect(screen.getByRole('status')).toHaveTextContent('Loading the table…');
    expect(container.querySelector('table')).toBeNull();
    resolve(spec);
    expect(await screen.findByRole('table', { name: spec.caption })).toBeInTheDocument();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('says so when that code cannot be loaded, and asks again on the next opening', async () => {
    const table = vi
      .fn<() => Promise<TableSpec>>()
      .mockRejectedValueOnce(new Error('Failed to fetch dynamically imported module'))
      .mockResolvedValue(spec);
    const { container } = render(TableAlternative, { table });
    await failsThenShows(container);
    expect(table).toHaveBeenCalledTimes(2);
  });
});

describe('DataTable', () => {
  it('draws the spec as an accessible table', () => {
    const { container } = render(DataTable, { table: spec });
    const table = screen.getByRole('table', { name: spec.caption });
    expect(table.parentElement).toHaveClass('table-scroll');
    // An empty corner cell, then abbreviated column headers with their full names.
    const head = container.querySelector('thead tr')!;
    expect(head.firstElementChild!.tagName).toBe('TD');
    expect(head.firstElementChild).toBeEmptyDOMElement();
    const columns = within(table).getAllByRole('columnheader');
    expect(columns.map((th) => th.getAttribute('scope'))).toEqual(['col', 'col']);
    expect(columns.map((th) => th.querySelector('abbr')!.title)).toEqual([
      'Migration control',
      'Readmission & return',
    ]);
    expect(columns.map((th) => th.textContent!.trim())).toEqual(['Control', 'Return']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.dataset.row)).toEqual(['control', 'readmission']);
    expect(rows.map((r) => r.querySelector('th')!.getAttribute('scope'))).toEqual(['row', 'row']);
    const cells = within(rows[0]).getAllByRole('cell');
    expect(cells.map((c) => c.textContent)).toEqual(['4', '2']);
    expect(cells[0]).toHaveClass('numeric', 'strong');
    expect(cells[1]).toHaveClass('numeric');
    expect(cells[1]).not.toHaveClass('strong');
  });

  it('can hide its caption visually, leave out row headers and list items after the table', () => {
    const { container } = render(DataTable, {
      table: {
        caption: 'Every attribution',
        captionHidden: true,
        columns: [{ label: 'Actor' }, { label: 'Sentence', numeric: true }],
        rowHeader: false,
        rows: [{ cells: ['Western states', { value: 0, tone: 'muted' }] }],
        lists: [
          { term: 'Control (2)', items: ['Sentence 1', 'Sentence 4'] },
          { term: 'Process (0)', items: [], empty: 'absent' },
        ],
      },
    });
    const table = screen.getByRole('table', { name: 'Every attribution' });
    expect(table.querySelector('caption')).toHaveClass('visually-hidden');
    expect(within(table).queryByRole('rowheader')).toBeNull();
    const cells = within(table).getAllByRole('cell');
    expect(cells.map((c) => c.textContent)).toEqual(['Western states', '0']);
    expect(cells[1]).toHaveClass('muted');
    const terms = [...container.querySelectorAll('dt')].map((dt) => dt.textContent);
    expect(terms).toEqual(['Control (2)', 'Process (0)']);
    const [first, second] = container.querySelectorAll('dd');
    expect([...first.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Sentence 1',
      'Sentence 4',
    ]);
    expect(second.textContent!.trim()).toBe('absent');
  });

  it('links only to web addresses, and shows any other link as its text', () => {
    const link = (href: string, text = href) => ({ href, text });
    render(DataTable, {
      table: {
        caption: 'Sources',
        columns: [{ label: 'Event' }, { label: 'Source', wide: true }],
        rowHeader: true,
        rows: [
          { key: 'web', cells: ['Adoption', link('https://www.un.org/en/migration', 'un.org')] },
          { key: 'plain', cells: ['Vote', link('http://press.un.org/a', 'press.un.org')] },
          { key: 'script', cells: ['Script', link('javascript:alert(1)', 'un.org')] },
          { key: 'hidden', cells: ['Hidden', link(' JavaScript:alert(2)')] },
          { key: 'data', cells: ['Data', link('data:text/html,<b>x</b>')] },
          { key: 'named', cells: ['Named', link('A/RES/73/195, annex, para 16')] },
          {
            key: 'several',
            cells: [
              'Several',
              [link('https://a.example/x', 'a.example'), link('vbscript:x', 'b'), link('/c', 'c')],
            ],
          },
        ],
      },
    });
    const table = screen.getByRole('table', { name: 'Sources' });
    const cell = (key: string) => table.querySelector<HTMLElement>(`tr[data-row="${key}"] td`)!;
    const web = within(cell('web')).getByRole('link', { name: 'un.org' });
    expect(web).toHaveAttribute('href', 'https://www.un.org/en/migration');
    expect(web).toHaveAttribute('target', '_blank');
    expect(web).toHaveAttribute('rel', 'noopener noreferrer');
    expect(cell('web')).toHaveClass('wide');
    expect(within(cell('plain')).getByRole('link', { name: 'press.un.org' })).toHaveAttribute(
      'href',
      'http://press.un.org/a',
    );
    // Anything else is its text, never a link.
    for (const [key, text] of [
      ['script', 'un.org'],
      ['hidden', ' JavaScript:alert(2)'],
      ['data', 'data:text/html,<b>x</b>'],
      ['named', 'A/RES/73/195, annex, para 16'],
    ]) {
      expect(cell(key).textContent).toBe(text);
      expect(cell(key).children).toHaveLength(0);
    }
    expect(cell('several').textContent).toBe('a.example, b, c');
    expect(
      within(cell('several'))
        .getAllByRole('link')
        .map((a) => a.getAttribute('href')),
    ).toEqual(['https://a.example/x']);
    expect(table.querySelectorAll('a')).toHaveLength(3);
    expect(table.querySelector('a[href^="javascript"], a[href^="data"], b')).toBeNull();
  });

  it('draws further tables and a closing note after the first', () => {
    const { container } = render(DataTable, {
      table: {
        ...spec,
        more: [
          {
            caption: 'Phases',
            columns: [{ label: 'Phase' }, { label: 'Months' }],
            rowHeader: true,
            rows: [{ key: 'consultations', cells: ['Consultations', 'Apr–Nov 2017'] }],
          },
        ],
        note: { lead: 'Submitted: date not verified.', text: 'Not a date.' },
      },
    });
    const tables = screen.getAllByRole('table');
    expect(tables.map((t) => t.querySelector('caption')!.textContent)).toEqual([
      spec.caption,
      'Phases',
    ]);
    expect(screen.getByRole('region', { name: 'Phases' })).toContainElement(tables[1]);
    const note = container.querySelector('p.note')!;
    expect(note.previousElementSibling).toHaveClass('table-scroll');
    expect(note.querySelector('strong')).toHaveTextContent('Submitted: date not verified.');
    expect(note).toHaveTextContent('Submitted: date not verified. Not a date.');
  });
});
