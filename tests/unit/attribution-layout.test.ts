import { describe, expect, it } from 'vitest';
import {
  attributionLayout,
  countCrossings,
  STACK_BELOW,
  textWidth,
  wrapText,
  type AttributionLayout,
  type TextLine,
} from '../../src/lib/charts/attribution/layout.ts';
// The stacked layout registers itself as it loads (the app loads it for a narrow chart).
import '../../src/lib/charts/attribution/stacked.ts';
import {
  linkAriaLabel,
  relationPhrase,
  truncateQuote,
} from '../../src/lib/charts/attribution/labels.ts';
import { palettes, relationDash } from '../../src/lib/charts/palette.ts';
import { mergeDocuments } from '../../src/lib/data/corpus.ts';
import { corpusFromSeeds } from '../../src/pipeline/io.ts';
import { projectRoot } from './support.ts';
import type { StatementDocument } from '../../src/lib/data/types.ts';
import { codebook, doc } from '../helpers/dataset.ts';

const WIDTHS = [240, 280, 320, 360, 480, 519, 520, 640, 800, 1000, 1400];

/** Every text the layout places, with the box it covers (anchor start unless `end`). */
function texts(layout: AttributionLayout) {
  const out: { line: TextLine; size: number; bold: boolean; end: boolean }[] = [];
  for (const a of layout.actors) {
    for (const line of a.lines) out.push({ line, size: a.fontSize, bold: a.speaker, end: false });
    out.push({ line: a.countLabel, size: a.fontSize, bold: true, end: true });
  }
  for (const t of layout.targets) {
    for (const line of t.lines) out.push({ line, size: t.fontSize, bold: false, end: false });
    if (t.caption) out.push({ line: t.caption, size: 11, bold: false, end: false });
  }
  return out;
}

describe('attributionLayout', () => {
  it('draws one link per attribution, in the statement order', () => {
    for (const width of [320, 1000]) {
      const layout = attributionLayout(doc, codebook, width);
      expect(layout.links.map((l) => l.id)).toEqual(doc.attributions.map((a) => a.id));
      expect([...layout.linkOrder].sort()).toEqual(doc.attributions.map((a) => a.id).sort());
    }
  });

  it('has one actor node for every actor with attributions and only those', () => {
    const actors = [...new Set(doc.attributions.map((a) => a.actor))].sort();
    for (const width of [320, 1000]) {
      const layout = attributionLayout(doc, codebook, width);
      expect(layout.actors.map((a) => a.id).sort()).toEqual(actors);
      for (const a of layout.actors) {
        expect(a.count).toBe(doc.attributions.filter((x) => x.actor === a.id).length);
        expect([...a.links].sort()).toEqual(
          doc.attributions.filter((x) => x.actor === a.id).map((x) => x.id),
        );
      }
    }
  });

  it('marks the speaker and labels it "(speaker)" once', () => {
    const layout = attributionLayout(doc, codebook, 1000);
    const speakers = layout.actors.filter((a) => a.speaker);
    expect(speakers.map((a) => a.id)).toEqual([doc.speaker.actor]);
    expect(speakers[0].label.match(/\(speaker\)/g)).toHaveLength(1);
    // A codebook label without the mark gets it.
    const plain = {
      ...codebook,
      actors: codebook.actors.map((a) =>
        a.id === 'russia' ? { ...a, label: 'Russian Federation' } : a,
      ),
    };
    const relabelled = attributionLayout(doc, plain, 1000);
    expect(relabelled.actors.find((a) => a.speaker)!.label).toBe('Russian Federation (speaker)');
  });

  it('shows distinct target strings side by side on wide screens', () => {
    const layout = attributionLayout(doc, codebook, 1000);
    expect(layout.mode).toBe('wide');
    expect(layout.targets.map((t) => t.target).sort()).toEqual(
      [...new Set(doc.attributions.map((a) => a.target))].sort(),
    );
    const [actorRight] = [Math.max(...layout.actors.map((a) => a.x + a.width))];
    for (const t of layout.targets) expect(t.x).toBeGreaterThan(actorRight + 40);
  });

  it('stacks actors above their relation → target rows below the breakpoint', () => {
    expect(attributionLayout(doc, codebook, STACK_BELOW - 1).mode).toBe('stacked');
    expect(attributionLayout(doc, codebook, STACK_BELOW).mode).toBe('wide');
    const layout = attributionLayout(doc, codebook, 320);
    // Rows follow their actor: every row sits below its actor's box and above the next actor.
    layout.actors.forEach((actor, i) => {
      const next = layout.actors[i + 1];
      for (const id of actor.links) {
        const row = layout.targets.find((t) => t.links.includes(id))!;
        expect(row.y).toBeGreaterThan(actor.y + actor.height);
        if (next) expect(row.y + row.height).toBeLessThan(next.y);
      }
    });
    // One row per actor, relation and target: the dataset's attribution links.
    expect(layout.targets).toHaveLength(doc.aggregates.attributionLinks.length);
  });

  it.each(WIDTHS)('keeps every label inside the viewBox at %i px', (width) => {
    const layout = attributionLayout(doc, codebook, width);
    expect(layout.width).toBe(Math.max(240, width));
    for (const { line, size, bold, end } of texts(layout)) {
      const w = textWidth(line.text, size, bold);
      const left = end ? line.x - w : line.x;
      expect(left, line.text).toBeGreaterThanOrEqual(0);
      expect(left + w, line.text).toBeLessThanOrEqual(layout.width);
      expect(line.y - size, line.text).toBeGreaterThanOrEqual(0);
      expect(line.y, line.text).toBeLessThanOrEqual(layout.height);
    }
  });

  it.each([320, 1000])('keeps actor labels inside their boxes, clear of the count (%i px)', (w) => {
    const layout = attributionLayout(doc, codebook, w);
    for (const a of layout.actors) {
      const countLeft = a.countLabel.x - textWidth(a.countLabel.text, a.fontSize, true);
      for (const line of a.lines) {
        expect(line.x).toBeGreaterThan(a.x);
        expect(line.x + textWidth(line.text, a.fontSize, a.speaker)).toBeLessThan(countLeft);
        expect(line.y).toBeGreaterThan(a.y);
        expect(line.y).toBeLessThan(a.y + a.height);
      }
    }
  });

  it.each([320, 640, 1000])('keeps nodes from overlapping (%i px)', (width) => {
    const layout = attributionLayout(doc, codebook, width);
    const overlaps = (p: { y: number; height: number }, q: { y: number; height: number }) =>
      p.y < q.y + q.height && q.y < p.y + p.height;
    for (const column of [layout.actors, layout.targets]) {
      for (let i = 0; i < column.length; i++)
        for (let j = i + 1; j < column.length; j++)
          expect(overlaps(column[i], column[j])).toBe(false);
    }
    for (const a of layout.actors) expect(a.y + a.height).toBeLessThanOrEqual(layout.height);
    for (const t of layout.targets) expect(t.y + t.height).toBeLessThanOrEqual(layout.height);
  });

  it('ends every link on its actor and its target', () => {
    for (const width of [320, 1000]) {
      const layout = attributionLayout(doc, codebook, width);
      for (const l of layout.links) {
        const actor = layout.actors.find((a) => a.id === l.actor)!;
        const target = layout.targets.find((t) => t.id === l.targetNode)!;
        expect(target.target).toBe(l.target);
        expect(target.links).toContain(l.id);
        expect(l.d.startsWith(`M${l.source[0]},${l.source[1]}`)).toBe(true);
        expect(l.d.endsWith(`${l.end[0]},${l.end[1]}`)).toBe(true);
        expect(l.end[0]).toBe(target.x);
        expect(l.end[1]).toBeGreaterThanOrEqual(target.y);
        expect(l.end[1]).toBeLessThanOrEqual(target.y + target.height);
        if (layout.mode === 'wide') {
          expect(l.source[0]).toBe(actor.x + actor.width);
          expect(l.source[1]).toBeGreaterThan(actor.y);
          expect(l.source[1]).toBeLessThan(actor.y + actor.height);
        } else {
          expect(l.source[1]).toBeCloseTo(actor.y + actor.height, 0);
        }
      }
    }
  });

  it('keeps parallel links apart at both ends, so each stays visible', () => {
    for (const width of [320, 640, 1000]) {
      const layout = attributionLayout(doc, codebook, width);
      const groups = new Map<string, typeof layout.links>();
      for (const l of layout.links) {
        const key = `${l.actor}|${l.target}`;
        groups.set(key, [...(groups.get(key) ?? []), l]);
      }
      const parallel = [...groups.values()].filter((g) => g.length > 1);
      expect(parallel.length).toBeGreaterThan(0);
      for (const group of parallel) {
        const ends = group.map((l) => l.end[1]).sort((p, q) => p - q);
        const starts = group.map((l) => `${l.source[0]},${l.source[1]}`);
        expect(new Set(starts).size).toBe(group.length);
        for (let i = 1; i < ends.length; i++)
          expect(ends[i] - ends[i - 1]).toBeGreaterThanOrEqual(5);
      }
      expect(new Set(layout.links.map((l) => l.d)).size).toBe(layout.links.length);
    }
  });

  it('colours and dashes links by relation, from the scheme', () => {
    for (const scheme of ['light', 'dark'] as const) {
      const layout = attributionLayout(doc, codebook, 800, scheme);
      for (const l of layout.links) {
        expect(l.color).toBe(palettes[scheme].relation[l.relation]);
        expect(l.dash).toBe(relationDash[l.relation]);
      }
      expect(layout.relations.map((r) => r.id)).toEqual(
        codebook.relations
          .map((r) => r.id)
          .filter((id) => doc.attributions.some((a) => a.relation === id)),
      );
    }
  });

  it('orders actors and targets to cut crossings', () => {
    const layout = attributionLayout(doc, codebook, 1000);
    const inStatementOrder = countCrossings(
      doc.attributions,
      [...new Set(doc.attributions.map((a) => a.actor))],
      [...new Set(doc.attributions.map((a) => a.target))],
    );
    const drawn = countCrossings(
      doc.attributions,
      layout.actors.map((a) => a.id),
      layout.targets.map((t) => t.id),
    );
    expect(inStatementOrder).toBeGreaterThan(0);
    // This statement's links can be drawn without a crossing (a chain and separate pairs).
    expect(drawn).toBe(0);
  });

  it('counts crossings', () => {
    const two = [
      { ...doc.attributions[0], actor: 'russia' as const, target: 'x' },
      { ...doc.attributions[0], actor: 'migrants' as const, target: 'y' },
    ];
    expect(countCrossings(two, ['russia', 'migrants'], ['x', 'y'])).toBe(0);
    expect(countCrossings(two, ['russia', 'migrants'], ['y', 'x'])).toBe(1);
  });

  it('is deterministic', () => {
    expect(attributionLayout(doc, codebook, 777)).toEqual(attributionLayout(doc, codebook, 777));
  });

  it('falls back to the default width for 0 and lays out an empty statement', () => {
    expect(attributionLayout(doc, codebook, 0).width).toBe(640);
    const empty: StatementDocument = { ...doc, attributions: [] };
    const layout = attributionLayout(empty, codebook, 640);
    expect(layout.links).toEqual([]);
    expect(layout.actors).toEqual([]);
    expect(layout.relations).toEqual([]);
  });
});

describe('text helpers', () => {
  it('wraps to the width and never loses a character', () => {
    const text = 'overcoming the migration consequences of crises';
    for (const max of [40, 80, 160, 400]) {
      const lines = wrapText(text, max, 13);
      expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
      for (const line of lines) expect(textWidth(line, 13)).toBeLessThanOrEqual(max);
    }
    // Greedy: no line could have taken the next line's first word.
    const lines = wrapText(text, 160, 13);
    expect(lines.length).toBeGreaterThan(1);
    for (let i = 0; i + 1 < lines.length; i++) {
      const next = `${lines[i]} ${lines[i + 1].split(' ')[0]}`;
      expect(textWidth(next, 13)).toBeGreaterThan(160);
    }
    expect(wrapText(text, 1000, 13)).toEqual([text]);
  });

  it('truncates long quotes at a word with an ellipsis and keeps short ones', () => {
    const long = doc.attributions.find((a) => a.id === 'a12')!.quote;
    const cut = truncateQuote(long);
    expect(cut.length).toBeLessThanOrEqual(92);
    expect(cut.endsWith(' …')).toBe(true);
    expect(long.startsWith(cut.slice(0, -2))).toBe(true);
    expect(truncateQuote('short quote')).toBe('short quote');
  });

  it('reads "actor relation target: quote" in link labels', () => {
    const a17 = doc.attributions.find((a) => a.id === 'a17')!;
    expect(linkAriaLabel(codebook, a17, 'russia')).toBe(
      `Intervening Western states caused the emergence of crises: “${a17.quote}”`,
    );
    expect(relationPhrase(codebook, 'must_bear_responsibility')).toBe(
      'must bear responsibility for',
    );
    expect(relationPhrase(codebook, 'exempt_from')).toBe('exempt from');
  });
});

describe('the attributions of a corpus', () => {
  const corpus = corpusFromSeeds(projectRoot, { statements: 10, seed: 3 });
  const merged = mergeDocuments(corpus.documents);

  it('draws one numbered line per actor, relation and target, each actor counting them all', () => {
    for (const width of [320, 800]) {
      const layout = attributionLayout(merged, corpus.codebook, width);
      expect(layout.links.map((l) => l.bundle)).toEqual(merged.bundles);
      for (const l of layout.links) {
        expect(l.attribution).toBe(l.bundle[0]);
        expect([l.actor, l.relation, l.target]).toEqual([
          l.bundle[0].actor,
          l.bundle[0].relation,
          l.bundle[0].target,
        ]);
      }
      for (const a of layout.actors) {
        expect(a.count).toBe(merged.attributions.filter((x) => x.actor === a.id).length);
        expect(a.countLabel.text).toBe(String(a.count));
      }
    }
  });

  it('stacked, gives each bundled row its number after the relation, not on the line', () => {
    const layout = attributionLayout(merged, corpus.codebook, 320);
    expect(layout.mode).toBe('stacked');
    for (const l of layout.links) {
      const row = layout.targets.find((t) => t.id === l.targetNode)!;
      const relation = corpus.codebook.relations.find((r) => r.id === l.relation)!.label;
      expect(row.caption?.text).toBe(
        l.bundle.length > 1 ? `${relation}, ${l.bundle.length} attributions` : relation,
      );
      // The row's text takes clicks for its line: the component draws no number on it.
      expect(l.hitArea).not.toBeNull();
    }
  });

  it('keeps numbered lines that share an end 14 px apart, so their numbers do not overlap', () => {
    const layout = attributionLayout(merged, corpus.codebook, 800);
    const shared = layout.targets.find((t) => t.links.length > 1)!;
    const ends = shared.links.map((id) => layout.links.find((l) => l.id === id)!.end[1]);
    for (let i = 1; i < ends.length; i++) expect(ends[i] - ends[i - 1]).toBeCloseTo(14, 0);
    // A statement's lines, one per attribution, stay 6 px apart.
    const one = attributionLayout(doc, codebook, 800);
    const target = one.targets.find((t) => t.links.length > 1)!;
    const own = target.links.map((id) => one.links.find((l) => l.id === id)!.end[1]);
    expect(own[1] - own[0]).toBeCloseTo(6, 0);
    expect(one.links.map((l) => l.bundle)).toEqual(doc.attributions.map((a) => [a]));
  });
});
