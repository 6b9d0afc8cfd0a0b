import { maskIn } from './apiKey';

/** The rate-limit headers of a response: the window's limit, what is left, and when it resets. */
export interface RateLimit {
  readonly limit: number;
  readonly remaining: number;
  readonly reset: Date;
}

/** Every failure of a call. */
export class BalanceClientError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** No response at all: the connection failed or was cut, after the retries the policy allows. */
export class BalanceTransportError extends BalanceClientError {}

/**
 * The API answered with an error. Branch on `code` (or on the subclass), never on the message.
 * Codes are an open set: a code this SDK does not know still arrives here.
 */
export class BalanceApiError extends BalanceClientError {
  /** The HTTP status. */
  readonly status: number;
  /** `error.code`, e.g. `WALLET_NOT_FOUND`; undefined only for a body that was not the error envelope. */
  readonly code: string | undefined;
  /** `error.message`: for people, not for branching. */
  readonly errorMessage: string | undefined;
  readonly details: Readonly<Record<string, unknown>>;
  /** `meta.request_id`, when the body had one: quote it to support. */
  readonly requestId: string | undefined;
  /** The `Retry-After` header in seconds, when the response had one. */
  readonly retryAfterSeconds: number | undefined;
  /** The response's rate-limit headers, when it had all three. */
  readonly rateLimit: RateLimit | undefined;

  constructor(fields: ErrorFields) {
    super(fields.code === undefined
      ? `HTTP ${fields.status}: the body is not the API's error envelope`
      : `HTTP ${fields.status} ${fields.code}: ${fields.errorMessage}` + (fields.requestId ? ` (request_id ${fields.requestId})` : ''));
    this.status = fields.status;
    this.code = fields.code;
    this.errorMessage = fields.errorMessage;
    this.details = Object.freeze({ ...(fields.details || {}) });
    this.requestId = fields.requestId;
    this.retryAfterSeconds = fields.retryAfterSeconds;
    this.rateLimit = fields.rateLimit;
  }
}

/** 401: the key is missing, malformed, unknown, expired or revoked. */
export class AuthenticationError extends BalanceApiError {}
/** 403: the key may not do this, or not from this address. */
export class PermissionDeniedError extends BalanceApiError {}
/** 404. */
export class NotFoundError extends BalanceApiError {}
/** 429: `retryAfterSeconds` says how long to wait. */
export class RateLimitedError extends BalanceApiError {}
/** 5xx: a fault of the server. */
export class ServerError extends BalanceApiError {}
/** An answer whose body is not the API's error envelope (a gateway's page, say); `code` is undefined. */
export class UnexpectedResponseError extends BalanceApiError {}

export interface ErrorFields {
  status: number;
  code?: string;
  errorMessage?: string;
  details?: Record<string, unknown>;
  requestId?: string;
  retryAfterSeconds?: number;
  rateLimit?: RateLimit;
}

// One class per status family a caller handles differently: the SDK's design, as in the Java SDK.
function classFor(status: number): new (fields: ErrorFields) => BalanceApiError {
  switch (status) {
    case 401: return AuthenticationError;
    case 403: return PermissionDeniedError;
    case 404: return NotFoundError;
    case 429: return RateLimitedError;
    default: return status >= 500 ? ServerError : BalanceApiError;
  }
}

/** Seconds, or an HTTP-date (RFC 9110, section 10.2.3); anything else is ignored. */
export function retryAfterSeconds(headers: Headers): number | undefined {
  const value = (headers.get('Retry-After') || '').trim();
  if (value === '') return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

export function rateLimitOf(headers: Headers): RateLimit | undefined {
  const number = (name: string) => {
    const value = (headers.get(name) || '').trim();
    return /^\d+$/.test(value) ? Number(value) : undefined;
  };
  const limit = number('X-RateLimit-Limit');
  const remaining = number('X-RateLimit-Remaining');
  const reset = number('X-RateLimit-Reset');
  if (limit === undefined || remaining === undefined || reset === undefined) return undefined;
  return Object.freeze({ limit, remaining, reset: new Date(reset * 1000) });
}

/** The typed error for an error response: the class for its status, or UnexpectedResponseError. */
export async function errorFromResponse(response: Response, key: string): Promise<BalanceApiError> {
  const text = await response.text().catch(() => '');
  const common = {
    status: response.status,
    retryAfterSeconds: retryAfterSeconds(response.headers),
    rateLimit: rateLimitOf(response.headers),
  };
  let envelope: any;
  try {
    envelope = JSON.parse(text);
  } catch {
    envelope = undefined;
  }
  const error = envelope && typeof envelope === 'object' ? envelope.error : undefined;
  if (!error || typeof error.code !== 'string') {
    return new UnexpectedResponseError(common);
  }
  const requestId = envelope.meta && typeof envelope.meta.request_id === 'string' ? envelope.meta.request_id : undefined;
  const Type = classFor(response.status);
  return new Type({
    ...common,
    code: error.code,
    errorMessage: typeof error.message === 'string' ? maskIn(error.message, key) : undefined,
    details: error.details && typeof error.details === 'object' ? error.details : {},
    requestId,
  });
}
