package com.clickairtime.balance.sandbox.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** An error the API documents; it becomes the error envelope with the code's status and message. */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final Map<String, Object> details;

    public ApiException(ErrorCode code) {
        this(code, Map.of());
    }

    public ApiException(ErrorCode code, Map<String, Object> details) {
        super(code.name(), null, false, false);
        this.code = code;
        // In the order given, on every start: Map.copyOf's order changes with the JVM's hash seed.
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }
}
