package com.clickairtime.balance.sandbox.error;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.clickairtime.balance.openapi.DocumentedError;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The status and message of each {@link ErrorCode}, read from the spec at start-up: a message
 * changed in balance.yaml is what the sandbox sends on its next start, and a code the spec
 * does not document stops the start.
 */
@Component
public class ErrorCatalog {

    private final Map<ErrorCode, DocumentedError> errors = new EnumMap<>(ErrorCode.class);

    public ErrorCatalog(BalanceSpec spec) {
        Map<String, DocumentedError> documented = spec.errors();
        List<String> undocumented = Stream.of(ErrorCode.values()).map(Enum::name)
                .filter(code -> !documented.containsKey(code)).toList();
        if (!undocumented.isEmpty()) {
            throw new IllegalStateException("The sandbox answers with error codes that balance.yaml does not document: "
                    + undocumented + ". Give each an error example in a response, or an entry in "
                    + "components.x-generic-errors, with its status and message.");
        }
        for (ErrorCode code : ErrorCode.values()) {
            errors.put(code, documented.get(code.name()));
        }
    }

    public int status(ErrorCode code) {
        return errors.get(code).status();
    }

    public String message(ErrorCode code) {
        return errors.get(code).message();
    }
}
