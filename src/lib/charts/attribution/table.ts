import type { Codebook, StatementDocument } from '../../data/types.ts';
import { isMerged, label } from '../../data/queries.ts';
import type { TableSpec } from '../../ui/table.ts';
import type { AttributionLayout } from './layout.ts';

/** The "Show as table" alternative: every attribution, in the dataset's order, with the
 * number of its sentence. */
export function attributionTable(
  doc: StatementDocument,
  codebook: Codebook,
  layout: Pick<AttributionLayout, 'actors'>,
): TableSpec {
  const sentenceNumber = new Map(doc.sentences.map((s) => [s.id, s.order]));
  return {
    caption: `Every attribution in the ${isMerged(doc) ? 'statements' : 'statement'}`,
    captionHidden: true,
    columns: [
      { label: 'Actor' },
      { label: 'Relation' },
      { label: 'Target' },
      { label: 'Quote' },
      { label: 'Sentence', numeric: true },
    ],
    rowHeader: false,
    rows: doc.attributions.map((a) => ({
      key: a.id,
      cells: [
        layout.actors.find((x) => x.id === a.actor)?.label ?? a.actor,
        label(codebook, 'relations', a.relation),
        a.target,
        `“${a.quote}”`,
        sentenceNumber.get(a.sentence) ?? a.sentence,
      ],
    })),
  };
}
