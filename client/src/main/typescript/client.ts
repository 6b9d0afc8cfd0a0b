import { BalanceApi, Configuration, FetchAPI, Middleware } from '../index';
import { checkKey, maskIn, maskKey } from './apiKey';
import { BalanceTransportError, errorFromResponse, retryAfterSeconds } from './errors';
import { RetryOptions, RetryPolicy } from './retry';

export interface BalanceClientOptions {
  /** The API key, sent as `Authorization: Bearer <key>` and never shown in clear. */
  apiKey: string;
  /** Default: the spec's first server, production. */
  baseUrl?: string;
  /** Default: two retries, backoff from 200 ms up to 2 s, a 429 waits at most 10 s. */
  retry?: RetryOptions | RetryPolicy;
  /** Default: the platform's `fetch`. */
  fetch?: typeof fetch;
}

const inspect = Symbol.for('nodejs.util.inspect.custom');

/**
 * The Wallet Balance API client: every operation of the spec, as generated (`getBalance()`,
 * `getWalletBalance({ walletId })`, ...), with the key sent as a bearer token, retries on 429, 502,
 * 503 and 504 honouring `Retry-After`, and each error response thrown as the `BalanceApiError`
 * subclass for its status, with `code`, `requestId` and `rateLimit`.
 */
export class BalanceClient extends BalanceApi {
  readonly baseUrl: string;
  readonly retryPolicy: RetryPolicy;
  private readonly maskedKey: string;

  constructor(options: BalanceClientOptions) {
    const key = checkKey(options && options.apiKey);
    const policy = options.retry instanceof RetryPolicy ? options.retry : new RetryPolicy(options.retry);
    const platformFetch = options.fetch ?? globalThis.fetch;
    const configuration = new Configuration({
      basePath: options.baseUrl === undefined ? undefined : options.baseUrl.replace(/\/+$/, ''),
      fetchApi: retrying(key, policy, platformFetch),
      middleware: [typedErrors(key)],
    });
    super(configuration);
    this.baseUrl = configuration.basePath;
    this.retryPolicy = policy;
    this.maskedKey = maskKey(key);
  }

  toString(): string {
    return `BalanceClient{baseUrl=${this.baseUrl}, apiKey=${this.maskedKey}}`;
  }

  toJSON(): object {
    return { baseUrl: this.baseUrl, apiKey: this.maskedKey };
  }

  [inspect](): string {
    return this.toString();
  }
}

const sleep = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms));

// The key lives in this closure only: the Configuration and the client hold the function, not the key.
function retrying(key: string, policy: RetryPolicy, platformFetch: typeof fetch): FetchAPI {
  return async (url, init) => {
    const headers = new Headers(init && init.headers);
    headers.set('Authorization', `Bearer ${key}`);
    for (let retries = 0; ; retries++) {
      let response: Response;
      try {
        response = await platformFetch(url, { ...init, headers });
      } catch (error) {
        const wait = init && init.signal && init.signal.aborted ? undefined : policy.delayBeforeRetry(retries, { error });
        if (wait === undefined) throw error;
        await sleep(wait);
        continue;
      }
      if (response.ok) return response;
      const wait = policy.delayBeforeRetry(retries, {
        status: response.status,
        retryAfterSeconds: retryAfterSeconds(response.headers),
      });
      if (wait === undefined) return response;
      // Read to the end so that the connection can serve the next try.
      await response.arrayBuffer().catch(() => undefined);
      await sleep(wait);
    }
  };
}

function typedErrors(key: string): Middleware {
  return {
    async post({ response }) {
      if (response.status >= 200 && response.status < 300) return response;
      throw await errorFromResponse(response, key);
    },
    async onError({ error }) {
      const reason = error instanceof Error ? `${error.message}${causeOf(error)}` : String(error);
      throw new BalanceTransportError(`no response from the API: ${maskIn(reason, key)}`);
    },
  };
}

function causeOf(error: Error): string {
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error ? ` (${cause.message})` : '';
}
