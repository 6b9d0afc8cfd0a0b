package com.clickairtime.balance.sandbox.error;

/**
 * The error codes the sandbox answers with, their statuses and messages. The messages are
 * the ones of the spec's error examples; the contract tests compare them.
 */
public enum ErrorCode {
    INVALID_API_KEY(401, "The API key is missing, malformed or not recognised."),
    EXPIRED_API_KEY(401, "The API key has expired."),
    REVOKED_API_KEY(401, "The API key has been revoked."),
    IP_NOT_ALLOWED(403, "The API key may not be used from this IP address."),
    INSUFFICIENT_PERMISSIONS(403, "The API key lacks a permission that this operation requires."),
    WALLET_NOT_FOUND(404, "No wallet with this id belongs to your account."),
    RATE_LIMIT_EXCEEDED(429, "Too many requests. Wait for the number of seconds in Retry-After, then retry."),
    INTERNAL_ERROR(500, "An unexpected error occurred. Quote the request_id when you contact support."),

    // Outside the two operations: routing, methods, content negotiation and the protocol.
    MALFORMED_REQUEST(400, "The request could not be parsed."),
    NOT_FOUND(404, "There is no such resource."),
    METHOD_NOT_ALLOWED(405, "This method is not allowed here; see the Allow header."),
    NOT_ACCEPTABLE(406, "This API answers only with application/json."),
    HTTP_VERSION_NOT_SUPPORTED(505, "This server speaks HTTP/1.1 and HTTP/1.0 only.");

    private final int status;
    private final String message;

    ErrorCode(int status, String message) {
        this.status = status;
        this.message = message;
    }

    public int status() {
        return status;
    }

    public String message() {
        return message;
    }

    /** The generic code for a status raised outside the API's own checks. */
    public static ErrorCode forStatus(int status) {
        return switch (status) {
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 401 -> INVALID_API_KEY;
            case 429 -> RATE_LIMIT_EXCEEDED;
            case 505 -> HTTP_VERSION_NOT_SUPPORTED;
            // Tomcat's 501 is a request it cannot process (an unknown transfer coding): the caller's mistake.
            case 501 -> MALFORMED_REQUEST;
            default -> status >= 400 && status < 500 ? MALFORMED_REQUEST : INTERNAL_ERROR;
        };
    }
}
