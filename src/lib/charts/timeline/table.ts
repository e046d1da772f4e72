import type { Codebook, StatementDocument, ThemeId } from '../../data/types.ts';
import { label } from '../../data/queries.ts';
import type { TableSpec } from '../../ui/table.ts';
import { truncate, type TimelineLayout } from './layout.ts';

/** The "Show as table" alternative: coded sentences per theme and paragraph (zeros muted), each
 * theme's total, then every coded sentence listed under its theme. */
export function timelineTable(
  doc: StatementDocument,
  codebook: Codebook,
  layout: Pick<TimelineLayout, 'codings'>,
): TableSpec {
  const byParagraph = new Map(
    doc.aggregates.themesByParagraph.map((row) => [`${row.theme}|${row.paragraph}`, row.sentences]),
  );
  const marksOf = (theme: ThemeId) => layout.codings.filter((m) => m.theme === theme);
  return {
    caption: 'Coded sentences per theme and paragraph',
    columns: [
      { label: 'Theme' },
      ...doc.paragraphs.map((p) => ({
        label: `¶${p.number}`,
        title: `Paragraph ${p.number}`,
        numeric: true,
      })),
      { label: 'All', numeric: true },
    ],
    rowHeader: true,
    rows: codebook.themes.map((t) => ({
      key: t.id,
      cells: [
        t.label,
        ...doc.paragraphs.map((p) => {
          const n = byParagraph.get(`${t.id}|${p.id}`) ?? 0;
          return n === 0 ? { value: 0, tone: 'muted' as const } : n;
        }),
        marksOf(t.id).length,
      ],
    })),
    lists: codebook.themes.map((t) => {
      const marks = marksOf(t.id);
      return {
        term: `${t.label} (${marks.length})`,
        items: marks.map(
          (m) =>
            `Sentence ${m.order} (¶${m.paragraph}${m.listItem !== null ? `, item ${m.listItem}` : ''}, ` +
            `${label(codebook, 'modalities', m.modality).toLowerCase()}): ${truncate(m.text, 120)}`,
        ),
        empty: 'absent',
      };
    }),
  };
}
