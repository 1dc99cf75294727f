/**
 * The widgets take the organisation types and event categories from their own German catalogs (so
 * that their first download carries no module of the schema package, see translations/catalog.ts):
 * these must be the API's lists, in the API's order (filters and marker colours follow it).
 */
import { EVENT_CATEGORIES, EVENT_CATEGORY_LABELS, ORGANISATION_TYPES } from '@fachkraefte/schema';
import { describe, expect, it } from 'vitest';
import { de as calendar, EVENT_CATEGORIES as CALENDAR_CATEGORIES } from '../src/components/event-calendar/event-calendar.i18n.js';
import { ORGANISATION_TYPES as WIDGET_TYPES } from '../src/translations/catalog.js';

describe("the widgets' lists of the API's codes", () => {
  it('name every organisation type, in the order of the schema', () => {
    expect(WIDGET_TYPES).toEqual([...ORGANISATION_TYPES]);
  });

  it('name every event category in the order of the schema, with its German labels', () => {
    expect(CALENDAR_CATEGORIES).toEqual([...EVENT_CATEGORIES]);
    expect(calendar.categories).toEqual(EVENT_CATEGORY_LABELS);
  });
});
