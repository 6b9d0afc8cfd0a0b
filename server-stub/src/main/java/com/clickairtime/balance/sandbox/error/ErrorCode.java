package com.clickairtime.balance.sandbox.error;

import java.util.Objects;

/**
 * An {@code error.code} of the spec. The codes, their statuses and their messages are the
 * spec's ({@link ErrorCatalog}); no list of them is kept here. The parts of the sandbox whose
 * behaviour answers with a code name it where they raise it, and {@link ErrorCatalog#require}
 * stops the start when the spec no longer documents it. A code that only a documented case
 * shows (a new error example) needs no code at all: that case is answered from its example.
 *
 * @param name the code as it goes on the wire, e.g. {@code WALLET_NOT_FOUND}
 */
public record ErrorCode(String name) {

    public ErrorCode {
        Objects.requireNonNull(name, "name");
    }

    public static ErrorCode of(String name) {
        return new ErrorCode(name);
    }

    /**
     * The code for a status that the container or Spring raised outside the API's own checks:
     * the caller's mistakes under the generic codes of their statuses, anything else a fault.
     */
    public static ErrorCode forStatus(int status) {
        return of(switch (status) {
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 401 -> "INVALID_API_KEY";
            case 429 -> "RATE_LIMIT_EXCEEDED";
            case 505 -> "HTTP_VERSION_NOT_SUPPORTED";
            // Tomcat's 501 is a request it cannot process (an unknown transfer coding): the caller's mistake.
            case 501 -> "MALFORMED_REQUEST";
            default -> status >= 400 && status < 500 ? "MALFORMED_REQUEST" : "INTERNAL_ERROR";
        });
    }

    @Override
    public String toString() {
        return name;
    }
}
