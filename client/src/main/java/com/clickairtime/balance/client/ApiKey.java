package com.clickairtime.balance.client;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An API key. Its {@code toString()} is masked, so it cannot leak through logging,
 * string concatenation or an exception message by accident.
 */
public final class ApiKey {

    /** The spec's x-key-pattern, generated into {@link ApiKeyFormat} with the operations. */
    static final Pattern FORMAT = Pattern.compile(ApiKeyFormat.PATTERN);
    private static final String PREFIX = ApiKeyFormat.PREFIX;

    private final String value;

    private ApiKey(String value) {
        this.value = value;
    }

    /**
     * @throws IllegalArgumentException if the key does not have the spec's format ({@code x-key-pattern});
     *                                  the message never repeats the key
     */
    public static ApiKey of(String value) {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("an API key is " + ApiKeyFormat.DESCRIPTION);
        }
        return new ApiKey(value);
    }

    /** The key's prefix and its last four characters, the rest hidden: {@code ce_live_…0001}. */
    public String masked() {
        return hidden(value.substring(PREFIX.length()));
    }

    /** The last four characters only of a long enough secret, so that what shows can never be most of it. */
    private static String hidden(String secret) {
        return PREFIX + "\u2026" + (secret.length() > 8 ? secret.substring(secret.length() - 4) : "");
    }

    /**
     * Anything that starts like a key, valid or not: a key can come back quoted in a URL, a proxy's page or a
     * parser's message. What follows the prefix is taken as far as a bearer token's characters go (RFC 6750's
     * b64token), whatever the key format, so that no part of a key in any format is left in clear.
     */
    private static final Pattern KEY_LIKE = Pattern.compile(Pattern.quote(PREFIX) + "([A-Za-z0-9._~+/-]*=*)");

    /** The text with every key-like token masked as {@link #masked()} would show it. */
    public static String maskIn(String text) {
        if (!mayHoldKey(text)) {
            return text;
        }
        Matcher key = KEY_LIKE.matcher(text);
        StringBuilder masked = new StringBuilder();
        while (key.find()) {
            key.appendReplacement(masked, Matcher.quoteReplacement(hidden(key.group(1))));
        }
        return key.appendTail(masked).toString();
    }

    /** Whether {@link #maskIn} would change the text: only text with the key's prefix in it can hold a key. */
    static boolean mayHoldKey(String text) {
        return text != null && text.contains(PREFIX);
    }

    String authorization() {
        return "Bearer " + value;
    }

    @Override
    public String toString() {
        return masked();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiKey && ((ApiKey) other).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
