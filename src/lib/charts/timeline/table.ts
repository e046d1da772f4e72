import type { Codebook, StatementDocument, ThemeId } from '../../data/types.ts';
import { isMerged, label } from '../../data/queries.ts';
import type { TableSpec } from '../../ui/table.ts';
import { truncate, type TimelineLayout } from './layout.ts';

/** The "Show as table" alternative: coded sentences per theme and paragraph (zeros muted), each
 * theme's total, then every coded sentence listed under its theme. A corpus drawn by document
 * has a column per document instead, as the chart has a band per document. */
export function timelineTable(
  doc: StatementDocument,
  codebook: Codebook,
  layout: Pick<TimelineLayout, 'codings' | 'byDocument'>,
): TableSpec {
  const byParagraph = new Map(
    doc.aggregates.themesByParagraph.map((row) => [`${row.theme}|${row.paragraph}`, row.sentences]),
  );
  const columns =
    layout.byDocument && isMerged(doc)
      ? doc.parts.map((part, i) => ({
          label: `${i + 1}`,
          title: `Document ${i + 1}: ${part.name}`,
          count: (theme: ThemeId) =>
            part.themes.find((g) => g.theme === theme)?.sentences.length ?? 0,
        }))
      : doc.paragraphs.map((p) => ({
          label: `¶${p.number}`,
          title: `Paragraph ${p.number}`,
          count: (theme: ThemeId) => byParagraph.get(`${theme}|${p.id}`) ?? 0,
        }));
  const marksOf = (theme: ThemeId) => layout.codings.filter((m) => m.theme === theme);
  return {
    caption: `Coded sentences per theme and ${layout.byDocument ? 'document' : 'paragraph'}`,
    columns: [
      { label: 'Theme' },
      ...columns.map(({ label, title }) => ({ label, title, numeric: true })),
      { label: 'All', numeric: true },
    ],
    rowHeader: true,
    rows: codebook.themes.map((t) => ({
      key: t.id,
      cells: [
        t.label,
        ...columns.map((c) => {
          const n = c.count(t.id);
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
