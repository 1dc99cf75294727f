/**
 * `@fachkraefte/widgets`: the classes, events and helpers, without registering any element.
 * Register by importing `@fachkraefte/widgets/alliance-directory.js` (or `event-calendar.js`,
 * `member-map.js`), or load the CDN autoloader.
 *
 * Left out on purpose: the internal SDK adapter and the base class's helpers, which may change
 * between minor versions.
 *
 * @module
 */
export { default as FkAllianceDirectory } from './components/alliance-directory/alliance-directory.component.js';
export { default as FkEventCalendar } from './components/event-calendar/event-calendar.component.js';
export { default as FkMemberMap } from './components/member-map/member-map.component.js';
export { FkElement } from './internal/fk-element.js';
export { defineElement } from './internal/define.js';
export { safeHttpUrl } from './internal/safe-url.js';
export { API_META } from './internal/config.js';
export { FK_ERROR_CODES, fkErrorEvent, fkSelectEvent } from './events/index.js';
export type { FkErrorCode, FkErrorDetail, FkErrorEvent, FkSelectDetail, FkSelectEvent } from './events/index.js';
export { LOCALES } from './translations/index.js';
export type { Locale, Translation } from './translations/index.js';
