package com.clickairtime.balance.verifier.wire;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A response as the server wrote it. The body stays bytes until a check reads it, so that nothing
 * between the server and the checks can rewrite {@code 1250.50} as {@code 1250.5}.
 */
public record WireResponse(int status, Map<String, List<String>> headers, byte[] body) {

    public WireResponse {
        // Header names are case-insensitive (RFC 9110 §5.1).
        Map<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> byName.merge(name.toLowerCase(Locale.ROOT), List.copyOf(values),
                (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList()));
        headers = java.util.Collections.unmodifiableMap(byName);
    }

    /** The header's first value, or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The body as UTF-8 text, which JSON is (RFC 8259 §8.1). */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
