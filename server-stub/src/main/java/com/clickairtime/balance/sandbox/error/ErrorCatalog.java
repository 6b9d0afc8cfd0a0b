package com.clickairtime.balance.sandbox.error;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.clickairtime.balance.openapi.DocumentedError;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The status and message of every error code the spec documents, read at start-up: a message
 * changed in balance.yaml is what the sandbox sends on its next start, and a code documented
 * anew is one the sandbox can send. A code that the sandbox's own behaviour answers with and
 * the spec no longer documents stops the start ({@link #require}).
 */
@Component
public class ErrorCatalog {

    private final Map<String, DocumentedError> documented;
    private final Set<ErrorCode> required = new ConcurrentSkipListSet<>(Comparator.comparing(ErrorCode::name));

    public ErrorCatalog(BalanceSpec spec) {
        this.documented = spec.errors();
        // What the container's statuses map to is answered outside any component that could require it.
        require(IntStream.rangeClosed(400, 599).mapToObj(ErrorCode::forStatus).distinct().toArray(ErrorCode[]::new));
    }

    /**
     * Stops the start when the spec does not document one of these codes: the component that
     * answers with them would otherwise fail on its first request.
     */
    public void require(ErrorCode... codes) {
        List<String> undocumented = Stream.of(codes).map(ErrorCode::name).filter(code -> !documented.containsKey(code))
                .distinct().toList();
        required.addAll(List.of(codes));
        if (!undocumented.isEmpty()) {
            throw new IllegalStateException("The sandbox answers with error codes that balance.yaml does not document: "
                    + undocumented + ". Give each an error example in a response, or an entry in "
                    + "components.x-generic-errors, with its status and message.");
        }
    }

    /** Every code the sandbox's own behaviour answers with, as its parts required them at start. */
    public Set<ErrorCode> required() {
        return Set.copyOf(required);
    }

    public int status(ErrorCode code) {
        return error(code).status();
    }

    public String message(ErrorCode code) {
        return error(code).message();
    }

    private DocumentedError error(ErrorCode code) {
        DocumentedError error = documented.get(code.name());
        if (error == null) {
            throw new IllegalStateException("balance.yaml does not document the error code " + code.name());
        }
        return error;
    }
}
