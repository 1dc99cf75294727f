import { de } from './de.js';
import { en } from './en.js';
import type { Translation } from './translation.js';

export type { Translation } from './translation.js';

/** The locales the widgets ship, German first (the fallback). */
export const LOCALES = { de, en } as const satisfies Record<string, Translation>;

/** A locale code the widgets understand. */
export type Locale = keyof typeof LOCALES;
