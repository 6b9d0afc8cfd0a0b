/**
 * When to try a call again. Every operation is an idempotent GET, so a retry is always safe; it is
 * bounded all the same.
 *
 * - Retried by default: 429, 502, 503 and 504, with or without the API's JSON envelope (a gateway's
 *   page counts), and no response at all (connection refused or cut).
 * - The wait: what `Retry-After` says, unless that is longer than `maxRetryAfterMs`: then fail at once
 *   rather than block. Without the header, exponential backoff with full jitter.
 * - Anything else, 500 and every other 4xx included: no retry.
 */
export interface RetryOptions {
  /** Retries after the first try; 0 makes every failure final. Default 2. */
  maxRetries?: number;
  /** The first backoff ceiling without `Retry-After`. Default 200 ms. */
  initialBackoffMs?: number;
  /** The largest backoff ceiling. Default 2 s. */
  maxBackoffMs?: number;
  /** The longest `Retry-After` waited out; a longer one fails the call at once. Default 10 s. */
  maxRetryAfterMs?: number;
  /** Which failures are retried, instead of `isRetryableByDefault`; the count and waits still apply. */
  retryIf?: (failure: Failure) => boolean;
}

/** What a try ended with: a status, or no response at all. */
export interface Failure {
  status?: number;
  error?: unknown;
  retryAfterSeconds?: number;
}

export function isRetryableByDefault(failure: Failure): boolean {
  if (failure.status === undefined) return true;
  return [429, 502, 503, 504].includes(failure.status);
}

export class RetryPolicy {
  readonly maxRetries: number;
  readonly initialBackoffMs: number;
  readonly maxBackoffMs: number;
  readonly maxRetryAfterMs: number;
  private readonly retryIf: (failure: Failure) => boolean;

  constructor(options: RetryOptions = {}) {
    this.maxRetries = whole(options.maxRetries ?? 2, 'maxRetries');
    this.initialBackoffMs = whole(options.initialBackoffMs ?? 200, 'initialBackoffMs');
    this.maxBackoffMs = whole(options.maxBackoffMs ?? 2000, 'maxBackoffMs');
    this.maxRetryAfterMs = whole(options.maxRetryAfterMs ?? 10000, 'maxRetryAfterMs');
    this.retryIf = options.retryIf ?? isRetryableByDefault;
  }

  /** Milliseconds to wait before the next try, or undefined to give up. */
  delayBeforeRetry(retriesSoFar: number, failure: Failure): number | undefined {
    if (retriesSoFar >= this.maxRetries || !this.retryIf(failure)) return undefined;
    if (failure.retryAfterSeconds !== undefined) {
      const wait = failure.retryAfterSeconds * 1000;
      return wait <= this.maxRetryAfterMs ? wait : undefined;
    }
    const ceiling = Math.min(this.maxBackoffMs, this.initialBackoffMs * 2 ** Math.min(retriesSoFar, 20));
    return Math.floor(Math.random() * (ceiling + 1));
  }
}

function whole(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number, 0 or more`);
  return value;
}
