import type { ModalityId, RelationId } from '../data/types.ts';

/**
 * Explicit colours for both schemes, so a chart carries its colours into an exported file.
 * Categorical colours follow the Okabe–Ito set (distinguishable with the common forms of
 * colour blindness), darkened for light backgrounds and lightened for dark ones to keep marks
 * at 3:1 or more against the background. Colour never carries meaning alone: relations also
 * differ by dash pattern, modalities by legend order and labels.
 *
 * Outside a selection, charts fade with explicit colours, never with opacity on text: text
 * takes `dimText` (4.5:1 or more), a mark takes `fade(colour)` (3:1 or more).
 */
export type Scheme = 'light' | 'dark';

export interface Palette {
  background: string;
  ink: string;
  muted: string;
  grid: string;
  accent: string;
  /**
   * The strongest fading: a mark outside the selection is drawn as if at this opacity over the
   * background, or at the least more that keeps it at 3:1 (see `fade`).
   */
  dim: number;
  /** Text outside the selection: lighter than `muted`, still 4.5:1 against the background. */
  dimText: string;
  focus: string;
  modality: Record<ModalityId, string>;
  relation: Record<RelationId, string>;
}

const light: Palette = {
  background: '#ffffff',
  ink: '#1b1b1f',
  muted: '#555a63',
  grid: '#d5d8de',
  accent: '#0b5cad',
  dim: 0.25,
  dimText: '#6f747c',
  focus: '#0b5cad',
  modality: {
    demand: '#0072b2',
    rejection: '#c04a00',
    attribution: '#a23b8c',
    position: '#007a5e',
    assessment: '#8a6a00',
  },
  relation: {
    caused: '#c04a00',
    must_bear_responsibility: '#a23b8c',
    contributes: '#007a5e',
    exempt_from: '#8a6a00',
    poses_risk: '#b0002a',
    limited_to: '#0072b2',
    beneficiary_of: '#4a5560',
  },
};

const dark: Palette = {
  background: '#17191d',
  ink: '#eceef2',
  muted: '#a9afba',
  grid: '#3a3f48',
  accent: '#7cb8f0',
  dim: 0.3,
  dimText: '#7f858f',
  focus: '#7cb8f0',
  modality: {
    demand: '#56b4e9',
    rejection: '#ff8c42',
    attribution: '#e08ccb',
    position: '#3cc9a0',
    assessment: '#f0c44c',
  },
  relation: {
    caused: '#ff8c42',
    must_bear_responsibility: '#e08ccb',
    contributes: '#3cc9a0',
    exempt_from: '#f0c44c',
    poses_risk: '#ff6b81',
    limited_to: '#56b4e9',
    beneficiary_of: '#c3cad4',
  },
};

export const palettes: Record<Scheme, Palette> = { light, dark };

/** Least contrast against the background: text (WCAG 1.4.3) and marks (WCAG 1.4.11). */
export const TEXT_CONTRAST = 4.5;
export const MARK_CONTRAST = 3;

const channels = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

/** WCAG 2.x relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.x contrast ratio of two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** #rrggbb `colour` seen at `opacity` over #rrggbb `background`, as an explicit colour. */
export function mix(colour: string, background: string, opacity: number): string {
  const top = channels(colour);
  const bottom = channels(background);
  return `#${top
    .map((v, i) => Math.round(v * opacity + bottom[i] * (1 - opacity)))
    .map((v) => v.toString(16).padStart(2, '0'))
    .join('')}`;
}

const faded = new Map<string, string>();

/**
 * A mark's colour outside the selection: `colour` blended towards the background as if drawn
 * at `palette.dim` opacity, or at the least more (in steps of 0.01) that keeps 3:1 against
 * the background. A colour below 3:1 to begin with stays as it is.
 */
export function fade(colour: string, palette: Palette): string {
  const key = `${colour}|${palette.background}|${palette.dim}`;
  let out = faded.get(key);
  if (out === undefined) {
    out = colour;
    for (let step = Math.round(palette.dim * 100); step < 100; step++) {
      const candidate = mix(colour, palette.background, step / 100);
      if (contrastRatio(candidate, palette.background) >= MARK_CONTRAST) {
        out = candidate;
        break;
      }
    }
    faded.set(key, out);
  }
  return out;
}

/** Dash patterns that tell relations apart without colour. */
export const relationDash: Record<RelationId, string> = {
  caused: '',
  must_bear_responsibility: '8 4',
  contributes: '2 3',
  exempt_from: '10 3 2 3',
  poses_risk: '4 2',
  limited_to: '1 5',
  beneficiary_of: '14 4',
};

/** The system font stack used on screen and in exported files. */
export const fontFamily =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
