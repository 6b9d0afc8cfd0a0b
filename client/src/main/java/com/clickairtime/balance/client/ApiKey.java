package com.clickairtime.balance.client;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An API key. Its {@code toString()} is masked, so it cannot leak through logging,
 * string concatenation or an exception message by accident.
 */
public final class ApiKey {

    // A copy of the spec's x-key-pattern: the SDK cannot read the spec at run time. ApiKeyFormatTest pins it.
    static final Pattern FORMAT = Pattern.compile("^ce_live_[A-Za-z0-9]{32}$");

    private final String value;

    private ApiKey(String value) {
        this.value = value;
    }

    /**
     * @throws IllegalArgumentException if the key is not {@code ce_live_} + 32 letters or digits;
     *                                  the message never repeats the key
     */
    public static ApiKey of(String value) {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("an API key is ce_live_ followed by 32 letters or digits");
        }
        return new ApiKey(value);
    }

    /** The key with all but its last four characters hidden: {@code ce_live_…0001}. */
    public String masked() {
        return "ce_live_\u2026" + value.substring(value.length() - 4);
    }

    // Anything that starts like a key, valid or not: a key can come back quoted in a URL, a proxy's page or a parser's message.
    private static final Pattern KEY_LIKE = Pattern.compile("ce_live_([A-Za-z0-9]*)");

    /** The text with every key-like token masked as {@link #masked()} would show it. */
    public static String maskIn(String text) {
        if (text == null || !text.contains("ce_live_")) {
            return text;
        }
        Matcher key = KEY_LIKE.matcher(text);
        StringBuilder masked = new StringBuilder();
        while (key.find()) {
            String secret = key.group(1);
            key.appendReplacement(masked, Matcher.quoteReplacement(
                    "ce_live_\u2026" + (secret.length() > 8 ? secret.substring(secret.length() - 4) : "")));
        }
        return key.appendTail(masked).toString();
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
