import type { Codebook } from '../../data/types.ts';
import { label, type MergedDocument } from '../../data/queries.ts';
import type {
  ByDocument,
  ParagraphBand,
  SentenceSpan,
  TimelineMark,
  TimelineRow,
} from './layout.ts';

/**
 * The topic timeline of a corpus with more sentences than its width can tell apart: a band per
 * document instead of per paragraph, and one mark per (document, theme), as wide as the
 * document, as tall as the share of its sentences coded with the theme and coloured by the
 * modality most of them take. A mark selects those sentences (the theme within the document's
 * range), so every mark still leads to the sentences behind it. Loaded with the code that
 * merges documents, and given to the timeline as `byDocument`.
 */

/** A band per document that has sentences, numbered 1… in corpus order. A number that would
 * overlap the one before it is left out; the band still says it to a screen reader. */
function bands(
  doc: MergedDocument,
  sentences: SentenceSpan[],
  textWidth: (text: string) => number,
): ParagraphBand[] {
  const out: ParagraphBand[] = [];
  let end = -Infinity;
  doc.parts.forEach((part, i) => {
    if (part.lastOrder < part.firstOrder) return;
    const x0 = sentences[part.firstOrder - 1].x0;
    const x1 = sentences[part.lastOrder - 1].x1;
    const number = i + 1;
    const labelX = (x0 + x1) / 2;
    const half = textWidth(`${number}`) / 2;
    const shown = labelX - half >= end + 2;
    if (shown) end = labelX + half;
    out.push({
      key: `p:${part.id}`,
      id: part.id,
      number,
      kind: 'prose',
      x: x0,
      width: x1 - x0,
      firstOrder: part.firstOrder,
      lastOrder: part.lastOrder,
      label: shown ? `${number}` : '',
      labelX,
      labelY: 12,
      describe: `Document ${number} “${part.name}”, sentences ${part.firstOrder}–${part.lastOrder}: select this range`,
    });
  });
  return out;
}

/** One mark per (document, theme), bottom-aligned in the theme's row: at least 2 px tall, so
 * one sentence of a long document still shows. */
function marks(
  doc: MergedDocument,
  bands: ParagraphBand[],
  rows: TimelineRow[],
  codebook: Codebook,
): TimelineMark[] {
  const rowOf = new Map(rows.map((r) => [r.theme, r]));
  const bandOf = new Map(bands.map((b) => [b.id, b]));
  return doc.parts.flatMap((part) => {
    const band = bandOf.get(part.id);
    if (!band) return [];
    const inset = band.width > 3 ? 0.5 : 0;
    const count = part.lastOrder - part.firstOrder + 1;
    return part.themes.flatMap((group): TimelineMark[] => {
      const row = rowOf.get(group.theme);
      if (!row) return [];
      const height = Math.max(2, (row.markHeight * group.sentences.length) / count);
      const modalities = group.modalities
        .map(([id, n]) => `${n} ${label(codebook, 'modalities', id).toLowerCase()}`)
        .join(', ');
      return [
        {
          key: `g:${part.id}:${group.theme}`,
          sentence: group.sentences[0],
          order: part.firstOrder,
          theme: group.theme,
          row: row.index,
          modality: group.modalities[0][0],
          paragraph: band.number,
          listItem: null,
          text: '',
          x: band.x + inset,
          y: row.markY + row.markHeight - height,
          width: Math.max(1, band.width - 2 * inset),
          height,
          part: {
            ...group,
            first: part.firstOrder,
            last: part.lastOrder,
            label:
              `${row.label}, document ${band.number} “${part.name}”: ` +
              `${group.sentences.length} of ${count} sentences (${modalities}): select them`,
          },
        },
      ];
    });
  });
}

/** How the topic timeline draws a corpus too dense for its width. */
export const byDocument: ByDocument = {
  bands,
  marks,
  unit: 'Document',
  reads:
    "one mark per document and theme, as tall as the share of the document's sentences " +
    'coded with the theme and coloured by the modality most of them take',
  legend: 'Mark colour: the modality most of its sentences take',
  axis: 'Words into the documents →',
};
