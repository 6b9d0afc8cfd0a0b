package com.clickairtime.balance.server.support.error;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.clickairtime.balance.openapi.DocumentedError;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The status and message of every error code the spec documents (its error examples and
 * {@code components.x-generic-errors}), read from the balance-openapi jar at start-up: the codes
 * are the spec's, and no list of them is kept here.
 */
public class ErrorCatalog {

    private final Map<String, DocumentedError> documented;

    public ErrorCatalog(BalanceSpec spec) {
        this.documented = spec.errors();
    }

    /** Stops the start when the spec does not document one of these codes: they would fail on their first request. */
    public void require(String... codes) {
        List<String> undocumented = Stream.of(codes).filter(code -> !documented.containsKey(code)).distinct().toList();
        if (!undocumented.isEmpty()) {
            throw new IllegalStateException("These error codes are not documented in balance.yaml: " + undocumented
                    + "; the documented ones are " + documented.keySet());
        }
    }

    public boolean documents(String code) {
        return documented.containsKey(code);
    }

    public DocumentedError error(String code) {
        DocumentedError error = documented.get(code);
        if (error == null) {
            throw new IllegalArgumentException("balance.yaml does not document the error code " + code
                    + "; the documented ones are " + documented.keySet());
        }
        return error;
    }
}
