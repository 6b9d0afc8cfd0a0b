package com.clickairtime.balance.client.error;

import java.time.Duration;
import java.util.Map;

/** HTTP 403: the key lacks the permission, or may not be used from this address (INSUFFICIENT_PERMISSIONS, IP_NOT_ALLOWED). */
public class PermissionDeniedException extends BalanceApiException {

    public PermissionDeniedException(int status, String code, String errorMessage, Map<String, Object> details, String requestId,
              Duration retryAfter) {
        super(status, code, errorMessage, details, requestId, retryAfter);
    }
}
