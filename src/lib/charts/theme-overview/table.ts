import type { Codebook } from '../../data/types.ts';
import type { TableSpec } from '../../ui/table.ts';
import {
  formatValue,
  type BaseSegment,
  type ThemeOverviewLayout,
  type ThemeRow,
} from './options.ts';

/** The "Show as table" alternative: every codebook theme (absent ones last, at 0), with its
 * sentences, words, share of words and sentences per modality. */
export function themeOverviewTable(
  layout: Pick<ThemeOverviewLayout, 'absent'> & {
    rows: readonly (Pick<ThemeRow, 'theme' | 'label' | 'sentences' | 'words' | 'share'> & {
      segments: readonly BaseSegment[];
    })[];
  },
  codebook: Codebook,
): TableSpec {
  const none: BaseSegment[] = [];
  const absent = layout.absent.map((a) => ({
    ...a,
    sentences: 0,
    words: 0,
    share: 0,
    segments: none,
  }));
  return {
    caption: 'Sentences and words per theme, by modality (sentences)',
    columns: [
      { label: 'Theme' },
      ...['Sentences', 'Words', 'Share of words', ...codebook.modalities.map((m) => m.label)].map(
        (label) => ({ label, numeric: true }),
      ),
    ],
    rowHeader: true,
    rows: [...layout.rows, ...absent].map((row) => ({
      key: row.theme,
      cells: [
        row.label,
        row.sentences,
        row.words,
        formatValue('words', row.share),
        ...codebook.modalities.map(
          (m) => row.segments.find((s) => s.modality === m.id)?.sentences ?? 0,
        ),
      ],
    })),
  };
}
