package com.clickairtime.balance.sandbox.error;

/**
 * The error codes the sandbox answers with. Their statuses and messages are the spec's
 * ({@link ErrorCatalog}); the sandbox does not start if the spec lacks one of them.
 */
public enum ErrorCode {
    INVALID_API_KEY,
    EXPIRED_API_KEY,
    REVOKED_API_KEY,
    IP_NOT_ALLOWED,
    INSUFFICIENT_PERMISSIONS,
    WALLET_NOT_FOUND,
    RATE_LIMIT_EXCEEDED,
    INTERNAL_ERROR,

    // Outside the two operations: the parser, routing, methods, content negotiation and the protocol.
    MALFORMED_REQUEST,
    INVALID_PARAMETER,
    NOT_FOUND,
    METHOD_NOT_ALLOWED,
    NOT_ACCEPTABLE,
    HTTP_VERSION_NOT_SUPPORTED;

    /** The code for a status that the container or Spring raised outside the API's own checks. */
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
