import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import ProcessTimeline from '../../src/lib/charts/process/ProcessTimeline.svelte';
import {
  MARK_CONTRAST,
  TEXT_CONTRAST,
  contrastRatio,
  palettes,
} from '../../src/lib/charts/palette.ts';
import { emptySelection } from '../../src/lib/data/queries.ts';
import { mergedCorpus } from '../helpers/corpus.ts';
import { gcmContext as context, openContextTables, useContextView } from '../helpers/context.ts';

const view = useContextView();
const { props } = view;

const marks = (container: HTMLElement, selector = '') => [
  ...container.querySelectorAll<SVGGElement>(`g.mark${selector}`),
];
const byKey = (container: HTMLElement, key: string) =>
  container.querySelector<SVGGElement>(`[data-key="${key}"]`)!;
const newYorkDeclaration = context.events.findIndex((e) => e.document === 'A/RES/71/1');
const usWithdrawal = context.events.findIndex((e) => e.kind === 'withdrawal');

describe('ProcessTimeline', () => {
  it('draws every event of the context as a mark of its kind, each naming its source', () => {
    const { container } = render(ProcessTimeline, { props: props() });
    const events = marks(container, '[data-kind]');
    expect(events).toHaveLength(context.events.length);
    context.events.forEach((e, i) => {
      const mark = byKey(container, `event:${i}`);
      expect(mark.dataset.kind).toBe(e.kind);
      expect(mark.dataset.start).toBe(e.start);
      const label = mark.getAttribute('aria-label')!;
      expect(label).toContain(e.label);
      for (const source of e.sources) expect(label).toContain(source);
    });
    // Adoption in Marrakech and the General Assembly's vote, and the review forum.
    expect(
      screen.getByRole('button', { name: /^10–11 Dec 2018, milestone: .*Marrakech/ }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', {
        name: /^19 Dec 2018, milestone, A\/RES\/73\/195: .*152 in favour/,
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: /^17–20 May 2022, review: .*Review Forum/ }),
    ).toBeInTheDocument();
    expect(view.ondrawn).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('process-summary')).toHaveTextContent(
      '24 events from 19 Sep 2016 to 20 May 2022, each with its source. The statement cites 19 Sep 2016 (sentences 1 and 9), linked to the event of that date. When it was submitted is not verified.',
    );
  });

  it('draws the phases as bands, read from the modalities resolution with its source', () => {
    const { container } = render(ProcessTimeline, { props: props() });
    const phases = marks(container, '[data-phase]');
    expect(phases.map((p) => p.dataset.phase)).toEqual([
      'consultations',
      'stocktaking',
      'intergovernmental-negotiations',
    ]);
    expect(phases[0].getAttribute('aria-label')).toBe(
      'Phase: Consultations, Apr–Nov 2017, as set by A/RES/71/280 of 6 Apr 2017. Source: https://press.un.org/en/2017/ga11902.doc.htm',
    );
  });

  it("links the statement's dated references to the event of the same date", () => {
    const { container } = render(ProcessTimeline, { props: props() });
    const refs = marks(container, '[data-reference]');
    expect(refs.map((r) => r.dataset.reference)).toEqual(['s1', 's9']);
    for (const ref of refs) {
      expect(ref.getAttribute('aria-label')).toMatch(
        /cites “19 September 2016” \(19 Sep 2016\), linked to the event of that date: UN General Assembly high-level plenary meeting/,
      );
    }
    const event = byKey(container, `event:${newYorkDeclaration}`);
    expect(event.dataset.cited).toBe('s1 s9');
    expect(event.getAttribute('aria-label')).toContain(
      'Cited by the statement in sentences 1 and 9.',
    );
    expect(container.querySelectorAll('[data-connector]')).toHaveLength(2);
  });

  it('names the statements as citing an event when several are merged', () => {
    const { merged, codebook } = mergedCorpus();
    const { container } = render(ProcessTimeline, {
      props: { ...props(), doc: merged, codebook, highlight: new Set<string>() },
    });
    const cited = marks(container, '[data-cited]').filter((m) => m.dataset.cited);
    expect(cited.length).toBeGreaterThan(0);
    for (const mark of cited) {
      expect(mark.getAttribute('aria-label')).toMatch(/ Cited by the statements in sentences? \d/);
    }
  });

  it('shows when the statement was submitted as a band marked not verified, never as a date', async () => {
    const { container } = render(ProcessTimeline, { props: props() });
    const band = container.querySelector<SVGGElement>('[data-window="unverified"]')!;
    expect(band.getAttribute('aria-label')).toMatch(/^Submitted: date not verified\./);
    expect(band.querySelector('rect')).toHaveAttribute('stroke-dasharray', '4 3');
    expect(container.querySelector('[data-window-label]')?.textContent).toMatch(
      /date not verified/i,
    );
    // Months of the phases, no day: nothing claims a submission date.
    const days = /\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}\b/;
    expect(band.getAttribute('aria-label')).toContain('(Apr 2017 – Jan 2018)');
    expect(band.getAttribute('aria-label')).not.toMatch(days);
    const { details } = await openContextTables(container);
    expect(details.querySelector('p.note')).toHaveTextContent(
      /Submitted: date not verified\..*Not verified \(do not present as fact\): the date and venue at which the Russian position statement was submitted/,
    );
  });

  it('gives the source of the mark under the pointer or focus, as a link', async () => {
    const { container } = render(ProcessTimeline, { props: props() });
    const detail = screen.getByTestId('process-detail');
    const withdrawal = byKey(container, `event:${usWithdrawal}`);
    await fireEvent.mouseEnter(withdrawal);
    expect(detail).toHaveTextContent(
      '2 Dec 2017, withdrawal: The United States announces the end of its participation',
    );
    const link = within(detail).getByRole('link');
    expect(link).toHaveAttribute('href', context.events[usWithdrawal].sources[0]);
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    // An event the statement does not cite previews no sentence.
    expect(view.onhover).toHaveBeenLastCalledWith(null);
    await fireEvent.mouseLeave(withdrawal);
    await fireEvent.focus(byKey(container, `event:${newYorkDeclaration}`));
    expect(detail).toHaveTextContent('19 Sep 2016, milestone, A/RES/71/1');
    expect(within(detail).getByRole('link')).toHaveAttribute(
      'href',
      'https://press.un.org/en/2016/ga11820.doc.htm',
    );
    expect(view.onhover).toHaveBeenLastCalledWith({ sentence: 's1' });
  });

  it('is one tab stop; arrows move between marks and rows, Enter selects, Escape clears', async () => {
    const { container } = render(ProcessTimeline, { props: props() });
    const tabbable = marks(container).filter((g) => g.getAttribute('tabindex') === '0');
    expect(tabbable).toHaveLength(1);
    expect(tabbable[0].dataset.key).toBe('phase:0');
    tabbable[0].focus();
    await fireEvent.keyDown(tabbable[0], { key: 'ArrowRight' });
    expect(document.activeElement).toHaveAttribute('data-key', 'phase:1');
    await fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement).toHaveAttribute('data-kind', 'milestone');
    await fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(document.activeElement).toHaveAttribute('data-key', `event:${newYorkDeclaration}`);
    // An event the statement cites pins the first sentence that cites it.
    await fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    expect(view.onselect).toHaveBeenLastCalledWith({ sentence: 's1' });
    // Down to the statement's row: its dated references.
    for (let i = 0; i < 6; i++)
      await fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement?.getAttribute('data-key')).toMatch(/^(ref:|window)/);
    await fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(document.activeElement).toHaveAttribute('data-reference', 's1');
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(document.activeElement).toHaveAttribute('data-reference', 's9');
    await fireEvent.keyDown(document.activeElement!, { key: ' ' });
    expect(view.onselect).toHaveBeenLastCalledWith({ sentence: 's9' });
    // A mark that pins no sentence is picked here: pressed, its detail kept, Escape clears it.
    await fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(document.activeElement).toHaveAttribute('data-window', 'unverified');
    await fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    expect(view.onselect).toHaveBeenCalledTimes(2);
    expect(document.activeElement).toHaveAttribute('aria-pressed', 'true');
    await fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(document.activeElement).toHaveAttribute('aria-pressed', 'false');
  });

  it('follows the selection: a pinned sentence presses its reference, other dates fade', () => {
    const { container } = render(ProcessTimeline, {
      props: props({ ...emptySelection, sentence: 's9' }),
    });
    expect(container.querySelector('[data-reference="s9"]')).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(container.querySelector('[data-reference="s1"]')).toHaveAttribute('data-dimmed', 'true');
    expect(byKey(container, `event:${newYorkDeclaration}`)).toHaveAttribute('aria-pressed', 'true');
    // A theme none of whose sentences is dated fades the references and the events they cite.
    const themed = render(ProcessTimeline, {
      props: props({ ...emptySelection, themes: ['readmission'] }),
    });
    expect(marks(themed.container, '[data-dimmed="true"]').map((g) => g.dataset.key)).toEqual([
      `event:${newYorkDeclaration}`,
      'ref:s1:236',
      'ref:s9:1954',
    ]);
  });

  it.each(['light', 'dark'] as const)(
    'draws marks at 3:1 and text at 4.5:1 or more (%s)',
    (scheme) => {
      const { container } = render(ProcessTimeline, {
        props: props({ ...emptySelection }, scheme),
      });
      const background = palettes[scheme].background;
      for (const shape of container.querySelectorAll('g.mark path, g.mark circle')) {
        expect(contrastRatio(shape.getAttribute('fill')!, background)).toBeGreaterThanOrEqual(
          MARK_CONTRAST,
        );
      }
      for (const text of container.querySelectorAll('svg[data-chart-svg] text')) {
        const fill = text.getAttribute('fill')!;
        // Text on a phase band stands on the band's fill.
        const ground = text.closest('[data-phase]') ? palettes[scheme].grid : background;
        expect(contrastRatio(fill, ground), text.textContent!).toBeGreaterThanOrEqual(
          TEXT_CONTRAST,
        );
      }
    },
  );

  it('is a standalone SVG with a title and a description, and offers a table with every source', async () => {
    const { container } = render(ProcessTimeline, { props: props() });
    const svg = container.querySelector('[data-testid="process-timeline"] > svg')!;
    expect(svg).toHaveAttribute('xmlns', 'http://www.w3.org/2000/svg');
    expect(svg.querySelector('title')).toHaveTextContent(
      'When the statement came: the GCM process',
    );
    expect(svg.querySelector('desc')?.textContent).toContain(
      'The statement cites “19 September 2016” and “19 September 2016”',
    );
    for (const el of svg.querySelectorAll('[fill], [stroke]')) {
      expect(`${el.getAttribute('fill')} ${el.getAttribute('stroke')}`).not.toMatch(
        /currentColor|var\(/,
      );
    }
    const [table, phases] = (await openContextTables(container)).tables;
    expect(table).toHaveAccessibleName('Events of the GCM process, each with its source');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(context.events.length);
    rows.forEach((row, i) => {
      const hrefs = within(row)
        .getAllByRole('link')
        .map((a) => a.getAttribute('href'));
      expect(hrefs).toEqual(context.events[i].sources);
    });
    expect(phases).toHaveAccessibleName('Phases, as the event that set them names them');
    expect(within(phases).getAllByRole('row').slice(1)[0]).toHaveTextContent(
      /^Consultations.*Apr–Nov 2017.*A\/RES\/71\/280, 6 Apr 2017.*press\.un\.org$/,
    );
    expect(within(rows[newYorkDeclaration]).getByText('sentences 1 and 9')).toBeInTheDocument();
  });

  it('waits while the context loads, and says so when it could not be used', () => {
    const loading = render(ProcessTimeline, { props: props(undefined, 'light', null) });
    expect(loading.container).toHaveTextContent('Loading the GCM context…');
    expect(view.ondrawn).not.toHaveBeenCalled();
    loading.unmount();
    render(ProcessTimeline, {
      props: props(undefined, 'light', { ok: false, error: 'The GCM context is missing.' }),
    });
    expect(screen.getByRole('alert')).toHaveTextContent(
      'This chart cannot be drawn: the GCM context could not be used. The GCM context is missing.',
    );
    expect(view.ondrawn).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('button', { name: /Download SVG/ })).toBeNull();
  });
});
