/**
 * What the widgets use of `@fachkraefte/sdk`, as one module that api.ts and fk.js import on demand:
 * a dynamic import of the package itself would keep every export of it (no tree shaking of a
 * namespace), this keeps these.
 *
 * @module
 */
export {
  createClient,
  isApiError,
  isNetworkError,
  isNotFoundError,
  isResponseValidationError,
  isTimeoutError,
} from '@fachkraefte/sdk';
