/**
 * The domain of the Fachkräfte API as zod/mini schemas and the types inferred from them.
 * zod/mini, not classic zod: no `new Function`, so nothing trips a strict CSP, and about a
 * quarter of the size in a browser bundle.
 */
export {
  Address, BUNDESLAENDER, Bundesland, Email, HttpUrl, Phone, Position, Slug,
} from './common.js';
export { DatePrecision, parsePartialDate, PartialDate, partialDateRange } from './partial-date.js';
export { Person } from './person.js';
export { FocusArea, FocusAreaRef, ProjectGroup } from './focus-area.js';
export {
  Member, Membership, MembershipRole, Organisation, ORGANISATION_TYPE_LABELS, ORGANISATION_TYPES,
  OrganisationType,
} from './organisation.js';
export {
  AllianceInput, AlliancePatch, ApiKeyInput, EventInput, EventPatch, MembershipInput, OrganisationInput,
  OrganisationPatch,
} from './input.js';
export {
  ApiKey, ApiKeyCreated, Change, ChangeActor, ChangeKind, ChangePage, ImportReport, OrganisationDetail,
} from './admin.js';
export { Alliance, AllianceKind, Coordinator } from './alliance.js';
export {
  DateTime, Event, EVENT_CATEGORIES, EVENT_CATEGORY_LABELS, EventCategory, EventStatus, previousStartProblem,
  Recurrence, Venue,
} from './event.js';
export { InvalidParam, Problem, PROBLEM_TYPES } from './problem.js';
export {
  AlliancePage, DEFAULT_LIMIT, EventPage, FocusAreaPage, MAX_LIMIT, MemberPage, OrganisationPage, page,
} from './list.js';
export {
  AllianceFilters, ChangeFilters, EventFilters, FocusAreaFilters, MemberFilters, OrganisationFilters, Paging,
} from './filters.js';
export { formatIssues } from './format-issues.js';
// parseRule (the supported RRULE subset) is `@fachkraefte/schema/rrule`: exported from here, every
// widget's shared chunk would carry it, as bundlers place a module by what can reach it.

