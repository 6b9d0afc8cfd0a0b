package com.clickairtime.balance.client.error;

import java.time.Duration;
import java.util.Map;

/** HTTP 404: for a wallet, it does not exist or is not yours (WALLET_NOT_FOUND). */
public class NotFoundException extends BalanceApiException {

    public NotFoundException(int status, String code, String errorMessage, Map<String, Object> details, String requestId,
              Duration retryAfter) {
        super(status, code, errorMessage, details, requestId, retryAfter);
    }
}
