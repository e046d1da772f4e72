import { scaleBand } from 'd3-scale';
import { linkHorizontal } from 'd3-shape';
import { isMerged, label } from '../../data/queries.ts';
import type {
  ActorId,
  Attribution,
  Codebook,
  RelationId,
  StatementDocument,
} from '../../data/types.ts';
import { fade, palettes, relationDash, type Palette, type Scheme } from '../palette.ts';
import type { LegendSpec } from '../types.ts';

/**
 * Geometry of the responsibility-attribution diagram, in SVG user units (= CSS pixels, since
 * the SVG is drawn at the width it is given). Pure: no DOM, so it runs in Node for export and
 * in unit tests. Text is measured with a width table (DejaVu Sans, the widest of the fonts the
 * stack falls back to), so wrapped labels fit whatever font the browser picks.
 *
 * Wide screens: actors in a column on the left, targets on the right, one curve per
 * attribution. Narrow screens (below `STACK_BELOW`): a list, each actor followed by its
 * relation → target rows, so labels get the whole width and never need a horizontal scroll.
 */

export const STACK_BELOW = 520;
/** Width used when the container reports 0 (jsdom, first render). */
export const DEFAULT_WIDTH = 640;
const MIN_WIDTH = 240;

export const PAD = 6;
/** Vertical distance between the ends of links that share a node. */
const PORT_STEP = 6;

export interface TextLine {
  text: string;
  x: number;
  /** Baseline. */
  y: number;
}

export interface ActorNode {
  id: ActorId;
  label: string;
  speaker: boolean;
  count: number;
  x: number;
  y: number;
  width: number;
  height: number;
  fontSize: number;
  lines: TextLine[];
  countLabel: TextLine;
  /** Ids of the actor's links, top to bottom as drawn. */
  links: string[];
}

export interface TargetNode {
  /** The target text (wide) or actor|relation|target (stacked, where a target repeats per actor). */
  id: string;
  target: string;
  /** The relation named above the target in the stacked layout; null side by side. */
  relation: RelationId | null;
  /** The bar the links end on. */
  x: number;
  y: number;
  height: number;
  fontSize: number;
  caption: TextLine | null;
  lines: TextLine[];
  links: string[];
}

export interface LinkGeometry {
  id: string;
  attribution: Attribution;
  /** The attributions the line stands for: itself, or in a corpus every one with its actor,
   * relation and target (`attribution` is the first). */
  bundle: Attribution[];
  actor: ActorId;
  relation: RelationId;
  target: string;
  targetNode: string;
  sentence: string;
  color: string;
  dash: string;
  d: string;
  source: [number, number];
  end: [number, number];
  /** Where a tooltip for the link is anchored. */
  anchor: [number, number];
  /**
   * Stacked layout: the link's share of its row's text, which also takes clicks and hovers,
   * so a finger does not have to find a 3 px line. Null side by side.
   */
  hitArea: { x: number; y: number; width: number; height: number } | null;
}

export interface RelationKey {
  id: RelationId;
  label: string;
  color: string;
  dash: string;
}

export interface AttributionLayout {
  mode: 'wide' | 'stacked';
  width: number;
  height: number;
  actors: ActorNode[];
  targets: TargetNode[];
  links: LinkGeometry[];
  /** Links in keyboard order: actor by actor, each actor's top to bottom. */
  linkOrder: string[];
  /** Relations present, in codebook order. */
  relations: RelationKey[];
}

// Advance widths in em of DejaVu Sans.
const LOWER: Record<string, number> = {
  a: 0.613,
  b: 0.635,
  c: 0.55,
  d: 0.635,
  e: 0.615,
  f: 0.352,
  g: 0.635,
  h: 0.634,
  i: 0.278,
  j: 0.278,
  k: 0.579,
  l: 0.278,
  m: 0.974,
  n: 0.634,
  o: 0.612,
  p: 0.635,
  q: 0.635,
  r: 0.411,
  s: 0.521,
  t: 0.392,
  u: 0.634,
  v: 0.592,
  w: 0.818,
  x: 0.592,
  y: 0.592,
  z: 0.525,
};
const OTHER: Record<string, number> = {
  ' ': 0.318,
  '.': 0.318,
  ',': 0.318,
  ':': 0.337,
  ';': 0.337,
  "'": 0.275,
  '’': 0.318,
  '(': 0.39,
  ')': 0.39,
  '-': 0.361,
  '–': 0.5,
  '—': 1,
  '&': 0.78,
  '/': 0.337,
  I: 0.295,
  J: 0.295,
  M: 0.863,
  W: 0.989,
};

/** Estimated width of `text` at `fontSize` px; bold text runs about 8 % wider. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    em +=
      LOWER[ch] ??
      OTHER[ch] ??
      (/[A-Z]/.test(ch) ? 0.72 : /[0-9]/.test(ch) ? 0.636 : ch === '“' || ch === '”' ? 0.5 : 0.65);
  }
  return em * fontSize * (bold ? 1.08 : 1);
}

/** Greedy word wrap; a word longer than the line is broken where it must be. */
export function wrapText(text: string, maxWidth: number, fontSize: number, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (textWidth(candidate, fontSize, bold) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    while (textWidth(line, fontSize, bold) > maxWidth && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && textWidth(line.slice(0, cut), fontSize, bold) > maxWidth) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

export function actorLabel(codebook: Codebook, actor: ActorId, speaker: ActorId | null): string {
  const text = label(codebook, 'actors', actor);
  return actor === speaker && !/\(speaker\)/i.test(text) ? `${text} (speaker)` : text;
}

export const round = (v: number) => Math.round(v * 10) / 10;

/** Pairs of attributions whose links cross, for an actor order and a target order. */
export function countCrossings(
  attributions: Attribution[],
  actors: readonly string[],
  targets: readonly string[],
): number {
  const actorAt = new Map(actors.map((a, i) => [a, i]));
  const targetAt = new Map(targets.map((t, i) => [t, i]));
  const ends = attributions.map((a) => [actorAt.get(a.actor)!, targetAt.get(a.target)!]);
  let n = 0;
  for (let i = 0; i < ends.length; i++)
    for (let j = i + 1; j < ends.length; j++)
      if ((ends[i][0] - ends[j][0]) * (ends[i][1] - ends[j][1]) < 0) n++;
  return n;
}

/**
 * Orders actors and targets to cut crossings: connected groups stay together (in the order the
 * statement first mentions them); inside a group, barycentre sweeps (each actor at the mean
 * position of its targets and back), keeping the best, then swaps of neighbours while they help.
 */
function crossingOrder(attributions: Attribution[]): { actors: ActorId[]; targets: string[] } {
  // Connected groups of actors and targets, found by flooding from each actor in turn.
  const groups: { actors: ActorId[]; targets: string[] }[] = [];
  const seen = new Set<string>();
  for (const start of attributions) {
    if (seen.has(`a:${start.actor}`)) continue;
    const group = { actors: [] as ActorId[], targets: [] as string[] };
    const queue = [`a:${start.actor}`];
    seen.add(queue[0]);
    while (queue.length) {
      const node = queue.shift()!;
      const isActor = node.startsWith('a:');
      const id = node.slice(2);
      if (isActor) group.actors.push(id as ActorId);
      else group.targets.push(id);
      for (const a of attributions) {
        if (isActor ? a.actor !== id : a.target !== id) continue;
        const next = isActor ? `t:${a.target}` : `a:${a.actor}`;
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    groups.push(group);
  }
  const firstMention = (items: string[], key: 'actor' | 'target') =>
    [...items].sort(
      (p, q) =>
        attributions.findIndex((a) => a[key] === p) - attributions.findIndex((a) => a[key] === q),
    );
  const ordered = groups.map((g) => {
    const own = attributions.filter((a) => g.actors.includes(a.actor));
    return orderGroup(
      own,
      firstMention(g.actors, 'actor') as ActorId[],
      firstMention(g.targets, 'target'),
    );
  });
  return {
    actors: ordered.flatMap((g) => g.actors),
    targets: ordered.flatMap((g) => g.targets),
  };
}

function orderGroup(attributions: Attribution[], actors: ActorId[], targets: string[]) {
  const reorder = <T extends string>(items: T[], partners: (item: T) => number[]): T[] => {
    const before = new Map(items.map((item, i) => [item, i]));
    const score = new Map(
      items.map((item) => {
        const p = partners(item);
        return [item, p.length ? p.reduce((s, v) => s + v, 0) / p.length : before.get(item)!];
      }),
    );
    return [...items].sort(
      (a, b) => score.get(a)! - score.get(b)! || before.get(a)! - before.get(b)!,
    );
  };
  let best = { actors, targets, crossings: countCrossings(attributions, actors, targets) };
  for (let pass = 0; pass < 8 && best.crossings > 0; pass++) {
    const targetAt = new Map(targets.map((t, i) => [t, i]));
    actors = reorder(actors, (actor) =>
      attributions.filter((a) => a.actor === actor).map((a) => targetAt.get(a.target)!),
    );
    const actorAt = new Map(actors.map((a, i) => [a, i]));
    targets = reorder(targets, (target) =>
      attributions.filter((a) => a.target === target).map((a) => actorAt.get(a.actor)!),
    );
    const crossings = countCrossings(attributions, actors, targets);
    if (crossings < best.crossings) best = { actors, targets, crossings };
  }
  // Swap neighbours while that removes crossings.
  let improved = best.crossings > 0;
  while (improved) {
    improved = false;
    for (const side of ['actors', 'targets'] as const) {
      const items: string[] = [...best[side]];
      for (let i = 0; i + 1 < items.length; i++) {
        const swapped = [...items];
        [swapped[i], swapped[i + 1]] = [swapped[i + 1], swapped[i]];
        const next = { ...best, [side]: swapped };
        const crossings = countCrossings(attributions, next.actors, next.targets);
        if (crossings < best.crossings) {
          best = { ...(next as typeof best), crossings };
          items.splice(0, items.length, ...swapped);
          improved = true;
        }
      }
    }
  }
  return { actors: best.actors, targets: best.targets };
}

/** Offsets of `n` link ends spread around a centre, `step` apart. */
export const spread = (n: number, step: number) =>
  Array.from({ length: n }, (_, i) => (i - (n - 1) / 2) * step);

export function attributionLayout(
  doc: StatementDocument,
  codebook: Codebook,
  width: number,
  scheme: Scheme = 'light',
): AttributionLayout {
  const W = Math.max(MIN_WIDTH, Math.round(width || DEFAULT_WIDTH));
  const palette = palettes[scheme];
  // A corpus draws one line per actor, relation and target.
  const merged = isMerged(doc);
  const bundles = merged ? doc.bundles : doc.attributions.map((a) => [a]);
  const attributions = bundles.map((b) => b[0]);
  const bundle = new Map(bundles.map((b) => [b[0].id, b]));
  const speaker = doc.speaker.actor;
  const order = crossingOrder(attributions);
  const relations: RelationKey[] = codebook.relations
    .filter((r) => attributions.some((a) => a.relation === r.id))
    .map((r) => ({
      id: r.id,
      label: r.label,
      color: palette.relation[r.id],
      dash: relationDash[r.id],
    }));
  // Numbered lines (a corpus's) sit further apart, so that their numbers do not overlap.
  const port = merged ? 14 : PORT_STEP;
  const common = { attributions, bundle, port, speaker, order, codebook, relations, palette };
  if (attributions.length === 0) {
    return {
      mode: W < STACK_BELOW ? 'stacked' : 'wide',
      width: W,
      height: 2 * PAD,
      actors: [],
      targets: [],
      links: [],
      linkOrder: [],
      relations,
    };
  }
  return W < STACK_BELOW && stacked ? stacked(W, common) : wideLayout(W, common);
}

/**
 * The stacked layout (stacked.ts), for widths below `STACK_BELOW` only: it loads when a chart is
 * that narrow, and registers itself here. Until then a narrow chart is not drawn (the component
 * waits for it), and an export loads it with the rest of its code.
 */
let stacked: ((W: number, common: Common) => AttributionLayout) | null = null;
export const drawStacked = (layout: typeof stacked) => void (stacked = layout);
export const canStack = () => stacked !== null;

export interface Common {
  attributions: Attribution[];
  /** Each line's attributions, by the id of the first. */
  bundle: Map<string, Attribution[]>;
  /** Vertical distance between the ends of links that share a node. */
  port: number;
  speaker: ActorId | null;
  order: { actors: ActorId[]; targets: string[] };
  codebook: Codebook;
  relations: RelationKey[];
  palette: Palette;
}

/** The attributions behind some lines. */
export const weight = (lines: Attribution[], bundle: Map<string, Attribution[]>) =>
  lines.reduce((n, a) => n + bundle.get(a.id)!.length, 0);

export function makeLink(a: Attribution, common: Common, targetNode: string): LinkGeometry {
  return {
    id: a.id,
    attribution: a,
    bundle: common.bundle.get(a.id)!,
    actor: a.actor,
    relation: a.relation,
    target: a.target,
    targetNode,
    sentence: a.sentence,
    color: common.palette.relation[a.relation],
    dash: relationDash[a.relation],
    d: '',
    source: [0, 0],
    end: [0, 0],
    anchor: [0, 0],
    hitArea: null,
  };
}

/** Text lines placed from the top of a box, `lineHeight` apart. */
export function placeLines(
  texts: string[],
  x: number,
  top: number,
  fontSize: number,
  lineHeight: number,
) {
  // Baseline sits about 0.8 em below the top of the line box, centred in the line height.
  const first = top + (lineHeight - fontSize) / 2 + fontSize * 0.8;
  return texts.map((text, i) => ({ text, x: round(x), y: round(first + i * lineHeight) }));
}

export const COUNT_SPACE = 28;
export const BOX_PAD_X = 10;
export const BOX_PAD_Y = 7;

function wideLayout(W: number, common: Common): AttributionLayout {
  const { attributions, order, codebook, speaker, port } = common;
  const fontSize = 13;
  const lineHeight = 16;
  const actorWidth = Math.min(230, Math.max(130, Math.round(W * 0.27)));
  const targetWidth = Math.min(300, Math.max(140, Math.round(W * 0.32)));
  const barX = W - PAD - targetWidth;
  const targetTextX = barX + 9;
  const targetTextWidth = W - PAD - targetTextX;

  const linksOf = (actor: ActorId) => attributions.filter((a) => a.actor === actor);
  const toTarget = (target: string) => attributions.filter((a) => a.target === target);

  const actorTexts = order.actors.map((id) =>
    wrapText(
      actorLabel(codebook, id, speaker),
      actorWidth - 2 * BOX_PAD_X - COUNT_SPACE,
      fontSize,
      id === speaker,
    ),
  );
  const actorHeight = Math.max(
    ...actorTexts.map((lines) => lines.length * lineHeight + 2 * BOX_PAD_Y),
    ...order.actors.map((id) => (linksOf(id).length - 1) * port + 14),
  );
  const targetTexts = order.targets.map((t) => wrapText(t, targetTextWidth, fontSize));
  const targetHeights = order.targets.map((t, i) =>
    Math.max(targetTexts[i].length * lineHeight, (toTarget(t).length - 1) * port + 8),
  );
  const actorSlot = actorHeight + 10;
  const targetSlot = Math.max(...targetHeights) + 10;
  const inner = Math.max(order.actors.length * actorSlot, order.targets.length * targetSlot);
  const top = PAD;
  const actorBand = scaleBand<string>()
    .domain(order.actors)
    .range([top, top + inner]);
  const targetBand = scaleBand<string>()
    .domain(order.targets)
    .range([top, top + inner]);

  const actors: ActorNode[] = order.actors.map((id, i) => {
    const y = actorBand(id)! + (actorBand.bandwidth() - actorHeight) / 2;
    const lines = actorTexts[i];
    const textTop = y + (actorHeight - lines.length * lineHeight) / 2;
    const count = weight(linksOf(id), common.bundle);
    return {
      id,
      label: actorLabel(codebook, id, speaker),
      speaker: id === speaker,
      count,
      x: PAD,
      y: round(y),
      width: actorWidth,
      height: actorHeight,
      fontSize,
      lines: placeLines(lines, PAD + BOX_PAD_X, textTop, fontSize, lineHeight),
      countLabel: placeLines(
        [String(count)],
        PAD + actorWidth - BOX_PAD_X,
        y + (actorHeight - lineHeight) / 2,
        fontSize,
        lineHeight,
      )[0],
      links: [],
    };
  });
  const targets: TargetNode[] = order.targets.map((t, i) => {
    const centre = targetBand(t)! + targetBand.bandwidth() / 2;
    const height = targetHeights[i];
    const lines = targetTexts[i];
    return {
      id: t,
      target: t,
      relation: null,
      x: barX,
      y: round(centre - height / 2),
      height,
      fontSize,
      caption: null,
      lines: placeLines(
        lines,
        targetTextX,
        centre - (lines.length * lineHeight) / 2,
        fontSize,
        lineHeight,
      ),
      links: [],
    };
  });

  const targetAt = new Map(targets.map((t) => [t.id, t]));
  const centre = (n: { y: number; height: number }) => n.y + n.height / 2;
  const links = attributions.map((a) => makeLink(a, common, a.target));
  const index = new Map(attributions.map((a, i) => [a.id, i]));

  // Ends on the actor side, sorted by where the link goes; on the target side, by where it
  // comes from. Parallel links between one actor and one target get neighbouring ends on
  // both sides, so they run side by side and each stays visible and clickable.
  for (const actor of actors) {
    const own = links
      .filter((l) => l.actor === actor.id)
      .sort(
        (p, q) =>
          centre(targetAt.get(p.target)!) - centre(targetAt.get(q.target)!) ||
          index.get(p.id)! - index.get(q.id)!,
      );
    const step = own.length > 1 ? Math.min(port, (actor.height - 10) / (own.length - 1)) : 0;
    spread(own.length, step).forEach((dy, i) => {
      own[i].source = [round(actor.x + actor.width), round(centre(actor) + dy)];
    });
    actor.links = own.map((l) => l.id);
  }
  for (const target of targets) {
    const own = links
      .filter((l) => l.target === target.id)
      .sort((p, q) => p.source[1] - q.source[1] || index.get(p.id)! - index.get(q.id)!);
    spread(own.length, port).forEach((dy, i) => {
      own[i].end = [round(target.x), round(centre(target) + dy)];
    });
    target.links = own.map((l) => l.id);
  }
  const curve = linkHorizontal();
  for (const l of links) {
    l.d = curve({ source: l.source, target: l.end }) ?? '';
    l.anchor = [round((l.source[0] + l.end[0]) / 2), round((l.source[1] + l.end[1]) / 2)];
  }

  return {
    mode: 'wide',
    width: W,
    height: Math.ceil(top + inner + PAD),
    actors,
    targets,
    links,
    linkOrder: actors.flatMap((a) => a.links),
    relations: common.relations,
  };
}

/** The legend as an exported file draws it: the relations present (colour and dash), the
 * speaker's double box, and the fading of links outside a selection (a lighter colour that
 * keeps 3:1, as the chart draws them). */
export function attributionLegend(
  layout: Pick<AttributionLayout, 'relations' | 'actors'>,
  palette: Palette,
  faded: boolean,
): LegendSpec {
  const entries: LegendSpec['entries'] = layout.relations.map((r) => ({
    label: r.label,
    kind: 'line',
    color: r.color,
    ...(r.dash ? { dash: r.dash } : {}),
  }));
  if (layout.actors.some((a) => a.speaker)) {
    entries.push({
      label: 'the speaker',
      kind: 'box',
      color: palette.background,
      stroke: palette.ink,
    });
  }
  if (faded) {
    entries.push({
      label: 'faded: outside the selection',
      kind: 'line',
      color: fade(palette.muted, palette),
    });
  }
  return { title: 'Relation', entries };
}
