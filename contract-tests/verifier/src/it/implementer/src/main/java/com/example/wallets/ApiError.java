package com.example.wallets;

import java.util.Map;

/** An error the API answers with its envelope. */
class ApiError extends RuntimeException {

    final int status;
    final String code;
    final Map<String, Object> details;

    ApiError(int status, String code, String message, Map<String, Object> details) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.details = details;
    }

    ApiError(int status, String code, String message) {
        this(status, code, message, Map.of());
    }
}
