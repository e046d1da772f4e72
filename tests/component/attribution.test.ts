import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import AttributionDiagram from '../../src/lib/charts/attribution/AttributionDiagram.svelte';
import { fade, palettes, relationDash, type Scheme } from '../../src/lib/charts/palette.ts';
import { emptySelection, selectedSentences, type Selection } from '../../src/lib/data/queries.ts';
import { codebook, doc } from '../helpers/dataset.ts';
import { openTable } from '../helpers/table.ts';
import { drawing, stubClientWidth } from '../helpers/dom.ts';
import { mergedCorpus, restingChartProps } from '../helpers/corpus.ts';

function setup(
  options: { selection?: Partial<Selection>; scheme?: Scheme; highlight?: Set<string> | null } = {},
) {
  const selection = { ...emptySelection, ...options.selection };
  const props = {
    doc,
    codebook,
    scheme: options.scheme ?? ('light' as Scheme),
    selection,
    highlight:
      options.highlight === undefined ? selectedSentences(doc, selection) : options.highlight,
    onselect: vi.fn(),
    onhover: vi.fn(),
    ondrawn: vi.fn(),
  };
  const result = render(AttributionDiagram, props);
  const svg = result.container.querySelector<SVGSVGElement>('[data-testid="attribution-svg"]')!;
  const links = () => [...svg.querySelectorAll<SVGGElement>('g[data-link]')];
  const link = (id: string) => svg.querySelector<SVGGElement>(`g[data-link="${id}"]`)!;
  const actor = (id: string) => svg.querySelector<SVGGElement>(`g[data-actor="${id}"]`)!;
  return { ...result, props, svg, links, link, actor };
}

const attribution = (id: string) => doc.attributions.find((a) => a.id === id)!;
const actorsWithAttributions = [...new Set(doc.attributions.map((a) => a.actor))];

describe('AttributionDiagram: marks', () => {
  it('draws one link per attribution, with the attribution ids', () => {
    const { links } = setup();
    expect(doc.attributions.length).toBeGreaterThan(0);
    expect(links()).toHaveLength(doc.attributions.length);
    expect(links().map((l) => l.dataset.link)).toEqual(doc.attributions.map((a) => a.id));
  });

  it('draws every parallel link with its own path, so each stays visible', () => {
    const { link } = setup();
    // a12 and a16: the same actor, relation and target.
    const first = link('a12').querySelector('path.mark')!.getAttribute('d');
    const second = link('a16').querySelector('path.mark')!.getAttribute('d');
    expect(first).toBeTruthy();
    expect(first).not.toEqual(second);
  });

  it.each(['light', 'dark'] as Scheme[])(
    'gives each link its relation colour and dash pattern (%s)',
    (scheme) => {
      const { link } = setup({ scheme });
      for (const a of doc.attributions) {
        const mark = link(a.id).querySelector('path.mark')!;
        expect(link(a.id).dataset.relation).toBe(a.relation);
        expect(mark.getAttribute('stroke')).toBe(palettes[scheme].relation[a.relation]);
        expect(mark.getAttribute('stroke-dasharray') ?? '').toBe(relationDash[a.relation]);
      }
    },
  );

  it('keeps colours explicit inside the SVG so an export carries them', () => {
    const { svg } = setup();
    expect(svg.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(svg.getAttribute('viewBox')).toMatch(/^0 0 640 \d+$/);
    expect(svg.querySelector('title')).toHaveTextContent(
      'Who is blamed, who must bear responsibility, who is exempted',
    );
    expect(svg.querySelector('desc')?.textContent).toContain(
      `${doc.attributions.length} attributions`,
    );
    for (const el of svg.querySelectorAll('[fill], [stroke]')) {
      for (const attr of ['fill', 'stroke']) {
        const value = el.getAttribute(attr);
        if (value !== null) expect(value).toMatch(/^(#[0-9a-f]{6}|none)$/);
      }
    }
  });

  it('has a node for every actor with attributions, with its count', () => {
    const { svg, actor } = setup();
    const drawn = [...svg.querySelectorAll<SVGGElement>('g[data-actor]')].map(
      (g) => g.dataset.actor,
    );
    expect(drawn.sort()).toEqual([...actorsWithAttributions].sort());
    const western = doc.attributions.filter((a) => a.actor === 'western_states').length;
    expect(actor('western_states')).toHaveAttribute(
      'aria-label',
      `Intervening Western states: ${western} attributions`,
    );
    expect(actor('western_states')).toHaveTextContent(String(western));
  });

  it('sets the speaker apart: its label, a double square border, bold text', () => {
    const { actor } = setup();
    const speaker = actor(doc.speaker.actor!);
    const other = actor('western_states');
    expect(speaker.dataset.speaker).toBe('true');
    expect(other.dataset.speaker).toBe('false');
    expect(speaker).toHaveTextContent('(speaker)');
    expect(other).not.toHaveTextContent('(speaker)');
    expect(speaker.querySelectorAll('rect')).toHaveLength(2);
    expect(other.querySelectorAll('rect')).toHaveLength(1);
    expect(speaker.querySelector('rect.box')!.getAttribute('rx')).toBe('0');
    expect(Number(other.querySelector('rect.box')!.getAttribute('rx'))).toBeGreaterThan(0);
  });

  it('lists exactly the relations present in the legend, with their dash patterns', () => {
    const { container } = setup();
    const legend = container.querySelector<HTMLElement>('.legend ul')!;
    const items = [...legend.querySelectorAll<HTMLElement>('li[data-relation]')];
    const present = codebook.relations
      .filter((r) => doc.attributions.some((a) => a.relation === r.id))
      .map((r) => r.id);
    expect(items.map((li) => li.dataset.relation)).toEqual(present);
    for (const li of items) {
      const id = li.dataset.relation as keyof typeof relationDash;
      expect(li).toHaveTextContent(codebook.relations.find((r) => r.id === id)!.label);
      expect(li.querySelector('line')!.getAttribute('stroke-dasharray') ?? '').toBe(
        relationDash[id],
      );
    }
    expect(within(legend).getByText(/the speaker/)).toBeInTheDocument();
  });

  it('lists every attribution in the "Show as table" details', async () => {
    const { container } = setup();
    const details = container.querySelector('details')!;
    expect(within(details).getByText('Show as table')).toBeInTheDocument();
    expect(details.querySelector('table')).toBeNull();
    const { table } = await openTable(container);
    expect(table.caption).toHaveTextContent('Every attribution in the statement');
    const rows = [...table.querySelectorAll<HTMLTableRowElement>('tbody tr')];
    expect(rows.map((r) => r.dataset.row)).toEqual(doc.attributions.map((a) => a.id));
    const a12 = attribution('a12');
    const order = doc.sentences.find((s) => s.id === a12.sentence)!.order;
    const cells = [...rows[doc.attributions.indexOf(a12)].cells].map((c) => c.textContent);
    expect(cells).toEqual([
      'Intervening Western states',
      'caused',
      a12.target,
      `“${a12.quote}”`,
      String(order),
    ]);
  });

  it('calls ondrawn once', () => {
    const { props } = setup();
    expect(props.ondrawn).toHaveBeenCalledTimes(1);
  });
});

describe('AttributionDiagram: quotes and selection', () => {
  it('shows the exact quote, the rationale and the sentence when a link is hovered', async () => {
    const { link, props } = setup();
    const a = attribution('a12');
    expect(screen.queryByTestId('attribution-tooltip')).toBeNull();
    await fireEvent.mouseEnter(link('a12'));
    const tip = screen.getByTestId('attribution-tooltip');
    expect(screen.getByTestId('attribution-quote').textContent).toBe(a.quote);
    expect(tip).toHaveTextContent(a.rationale);
    expect(tip).toHaveTextContent('Intervening Western states caused the current migration');
    expect(tip).toHaveTextContent(
      `Sentence ${doc.sentences.find((s) => s.id === a.sentence)!.order}`,
    );
    expect(props.onhover).toHaveBeenLastCalledWith({ actor: a.actor, relation: a.relation });
    await fireEvent.mouseLeave(link('a12'));
    expect(screen.queryByTestId('attribution-tooltip')).toBeNull();
    expect(props.onhover).toHaveBeenLastCalledWith(null);
  });

  it('shows the quote when a link takes keyboard focus, and describes the link by it', async () => {
    const { link, props } = setup();
    const a = attribution('a21');
    link('a21').focus();
    await fireEvent.focus(link('a21'));
    expect(screen.getByTestId('attribution-quote').textContent).toBe(a.quote);
    expect(link('a21')).toHaveAttribute('aria-describedby', screen.getByRole('tooltip').id);
    expect(props.onhover).toHaveBeenLastCalledWith({ actor: 'russia', relation: 'exempt_from' });
    await fireEvent.blur(link('a21'));
    expect(screen.queryByTestId('attribution-quote')).toBeNull();
    expect(props.onhover).toHaveBeenLastCalledWith(null);
  });

  it('renders dataset text as text, never as markup', async () => {
    const tricky = {
      ...doc,
      attributions: doc.attributions.map((a, i) =>
        i === 0 ? { ...a, quote: '<b>bold</b> & <img src=x>', rationale: '<i>x</i>' } : a,
      ),
    };
    const { container } = render(AttributionDiagram, {
      doc: tricky,
      codebook,
      scheme: 'light',
      selection: { ...emptySelection },
      highlight: null,
      onselect: vi.fn(),
      onhover: vi.fn(),
    });
    await fireEvent.mouseEnter(container.querySelector('g[data-link="a01"]')!);
    expect(screen.getByTestId('attribution-quote').textContent).toBe('<b>bold</b> & <img src=x>');
    expect(container.querySelector('b, img, i')).toBeNull();
  });

  it('gives links accessible names with the actor, relation, target and the quote', () => {
    const { link } = setup();
    expect(link('a12').getAttribute('aria-label')).toMatch(
      /^Intervening Western states caused the current migration situation: “the current complex migration situation in Europe is,.* …”$/,
    );
    expect(link('a17')).toHaveAttribute(
      'aria-label',
      `Intervening Western states caused the emergence of crises: “${attribution('a17').quote}”`,
    );
    expect(link('a14').getAttribute('aria-label')).toMatch(
      /^Intervening Western states must bear responsibility for assisting refugees/,
    );
  });

  it('selects an actor on click', async () => {
    const { actor, props } = setup();
    await fireEvent.click(actor('western_states'));
    expect(props.onselect).toHaveBeenCalledExactlyOnceWith({ actor: 'western_states' });
  });

  it('selects the actor and relation of a clicked link', async () => {
    const { link, props } = setup();
    await fireEvent.click(link('a14'));
    expect(props.onselect).toHaveBeenCalledExactlyOnceWith({
      actor: 'western_states',
      relation: 'must_bear_responsibility',
    });
  });
});

/** A link drawn bright (its relation colour) or faded (a lighter colour, a thinner line). */
function linkState(l: SVGGElement): 'bright' | 'faded' {
  const mark = l.querySelector('path.mark')!;
  const colour =
    palettes.light.relation[l.dataset.relation as keyof typeof palettes.light.relation];
  expect(l.hasAttribute('opacity')).toBe(false);
  if (mark.getAttribute('stroke') === colour) return 'bright';
  expect(mark.getAttribute('stroke')).toBe(fade(colour, palettes.light));
  expect(Number(mark.getAttribute('stroke-width'))).toBeLessThan(2.75);
  return 'faded';
}

describe('AttributionDiagram: fading', () => {
  it('keeps every link bright when nothing is selected', () => {
    const { links } = setup();
    for (const l of links()) expect(linkState(l)).toBe('bright');
  });

  it('dims links outside a theme highlight and keeps those in its sentences bright', () => {
    const selection = { themes: ['responsibility' as const] };
    const highlight = selectedSentences(doc, { ...emptySelection, ...selection })!;
    const { links } = setup({ selection, highlight });
    const inside = doc.attributions.filter((a) => highlight.has(a.sentence)).map((a) => a.id);
    expect(inside.length).toBeGreaterThan(0);
    expect(inside.length).toBeLessThan(doc.attributions.length);
    for (const l of links()) {
      const bright = inside.includes(l.dataset.link!);
      expect(linkState(l)).toBe(bright ? 'bright' : 'faded');
    }
  });

  it('with an actor selected, keeps only its links and node bright', () => {
    const { links, actor } = setup({ selection: { actor: 'western_states' } });
    for (const l of links()) {
      const own = attribution(l.dataset.link!).actor === 'western_states';
      expect(linkState(l)).toBe(own ? 'bright' : 'faded');
    }
    // Faded text takes a dimmer colour, never an opacity.
    const textFills = (id: string) =>
      [...actor(id).querySelectorAll('text')].map((t) => t.getAttribute('fill'));
    expect(actor('western_states').hasAttribute('data-dimmed')).toBe(false);
    expect(textFills('western_states')).toEqual([palettes.light.ink, palettes.light.muted]);
    expect(actor('russia')).toHaveAttribute('data-dimmed', 'true');
    expect(actor('russia').hasAttribute('opacity')).toBe(false);
    expect(textFills('russia')).toEqual([palettes.light.dimText, palettes.light.dimText]);
    expect(actor('western_states').querySelector('rect.box')).toHaveAttribute(
      'stroke',
      palettes.light.accent,
    );
  });
  it('keeps every item in place across selections and redraws only the items that change', async () => {
    const pick = (actor: Selection['actor']) => {
      const selection = { ...emptySelection, actor };
      return { selection, highlight: selectedSentences(doc, selection) };
    };
    const { svg, rerender } = setup(pick('western_states'));
    const items = () => [...svg.querySelectorAll('g[data-key], g[data-target]')];
    const before = items();
    const drawnBefore = drawing(svg);

    const changed = new Set<Element>();
    const observer = new MutationObserver((records) => {
      for (const r of records)
        changed.add(
          (r.target as Element).closest('g[data-key], g[data-target]') ?? (r.target as Element),
        );
    });
    observer.observe(svg, { subtree: true, attributes: true, childList: true });
    await rerender(pick('origin_states'));
    observer.disconnect();

    // The same nodes; only the two actors, their links and their links' targets change.
    expect(items()).toEqual(before);
    const involved = doc.attributions.filter((a) =>
      ['western_states', 'origin_states'].includes(a.actor),
    );
    expect(changed.size).toBeGreaterThan(0);
    for (const g of changed as Set<SVGGElement>) {
      const { actor, link, target } = g.dataset;
      if (actor) expect(['western_states', 'origin_states']).toContain(actor);
      else if (link) expect(involved.map((a) => a.id)).toContain(link);
      else expect(involved.map((a) => a.target)).toContain(target);
    }

    // Back to the first selection: the diagram is drawn exactly as it was.
    await rerender(pick('western_states'));
    expect(drawing(svg)).toEqual(drawnBefore);
  });
});

describe('AttributionDiagram: keyboard', () => {
  const tabbable = (svg: SVGSVGElement) => [...svg.querySelectorAll('[tabindex="0"]')];

  it('has one tab stop, moves with the arrow keys and selects with Enter and Space', async () => {
    const { svg, props } = setup();
    expect(tabbable(svg)).toHaveLength(1);
    const first = tabbable(svg)[0] as SVGGElement;
    expect(first.dataset.actor).toBeDefined();
    first.focus();
    expect(document.activeElement).toBe(first);

    await fireEvent.keyDown(first, { key: 'ArrowDown' });
    const second = document.activeElement as SVGGElement;
    expect(second).not.toBe(first);
    expect(second.dataset.actor).toBeDefined();
    expect(tabbable(svg)).toEqual([second]);

    await fireEvent.keyDown(second, { key: 'Enter' });
    expect(props.onselect).toHaveBeenLastCalledWith({ actor: second.dataset.actor });

    await fireEvent.keyDown(second, { key: 'ArrowRight' });
    const link = document.activeElement as SVGGElement;
    expect(link.dataset.link).toBeDefined();
    const a = attribution(link.dataset.link!);
    expect(a.actor).toBe(second.dataset.actor);
    expect(screen.getByTestId('attribution-quote').textContent).toBe(a.quote);

    await fireEvent.keyDown(link, { key: ' ' });
    expect(props.onselect).toHaveBeenLastCalledWith({ actor: a.actor, relation: a.relation });

    await fireEvent.keyDown(link, { key: 'ArrowDown' });
    const next = document.activeElement as SVGGElement;
    expect(next.dataset.link).toBeDefined();
    expect(next).not.toBe(link);

    await fireEvent.keyDown(next, { key: 'ArrowLeft' });
    expect((document.activeElement as SVGGElement).dataset.actor).toBe(
      attribution(next.dataset.link!).actor,
    );
    expect(tabbable(svg)).toHaveLength(1);
  });

  it('walks every link with ArrowDown, actor by actor', async () => {
    const { svg } = setup();
    const actors = [...svg.querySelectorAll<SVGGElement>('g[data-actor]')];
    actors[0].focus();
    await fireEvent.keyDown(actors[0], { key: 'ArrowRight' });
    const seen: string[] = [];
    for (let i = 0; i < doc.attributions.length + 2; i++) {
      const el = document.activeElement as SVGGElement;
      seen.push(el.dataset.link!);
      await fireEvent.keyDown(el, { key: 'ArrowDown' });
    }
    const order = [...new Set(seen)];
    expect(order.sort()).toEqual(doc.attributions.map((a) => a.id).sort());
    // Actor by actor: once the walk leaves an actor it never comes back to it.
    const actorRuns = [...new Set(seen)].map((id) => attribution(id).actor);
    expect(new Set(actorRuns).size).toBe(
      actorRuns.filter((x, i) => i === 0 || actorRuns[i - 1] !== x).length,
    );
  });

  it('draws a focus ring on the item focused from the keyboard, not on a clicked one', async () => {
    const { actor, link } = setup();
    const node = actor('russia');
    expect(node.querySelector('.focus-ring')).toBeNull();
    node.focus();
    await fireEvent.focus(node);
    expect(node.querySelector('.focus-ring')).toHaveAttribute('stroke', palettes.light.focus);
    await fireEvent.keyDown(node, { key: 'ArrowRight' });
    expect(node.querySelector('.focus-ring')).toBeNull();
    const focusedLink = document.activeElement as SVGGElement;
    expect(focusedLink.querySelector('.focus-ring')).toHaveAttribute(
      'stroke',
      palettes.light.focus,
    );

    await fireEvent.mouseDown(link('a01'));
    link('a01').focus();
    await fireEvent.click(link('a01'));
    expect(document.activeElement).toBe(link('a01'));
    expect(link('a01').querySelector('.focus-ring')).toBeNull();
  });

  it('keeps focus on the same item when the chart is redrawn', async () => {
    const { link, rerender } = setup();
    link('a18').focus();
    await fireEvent.focus(link('a18'));
    await rerender({ scheme: 'dark', selection: { ...emptySelection, actor: 'russia' } });
    expect(document.activeElement).toBe(link('a18'));
    expect((document.activeElement as SVGGElement).getAttribute('tabindex')).toBe('0');
  });
});

describe('AttributionDiagram: narrow screens', () => {
  // jsdom lays nothing out: every element is 320 px wide.
  // The stacked layout's code has loaded, as it has once the app drew a narrow chart
  // (attribution-narrow.test.ts loads it from the chart).
  beforeAll(() => import('../../src/lib/charts/attribution/stacked.ts'));
  let restore = () => {};
  beforeEach(() => {
    restore = stubClientWidth(320);
  });
  afterEach(() => restore());

  it('stacks actors above their rows at 320 px, one link per attribution', () => {
    const { container, svg, links } = setup();
    expect(container.querySelector('[data-mode]')).toHaveAttribute('data-mode', 'stacked');
    expect(svg.getAttribute('viewBox')).toMatch(/^0 0 320 \d+$/);
    expect(links().map((l) => l.dataset.link)).toEqual(doc.attributions.map((a) => a.id));
    // Each row names its relation in words, not only by colour and dash.
    const row = svg.querySelector('[data-target="western_states|caused|the emergence of crises"]');
    expect(row).toHaveTextContent('caused');
    expect(row).toHaveTextContent('the emergence of crises');
  });

  it('lets a tap on the row text select the link', async () => {
    const { link, props } = setup();
    const area = link('a21').querySelector('rect.hit')!;
    await fireEvent.mouseEnter(link('a21'));
    expect(screen.getByTestId('attribution-quote').textContent).toBe(attribution('a21').quote);
    await fireEvent.click(area);
    expect(props.onselect).toHaveBeenCalledExactlyOnceWith({
      actor: 'russia',
      relation: 'exempt_from',
    });
  });
});

describe('AttributionDiagram: a corpus', () => {
  it('says that a line stands for several attributions when it bundles them', () => {
    const { codebook, merged } = mergedCorpus();
    const { container } = render(AttributionDiagram, restingChartProps(merged, codebook));
    expect(merged.bundles.some((b) => b.length > 1)).toBe(true);
    const description = container.querySelector('#attribution-description')!;
    expect(description).toHaveTextContent(
      'Each line stands for the attributions of one actor, relation and target across the documents, and is numbered with how many it holds',
    );
    expect(description).not.toHaveTextContent('Each line is one attribution');
  });

  it('says that a line is one attribution for one statement', () => {
    const { container } = setup();
    expect(container.querySelector('#attribution-description')).toHaveTextContent(
      'Each line is one attribution',
    );
  });
});
