import { describe, expect, it } from 'vitest';
import {
  contrastRatio,
  fade,
  MARK_CONTRAST,
  mix,
  palettes,
  TEXT_CONTRAST,
} from '../../src/lib/charts/palette.ts';

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

  it('computes WCAG contrast and blends colours like opacity over a background', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#777777')).toBe(1);
    for (const [scheme, p] of Object.entries(palettes)) {
      expect(contrastRatio(p.ink, p.background), scheme).toBeCloseTo(
        contrast(p.ink, p.background),
        10,
      );
    }
    expect(mix('#000000', '#ffffff', 0.5)).toBe('#808080');
    expect(mix('#0072b2', '#ffffff', 1)).toBe('#0072b2');
    expect(mix('#0072b2', '#ffffff', 0)).toBe('#ffffff');
  });
});

describe('faded text and marks', () => {
  for (const [scheme, p] of Object.entries(palettes)) {
    it(`${scheme}: faded text keeps 4.5:1 and is dimmer than the muted text`, () => {
      expect(TEXT_CONTRAST).toBe(4.5);
      expect(p.dimText).toMatch(/^#[0-9a-f]{6}$/);
      expect(contrast(p.dimText, p.background)).toBeGreaterThanOrEqual(TEXT_CONTRAST);
      // Close to the limit, so it still reads as faded next to ink and muted text.
      expect(contrast(p.dimText, p.background)).toBeLessThan(5);
      expect(contrast(p.dimText, p.background)).toBeLessThan(contrast(p.muted, p.background));
    });

    it(`${scheme}: a faded mark keeps 3:1 but is lighter than the mark it fades`, () => {
      expect(MARK_CONTRAST).toBe(3);
      const colours = [p.ink, p.muted, ...Object.values(p.modality), ...Object.values(p.relation)];
      for (const colour of colours) {
        const faded = fade(colour, p);
        expect(faded, colour).toMatch(/^#[0-9a-f]{6}$/);
        expect(contrast(faded, p.background), colour).toBeGreaterThanOrEqual(MARK_CONTRAST);
        // No more than needed: a hundredth less opacity would fall below 3:1 (or below `dim`).
        expect(contrast(faded, p.background), colour).toBeLessThan(3.1);
        expect(contrast(colour, faded), colour).toBeGreaterThan(1.4);
      }
    });

    it(`${scheme}: a colour already below 3:1 is not faded further`, () => {
      expect(fade(p.grid, p)).toBe(p.grid);
      expect(fade(p.background, p)).toBe(p.background);
    });
  }
});
