import { describe, expect, it } from 'vitest';
import { palettes } from '../../src/lib/charts/palette.ts';

/** WCAG 2.x contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
    const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('colours', () => {
  for (const [scheme, p] of Object.entries(palettes)) {
    it(`${scheme}: text reaches 4.5:1 and marks 3:1 against the background`, () => {
      expect(contrast(p.ink, p.background)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(p.muted, p.background)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(p.focus, p.background)).toBeGreaterThanOrEqual(3);
      for (const [id, colour] of [...Object.entries(p.modality), ...Object.entries(p.relation)]) {
        expect(contrast(colour, p.background), id).toBeGreaterThanOrEqual(3);
      }
    });

    it(`${scheme}: the five modalities have five distinct colours`, () => {
      const colours = Object.values(p.modality);
      const distinct = new Set(colours);
      expect(distinct.size).toBe(5);
    });
  }
});
