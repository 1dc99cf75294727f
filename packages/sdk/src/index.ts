/**
 * `@fachkraefte/sdk` — the typed client of the Fachkräfte API.
 *
 * Hand-picked exports. Deliberately left out: the transport and its helpers (`internal/`), ky
 * itself and its types (an implementation detail that may change), and the zod schemas (import
 * them from `@fachkraefte/schema` when you need them; the types are re-exported here).
 *
 * @packageDocumentation
 */
export { createClient } from './client.js';
export {
  ApiError, FkError, isApiError, isFkError, isNetworkError, isNotFoundError,
  isResponseValidationError, isTimeoutError, NetworkError, NotFoundError,
  ResponseValidationError, TimeoutError,
} from './errors.js';
export { occurrences } from './occurrences.js';

export type { FkClient } from './client.js';
export type { FailedRequest, ValidationIssue } from './errors.js';
export type { Page } from './internal/paginate.js';
export type { CacheOptions, ClientOptions, RequestOptions, RetryOptions } from './internal/transport.js';
export type { AlliancesResource } from './resources/alliances.js';
export type { EventQuery, EventsResource } from './resources/events.js';
export type { DateInput, IsoDate, IsoDateTime, Occurrence, OccurrenceRange } from './occurrences.js';
export type { FocusAreasResource } from './resources/focus-areas.js';
export type { OrganisationsResource } from './resources/organisations.js';
export type {
  Alliance, AllianceFilters, AllianceKind, Event, EventCategory, EventFilters, EventInput,
  EventPatch, EventStatus, FocusArea, Member, MemberFilters, Membership, MembershipInput,
  MembershipRole, Organisation, OrganisationFilters, OrganisationInput, OrganisationPatch,
  OrganisationType, Problem,
} from '@fachkraefte/schema';
