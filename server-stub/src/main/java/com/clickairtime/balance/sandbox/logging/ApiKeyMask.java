package com.clickairtime.balance.sandbox.logging;

import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks anything that looks like an API key, whatever logged it: Tomcat, Spring or the
 * sandbox. A key becomes {@code ce_live_…0001}, like the SDK shows it. It is the last line
 * of defence; the first is that nothing logs request content at all.
 */
public final class ApiKeyMask {

    /** The demo keys the start-up banner prints on purpose; no other line may carry a key unmasked. */
    public static final Marker DEMO_KEYS = MarkerFactory.getMarker("DEMO_KEYS");

    // The start of the spec's x-key-pattern (ApiKeyMaskTest pins it): logging starts before the spec is read.
    static final String PREFIX = "ce_live_";
    // The prefix and whatever follows it, valid or not: a truncated real key is still secret.
    private static final Pattern KEY_LIKE = Pattern.compile(Pattern.quote(PREFIX) + "[A-Za-z0-9]*");
    private static final int SHOWN = 4;

    private ApiKeyMask() {
    }

    public static String mask(String text) {
        if (text == null || !text.contains(PREFIX)) {
            return text;
        }
        Matcher key = KEY_LIKE.matcher(text);
        StringBuilder masked = new StringBuilder(text.length());
        while (key.find()) {
            String secret = key.group().substring(PREFIX.length());
            String tail = secret.length() > 2 * SHOWN ? secret.substring(secret.length() - SHOWN) : "";
            key.appendReplacement(masked, Matcher.quoteReplacement(PREFIX + "…" + tail));
        }
        key.appendTail(masked);
        return masked.toString();
    }
}
