export { FK_ERROR_CODES, fkErrorEvent } from './fk-error.js';
export type { FkErrorCode, FkErrorDetail, FkErrorEvent } from './fk-error.js';
export { fkSelectEvent } from './fk-select.js';
export type { FkSelectDetail, FkSelectEvent } from './fk-select.js';
