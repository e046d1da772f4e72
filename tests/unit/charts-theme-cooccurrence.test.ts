import { describe, expect, it } from 'vitest';
import {
  blend,
  contrast,
  legendCounts,
  matrixLayout,
  sharedFill,
  shortLabel,
  textOn,
} from '../../src/lib/charts/cooccurrence/layout.ts';
import { palettes } from '../../src/lib/charts/palette.ts';
import { codebook, doc } from '../helpers/dataset.ts';

describe('matrixLayout', () => {
  it('fits the width it is given, down to a 320 px phone', () => {
    // 320 px viewport minus page and frame padding leaves about 254 px.
    for (const width of [254, 360, 640, 900]) {
      const layout = matrixLayout({ doc, codebook, scheme: 'light', width });
      expect(layout.width).toBeLessThanOrEqual(width);
      expect(layout.cellSize).toBeGreaterThanOrEqual(12);
      expect(layout.compact).toBe(width < 520);
    }
  });

  it('shortens labels on narrow screens only', () => {
    const narrow = matrixLayout({ doc, codebook, scheme: 'light', width: 254 });
    const wide = matrixLayout({ doc, codebook, scheme: 'light', width: 900 });
    expect(narrow.themes.find((t) => t.theme === 'regular_pathways')!.text).toBe('Pathways');
    expect(wide.themes.find((t) => t.theme === 'regular_pathways')!.text).toBe(
      'Regular pathways & labour',
    );
    expect(shortLabel('control', 'Migration control')).toBe('Control');
  });

  it('is symmetric, with the theme totals on the diagonal', () => {
    const layout = matrixLayout({ doc, codebook, scheme: 'light', width: 640 });
    const n = layout.themes.length;
    for (const c of layout.cells) {
      const mirror = layout.cells[c.j * n + c.i];
      expect(mirror.count).toBe(c.count);
      expect([mirror.a, mirror.b]).toEqual([c.a, c.b]);
    }
    for (const t of doc.aggregates.themeTotals.filter((x) => x.sentences > 0)) {
      const diag = layout.cells.find((c) => c.diagonal && c.row === t.theme)!;
      expect(diag.count).toBe(t.sentences);
    }
  });

  it.each(['light', 'dark'] as const)(
    'keeps printed numbers at 4.5:1 on every shade, dimmed or not (%s)',
    (scheme) => {
      const palette = palettes[scheme];
      const layout = matrixLayout({ doc, codebook, scheme, width: 640 });
      const max = 12;
      const fills = [
        layout.diagonalFill,
        ...Array.from({ length: max }, (_, k) => sharedFill(k + 1, max, scheme)),
      ];
      for (const fill of [
        ...fills,
        ...fills.map((f) => blend(f, palette.background, palette.dim)),
      ]) {
        expect(contrast(textOn(fill, palette), fill)).toBeGreaterThanOrEqual(4.5);
      }
      for (const c of layout.cells)
        expect(contrast(c.textFill, c.fill)).toBeGreaterThanOrEqual(4.5);
    },
  );

  it('darkens (light scheme) or brightens (dark scheme) the shade as counts grow', () => {
    const lum = (hex: string) => contrast(hex, '#000000');
    expect(lum(sharedFill(1, 4, 'light'))).toBeGreaterThan(lum(sharedFill(4, 4, 'light')));
    expect(lum(sharedFill(1, 4, 'dark'))).toBeLessThan(lum(sharedFill(4, 4, 'dark')));
  });

  it('lists legend steps', () => {
    expect(legendCounts(0)).toEqual([]);
    expect(legendCounts(4)).toEqual([1, 2, 3, 4]);
    expect(legendCounts(11)).toEqual([1, 3, 5, 7, 9, 11]);
  });
});
