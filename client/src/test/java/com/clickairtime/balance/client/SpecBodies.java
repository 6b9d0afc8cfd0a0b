package com.clickairtime.balance.client;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.clickairtime.balance.openapi.ExampleCase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;

/** Response bodies for the stubs, taken from the spec's examples (and edited where a test needs it). */
final class SpecBodies {

    static final BalanceSpec SPEC = BalanceSpec.load();
    static final List<ExampleCase> CASES = SPEC.cases();

    private SpecBodies() {
    }

    static ExampleCase named(String contractName) {
        return CASES.stream().filter(c -> c.contractName().equals(contractName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no example pair " + contractName));
    }

    /** The single {@code example} of a shared response, e.g. {@code TooManyRequests}. */
    static JsonNode responseExample(String response) {
        return SPEC.raw().at("/components/responses/" + response + "/content/application~1json/example");
    }

    static String json(JsonNode body) {
        try {
            return BalanceSpec.EXACT_JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String edited(JsonNode body, Consumer<ObjectNode> edit) {
        ObjectNode copy = body.deepCopy();
        edit.accept(copy);
        return json(copy);
    }
}
