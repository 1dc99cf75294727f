/**
 * Why a widget could not show its data. Stable codes a host page can switch on; `status` carries
 * the HTTP status where there was one.
 */
export const FK_ERROR_CODES = {
  /** An attribute is missing or has a value the widget does not understand. */
  config: 'config',
  /** The API could not be reached (offline, DNS, CORS, connection refused). */
  network: 'network',
  /** The API did not answer in time. */
  timeout: 'timeout',
  /** The requested alliance (or other record) does not exist. */
  notFound: 'not-found',
  /** The API answered with another 4xx/5xx status. */
  http: 'http',
  /** The API answered, but not with data of the documented shape. */
  invalidResponse: 'invalid-response',
  /** Anything else, e.g. a rendering failure; the widget still never throws into the page. */
  unknown: 'unknown',
} as const;

/** One of {@link FK_ERROR_CODES}. */
export type FkErrorCode = (typeof FK_ERROR_CODES)[keyof typeof FK_ERROR_CODES];

/** The `detail` of an `fk-error` event. */
export interface FkErrorDetail {
  /** What kind of failure. */
  code: FkErrorCode;
  /** HTTP status, or `null` when no response arrived. */
  status: number | null;
  /** A developer-facing description (English); visitors see a translated message in the widget. */
  message: string;
  /** For `config`: the attribute at fault. */
  attribute?: string;
  /** The original error, for logging. */
  cause?: unknown;
}

/**
 * Dispatched (bubbling, composed) when a widget cannot load or show its data. The widget renders
 * the failure itself; the event lets the host page log or react. It is never thrown.
 */
export type FkErrorEvent = CustomEvent<FkErrorDetail>;

/** Creates an `fk-error` event. */
export function fkErrorEvent(detail: FkErrorDetail): FkErrorEvent {
  return new CustomEvent('fk-error', { detail, bubbles: true, composed: true });
}

declare global {
  interface GlobalEventHandlersEventMap {
    'fk-error': FkErrorEvent;
  }
}
