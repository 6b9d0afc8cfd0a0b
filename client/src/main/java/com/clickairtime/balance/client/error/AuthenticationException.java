package com.clickairtime.balance.client.error;

import java.time.Duration;
import java.util.Map;

/** HTTP 401: the key is missing, malformed, unknown, expired or revoked (INVALID_API_KEY, EXPIRED_API_KEY, REVOKED_API_KEY). */
public class AuthenticationException extends BalanceApiException {

    public AuthenticationException(int status, String code, String errorMessage, Map<String, Object> details, String requestId,
              Duration retryAfter) {
        super(status, code, errorMessage, details, requestId, retryAfter);
    }
}
