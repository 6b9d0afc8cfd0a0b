package com.clickairtime.balance.client.error;

import java.time.Duration;
import java.util.Map;

/** HTTP 5xx: the API failed (INTERNAL_ERROR and others). */
public class ServerErrorException extends BalanceApiException {

    public ServerErrorException(int status, String code, String errorMessage, Map<String, Object> details, String requestId,
              Duration retryAfter) {
        super(status, code, errorMessage, details, requestId, retryAfter);
    }
}
