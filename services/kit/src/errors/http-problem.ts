import { STATUS_CODES } from 'node:http';

/** One invalid input field, e.g. `{ field: 'body.price', message: 'Too small: expected number to be >0' }`. */
export interface FieldError {
  field: string;
  message: string;
}

export interface ProblemOptions {
  /** RFC 9457 extension members, merged into the body (e.g. `{ available: 3 }`). */
  extensions?: Record<string, unknown>;
  /** Per-field validation errors (400). */
  errors?: FieldError[];
  /** Seconds a client should wait before retrying (503/429): sent as `Retry-After`. */
  retryAfterSeconds?: number;
  /** Problem type URI; `about:blank` (the status' own meaning) by default. */
  type?: string;
  cause?: unknown;
}

/** An error that maps to an RFC 9457 problem+json response. Throw it from any handler. */
export class HttpProblem extends Error {
  readonly status: number;
  readonly title: string;
  readonly type: string;
  readonly extensions: Record<string, unknown> | undefined;
  readonly errors: FieldError[] | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(status: number, detail?: string, options: ProblemOptions = {}) {
    const title = STATUS_CODES[status] ?? 'Error';
    super(detail ?? title, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'HttpProblem';
    this.status = status;
    this.title = title;
    this.type = options.type ?? 'about:blank';
    this.extensions = options.extensions;
    this.errors = options.errors;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get detail(): string {
    return this.message;
  }
}

type Extensions = Record<string, unknown>;

/** Shorthands for the seed's status-code table. */
export const problem = {
  badRequest: (detail: string, errors?: FieldError[]) => new HttpProblem(400, detail, { errors }),
  unauthorized: (detail = 'authentication required') => new HttpProblem(401, detail),
  forbidden: (detail = 'not allowed') => new HttpProblem(403, detail),
  notFound: (detail = 'resource not found') => new HttpProblem(404, detail),
  conflict: (detail: string, extensions?: Extensions) => new HttpProblem(409, detail, { extensions }),
  payloadTooLarge: (detail = 'request body too large') => new HttpProblem(413, detail),
  unsupportedMediaType: (detail = 'unsupported content type') => new HttpProblem(415, detail),
  internal: (detail = 'internal error') => new HttpProblem(500, detail),
  badGateway: (detail: string, extensions?: Extensions) => new HttpProblem(502, detail, { extensions }),
  serviceUnavailable: (detail: string, retryAfterSeconds?: number) =>
    new HttpProblem(503, detail, { retryAfterSeconds }),
  gatewayTimeout: (detail: string, extensions?: Extensions) => new HttpProblem(504, detail, { extensions }),
} as const;
