package com.clickairtime.balance.server.support.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An error the API documents, by its {@code error.code}: it becomes the error envelope with the
 * status and message the spec gives that code. Throw it from a controller, an interceptor or a
 * service; a filter writes it with {@link ErrorEnvelopes#write}.
 */
public class ApiException extends RuntimeException {

    private final String code;
    private final Map<String, Object> details;

    public ApiException(String code) {
        this(code, Map.of());
    }

    public ApiException(String code, Map<String, ?> details) {
        super(code, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        // In the order given, on every start: Map.copyOf's order changes with the JVM's hash seed.
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** The {@code error.code}, e.g. {@code WALLET_NOT_FOUND}. */
    public String code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }
}
