package com.clickairtime.balance.client.error;

import java.time.Duration;
import java.util.Map;

/** HTTP 429: the key's budget for this minute is spent (RATE_LIMIT_EXCEEDED, also seen as RATE_LIMITED); see retryAfter(). */
public class RateLimitedException extends BalanceApiException {

    public RateLimitedException(int status, String code, String errorMessage, Map<String, Object> details, String requestId,
              Duration retryAfter) {
        super(status, code, errorMessage, details, requestId, retryAfter);
    }
}
