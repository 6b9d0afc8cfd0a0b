package com.clickairtime.balance.client.error;

import com.clickairtime.balance.client.ApiKey;

import java.time.Duration;

/**
 * An error response whose body is not the API's JSON envelope, such as a proxy's HTML 502.
 * It carries the status and a short excerpt of the body.
 */
public class UnexpectedResponseException extends BalanceApiException {

    static final int EXCERPT_LENGTH = 200;

    private final String bodyExcerpt;

    public UnexpectedResponseException(int status, String body, Duration retryAfter) {
        super(status, "HTTP " + status + " with a body that is not the API's JSON error envelope: " + excerpt(body),
                retryAfter);
        this.bodyExcerpt = excerpt(body);
    }

    /** The first characters of the body, white space folded. */
    public String bodyExcerpt() {
        return bodyExcerpt;
    }

    private static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "[no body]";
        }
        // A proxy's page can echo the request, key included.
        String folded = ApiKey.maskIn(body.replaceAll("\\s+", " ").strip());
        return folded.length() <= EXCERPT_LENGTH ? folded : folded.substring(0, EXCERPT_LENGTH) + "\u2026";
    }
}
