import type { TableSpec } from '../../ui/table.ts';
import { shortLabel, type MatrixLayout } from './layout.ts';

/** The "Show as table" alternative: the matrix's counts, its diagonal (a theme's own
 * sentences) in bold, the column headers abbreviated. */
export function matrixTable(layout: Pick<MatrixLayout, 'themes' | 'cells'>): TableSpec {
  const n = layout.themes.length;
  return {
    caption: "Sentences that carry both themes (diagonal: the theme's own sentences)",
    columns: [
      { label: '' },
      ...layout.themes.map((t) => ({
        label: shortLabel(t.theme, t.label),
        title: t.label,
        numeric: true,
      })),
    ],
    rowHeader: true,
    rows: layout.themes.map((t, i) => ({
      key: t.theme,
      cells: [
        t.label,
        ...layout.cells
          .slice(i * n, (i + 1) * n)
          .map((c) => (c.diagonal ? { value: c.count, tone: 'strong' as const } : c.count)),
      ],
    })),
  };
}
