import { de } from './de.js';
import { en } from './en.js';
import type { Locale, Translation } from './translation.js';

export type { Locale, Translation } from './translation.js';

/**
 * Every catalog, German first (the fallback), for pages that want the texts themselves. Importing
 * this puts every locale into a bundle: the widgets load theirs on demand through `catalog.ts`.
 */
export const LOCALES: Readonly<Record<Locale, Translation>> = { de, en };
