package com.clickairtime.balance.verifier.check;

import java.util.Locale;

/**
 * A {@code Content-Type} against the documented media type, as a conforming client reads it: the
 * type and subtype in any case, and no parameter other than {@code charset=utf-8} (RFC 9110 §8.3.1:
 * parameter names and the charset value are case-insensitive, the value may be quoted). Many
 * frameworks write {@code application/json;charset=UTF-8}; JSON is UTF-8 anyway (RFC 8259 §8.1).
 */
final class ContentTypes {

    private ContentTypes() {
    }

    static boolean sameOrUtf8(String documented, String actual) {
        if (actual == null) {
            return false;
        }
        String[] parts = actual.split(";", -1);
        if (!parts[0].strip().equalsIgnoreCase(documented)) {
            return false;
        }
        if (parts.length == 1) {
            return true;
        }
        if (parts.length > 2) {
            return false;
        }
        String parameter = parts[1].strip();
        int eq = parameter.indexOf('=');
        if (eq < 0 || !parameter.substring(0, eq).strip().equalsIgnoreCase("charset")) {
            return false;
        }
        String value = parameter.substring(eq + 1).strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        return value.toLowerCase(Locale.ROOT).equals("utf-8");
    }
}
