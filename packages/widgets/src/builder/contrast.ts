/**
 * WCAG 2.1 contrast of sRGB colours, for the builder's accent colour check.
 * @module
 */

/** `#rrggbb` (or `#rgb`) as three 0–255 channels; null when it is not one. */
export function parseHex(text: string): [number, number, number] | null {
  const m = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(text.trim());
  if (!m) return null;
  const hex = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** `#rrggbb`, lower case, of a colour the user typed; null when it is not one. */
export function normalizeHex(text: string): string | null {
  const rgb = parseHex(text);
  return rgb ? `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}` : null;
}

/** Relative luminance (WCAG 2.1, 1.4.3). */
export function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** The contrast ratio of two colours, 1 to 21. */
export function contrastRatio(a: [number, number, number], b: [number, number, number]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** WCAG AA for normal text. */
export const AA = 4.5;

const WHITE: [number, number, number] = [255, 255, 255];
const BLACK: [number, number, number] = [0, 0, 0];

/** What the builder shows for an accent colour. */
export interface AccentCheck {
  accent: string;
  /** The text colour on accent-coloured buttons: white, unless black contrasts more. */
  text: '#ffffff' | '#000000';
  /** Contrast of {@link text} on the accent. */
  textOnAccent: number;
  /** Contrast of the accent (links, focus ring) on the white background. */
  accentOnWhite: number;
}

/** The contrast figures of an accent colour, or null when `hex` is not a colour. */
export function checkAccent(hex: string): AccentCheck | null {
  const accent = normalizeHex(hex);
  if (!accent) return null;
  const rgb = parseHex(accent)!;
  const onWhite = contrastRatio(rgb, WHITE);
  const onBlack = contrastRatio(rgb, BLACK);
  const white = onWhite >= onBlack;
  return { accent, text: white ? '#ffffff' : '#000000', textOnAccent: white ? onWhite : onBlack, accentOnWhite: onWhite };
}

/** A ratio as people read it: rounded down to one decimal, so 4.46 never shows as a passing 4.5. */
export function formatRatio(ratio: number, locale: 'de' | 'en'): string {
  const shown = Math.floor(ratio * 10) / 10;
  return `${shown.toLocaleString(locale === 'de' ? 'de-DE' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} : 1`;
}
