import type { ModalityId, RelationId } from '../data/types.ts';

/**
 * Explicit colours for both schemes, so a chart carries its colours into an exported file.
 * Categorical colours follow the Okabe–Ito set (distinguishable with the common forms of
 * colour blindness), darkened for light backgrounds and lightened for dark ones to keep marks
 * at 3:1 or more against the background. Colour never carries meaning alone: relations also
 * differ by dash pattern, modalities by legend order and labels.
 */
export type Scheme = 'light' | 'dark';

export interface Palette {
  background: string;
  ink: string;
  muted: string;
  grid: string;
  accent: string;
  /** Opacity of marks outside the selection. */
  dim: number;
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
