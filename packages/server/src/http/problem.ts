import { type InvalidParam, type Problem, PROBLEM_TYPES } from '@fachkraefte/schema';

const TITLES: Record<number, [string, string]> = {
  400: ['Bad Request', PROBLEM_TYPES.badRequest],
  401: ['Unauthorized', PROBLEM_TYPES.unauthorized],
  403: ['Forbidden', PROBLEM_TYPES.forbidden],
  404: ['Not Found', PROBLEM_TYPES.notFound],
  405: ['Method Not Allowed', PROBLEM_TYPES.methodNotAllowed],
  409: ['Conflict', PROBLEM_TYPES.conflict],
  413: ['Content Too Large', PROBLEM_TYPES.payloadTooLarge],
  415: ['Unsupported Media Type', PROBLEM_TYPES.unsupportedMediaType],
  429: ['Too Many Requests', PROBLEM_TYPES.tooManyRequests],
  500: ['Internal Server Error', PROBLEM_TYPES.internal],
  501: ['Not Implemented', 'about:blank'],
  503: ['Service Unavailable', PROBLEM_TYPES.internal],
};

/**
 * An error a route throws to answer with RFC 9457 problem details. Its `detail` and `errors` are
 * written for the API user; nothing internal (stack, SQL) ever goes into them.
 */
export class HttpProblem extends Error {
  override name = 'HttpProblem';
  constructor(
    readonly status: keyof typeof TITLES & number,
    readonly detail: string,
    readonly errors?: InvalidParam[],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }

  toProblem(instance?: string): Problem {
    const [title, type] = TITLES[this.status] ?? ['Error', 'about:blank'];
    return {
      type, title, status: this.status, detail: this.detail,
      ...(instance ? { instance } : {}),
      ...(this.errors?.length ? { errors: this.errors } : {}),
    };
  }
}

/** 400 with the parameters that are wrong; the detail names the first few. */
export function badRequest(errors: InvalidParam[]): HttpProblem {
  const shown = errors.slice(0, 3).map((e) => `${e.parameter}: ${e.message}`).join('; ');
  return new HttpProblem(400, errors.length > 3 ? `${shown}; and ${errors.length - 3} more` : shown, errors);
}

export const notFound = (what: string) => new HttpProblem(404, `${what} does not exist.`);
