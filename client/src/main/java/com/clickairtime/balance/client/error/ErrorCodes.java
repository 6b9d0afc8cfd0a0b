package com.clickairtime.balance.client.error;

/** The {@code error.code} values the API documents. The set is open: compare, do not switch exhaustively. */
public final class ErrorCodes {

    public static final String INVALID_API_KEY = "INVALID_API_KEY";
    public static final String EXPIRED_API_KEY = "EXPIRED_API_KEY";
    public static final String REVOKED_API_KEY = "REVOKED_API_KEY";
    public static final String IP_NOT_ALLOWED = "IP_NOT_ALLOWED";
    public static final String INSUFFICIENT_PERMISSIONS = "INSUFFICIENT_PERMISSIONS";
    public static final String WALLET_NOT_FOUND = "WALLET_NOT_FOUND";
    public static final String RATE_LIMIT_EXCEEDED = "RATE_LIMIT_EXCEEDED";
    /** The name the platform's rate-limit guide uses for {@link #RATE_LIMIT_EXCEEDED}. */
    public static final String RATE_LIMITED = "RATE_LIMITED";
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";

    private ErrorCodes() {
    }
}
