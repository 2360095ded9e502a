/** Cell formats: the subset of Excel's RangeFormat the workbook stores, with Excel's defaults. */

export type BorderSide = 'top' | 'bottom' | 'left' | 'right';

export interface BorderStyle {
  style: string;
  color: string;
  weight: string;
}

/** Immutable: a change makes a new object, so cells can share one. */
export interface CellStyle {
  fill?: string;
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fontColor?: string;
  fontName?: string;
  wrap?: boolean;
  hAlign?: string;
  vAlign?: string;
  indent?: number;
  top?: BorderStyle;
  bottom?: BorderStyle;
  left?: BorderStyle;
  right?: BorderStyle;
}

/**
 * What a cell without formats reads as. Guess: no fill reads as '#FFFFFF', the default font is
 * Calibri 11 black (newer Excel uses Aptos Narrow; the add-in never depends on it).
 */
export const DEFAULT_STYLE = {
  fill: '#FFFFFF',
  bold: false,
  italic: false,
  fontSize: 11,
  fontColor: '#000000',
  fontName: 'Calibri',
  wrap: false,
  hAlign: 'General',
  vAlign: 'Bottom',
  indent: 0,
} as const;

export const DEFAULT_BORDER: BorderStyle = { style: 'None', color: '#000000', weight: 'Thin' };

/** Default column width in points (8.43 characters = 64 px) and row height in points. */
export const STANDARD_WIDTH = 48;
export const STANDARD_HEIGHT = 15;

export const H_ALIGN = [
  'General',
  'Left',
  'Center',
  'Right',
  'Fill',
  'Justify',
  'CenterAcrossSelection',
  'Distributed',
];
export const V_ALIGN = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'];
export const BORDER_LINE_STYLES = [
  'None',
  'Continuous',
  'Dash',
  'DashDot',
  'DashDotDot',
  'Dot',
  'Double',
  'SlantDashDot',
];
export const BORDER_WEIGHTS = ['Hairline', 'Thin', 'Medium', 'Thick'];

/** A few common HTML color names Excel accepts; other names are refused (InvalidArgument). */
const NAMED_COLORS: Record<string, string> = {
  black: '#000000',
  white: '#FFFFFF',
  red: '#FF0000',
  green: '#008000',
  lime: '#00FF00',
  blue: '#0000FF',
  yellow: '#FFFF00',
  orange: '#FFA500',
  purple: '#800080',
  gray: '#808080',
  grey: '#808080',
  lightgray: '#D3D3D3',
  lightgrey: '#D3D3D3',
  darkgray: '#A9A9A9',
  silver: '#C0C0C0',
  navy: '#000080',
  maroon: '#800000',
  teal: '#008080',
  aqua: '#00FFFF',
  cyan: '#00FFFF',
  fuchsia: '#FF00FF',
  magenta: '#FF00FF',
  olive: '#808000',
  pink: '#FFC0CB',
  brown: '#A52A2A',
  lightyellow: '#FFFFE0',
  lightblue: '#ADD8E6',
  lightgreen: '#90EE90',
};

/** '#rgb', '#rrggbb' or a color name → '#RRGGBB' (Excel reads colors back upper-case); null when unknown. */
export function normalizeColor(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  const s = input.trim();
  let m = /^#?([0-9a-fA-F]{6})$/.exec(s);
  if (m) return `#${m[1].toUpperCase()}`;
  m = /^#([0-9a-fA-F]{3})$/.exec(s);
  if (m)
    return `#${m[1]
      .split('')
      .map((c) => c + c)
      .join('')
      .toUpperCase()}`;
  return NAMED_COLORS[s.toLowerCase()] ?? null;
}

export function withStyle(style: CellStyle | undefined, patch: Partial<CellStyle>): CellStyle | undefined {
  const next: CellStyle = { ...(style ?? {}), ...patch };
  for (const k of Object.keys(next) as (keyof CellStyle)[]) if (next[k] === undefined) delete next[k];
  return Object.keys(next).length ? next : undefined;
}
