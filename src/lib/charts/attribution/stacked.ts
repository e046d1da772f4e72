import { pathRound } from 'd3-path';
import { label } from '../../data/queries.ts';
import type { Attribution } from '../../data/types.ts';
import {
  BOX_PAD_X,
  BOX_PAD_Y,
  COUNT_SPACE,
  PAD,
  actorLabel,
  drawStacked,
  makeLink,
  placeLines,
  round,
  spread,
  weight,
  wrapText,
  type ActorNode,
  type AttributionLayout,
  type Common,
  type LinkGeometry,
  type TargetNode,
} from './layout.ts';

/**
 * The attribution diagram below `STACK_BELOW` pixels: a list, each actor followed by its
 * relation → target rows, so labels get the whole width and never need a horizontal scroll.
 * Loaded only by a chart that narrow (and by exports); importing it registers it with layout.ts.
 */
export function stackedLayout(W: number, common: Common): AttributionLayout {
  const { attributions, order, codebook, speaker, port } = common;
  const fontSize = 12;
  const lineHeight = 15;
  const captionSize = 11;
  const indent = 34;
  const rowX = PAD + indent;
  const rowTextX = rowX + 9;
  const rowTextWidth = W - PAD - rowTextX;
  const boxWidth = W - 2 * PAD;
  const targetRank = new Map(order.targets.map((t, i) => [t, i]));
  const relationRank = new Map(codebook.relations.map((r, i) => [r.id, i]));
  const index = new Map(attributions.map((a, i) => [a.id, i]));

  const actors: ActorNode[] = [];
  const targets: TargetNode[] = [];
  const links: LinkGeometry[] = [];
  let y = PAD;

  for (const id of order.actors) {
    const own = attributions.filter((a) => a.actor === id);
    const count = weight(own, common.bundle);
    const text = actorLabel(codebook, id, speaker);
    const lines = wrapText(text, boxWidth - 2 * BOX_PAD_X - COUNT_SPACE, fontSize, id === speaker);
    const height = lines.length * lineHeight + 2 * BOX_PAD_Y;
    const actor: ActorNode = {
      id,
      label: text,
      speaker: id === speaker,
      count,
      x: PAD,
      y,
      width: boxWidth,
      height,
      fontSize,
      lines: placeLines(lines, PAD + BOX_PAD_X, y + BOX_PAD_Y, fontSize, lineHeight),
      countLabel: placeLines(
        [String(count)],
        PAD + boxWidth - BOX_PAD_X,
        y + (height - lineHeight) / 2,
        fontSize,
        lineHeight,
      )[0],
      links: [],
    };
    actors.push(actor);
    const actorBottom = y + height;
    y = actorBottom + 6;

    // One row per relation and target: the statement's attributionLinks, in target order.
    const groups = new Map<string, Attribution[]>();
    for (const a of [...own].sort(
      (p, q) =>
        targetRank.get(p.target)! - targetRank.get(q.target)! ||
        relationRank.get(p.relation)! - relationRank.get(q.relation)! ||
        index.get(p.id)! - index.get(q.id)!,
    )) {
      const key = `${a.actor}|${a.relation}|${a.target}`;
      groups.set(key, [...(groups.get(key) ?? []), a]);
    }
    const actorLinks: LinkGeometry[] = [];
    for (const [key, group] of groups) {
      const first = group[0];
      const lines = wrapText(first.target, rowTextWidth, fontSize);
      const textHeight = (lines.length + 1) * lineHeight;
      const rowHeight = Math.max(textHeight, (group.length - 1) * port + 8);
      const textTop = y + (rowHeight - textHeight) / 2;
      // A corpus's bundled line: its number goes with the relation's name, in the row's text.
      const count = weight(group, common.bundle);
      const node: TargetNode = {
        id: key,
        target: first.target,
        relation: first.relation,
        x: rowX,
        y,
        height: rowHeight,
        fontSize,
        caption: placeLines(
          [
            label(codebook, 'relations', first.relation) +
              (count > group.length ? `, ${count} attributions` : ''),
          ],
          rowTextX,
          textTop,
          captionSize,
          lineHeight,
        )[0],
        lines: placeLines(lines, rowTextX, textTop + lineHeight, fontSize, lineHeight),
        links: [],
      };
      spread(group.length, port).forEach((dy, i) => {
        const link = makeLink(group[i], common, key);
        link.end = [rowX, round(y + rowHeight / 2 + dy)];
        link.hitArea = {
          x: rowX,
          y: round(y + (i * rowHeight) / group.length),
          width: W - PAD - rowX,
          height: round(rowHeight / group.length),
        };
        node.links.push(link.id);
        actorLinks.push(link);
      });
      targets.push(node);
      y += rowHeight + 6;
    }
    // Trunks run down the left margin; the link that ends lowest takes the leftmost trunk so
    // that no link crosses another on its way to its row.
    const trunkStep =
      actorLinks.length > 1 ? Math.min(5, (indent - 16) / (actorLinks.length - 1)) : 0;
    const byDepth = [...actorLinks].sort((p, q) => q.end[1] - p.end[1]);
    byDepth.forEach((link, i) => {
      const x0 = round(PAD + 10 + i * trunkStep);
      const [x1, y1] = link.end;
      const r = Math.min(8, x1 - x0, y1 - actorBottom);
      const path = pathRound(1);
      path.moveTo(x0, actorBottom);
      path.lineTo(x0, y1 - r);
      path.quadraticCurveTo(x0, y1, x0 + r, y1);
      path.lineTo(x1, y1);
      link.source = [x0, round(actorBottom)];
      link.d = path.toString();
      link.anchor = [rowTextX, y1];
    });
    actor.links = [...actorLinks].sort((p, q) => p.end[1] - q.end[1]).map((l) => l.id);
    links.push(...actorLinks);
    y += 8;
  }

  // Links in the statement's order, like the wide layout, whatever the rows' order.
  links.sort((p, q) => index.get(p.id)! - index.get(q.id)!);
  return {
    mode: 'stacked',
    width: W,
    height: Math.ceil(y - 8 + PAD),
    actors,
    targets,
    links,
    linkOrder: actors.flatMap((a) => a.links),
    relations: common.relations,
  };
}

drawStacked(stackedLayout);
