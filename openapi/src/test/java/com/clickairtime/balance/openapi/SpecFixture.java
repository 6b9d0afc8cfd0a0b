package com.clickairtime.balance.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/** The spec under test, and edited copies of it for the checks that must be able to fail. */
final class SpecFixture {

    static final BalanceSpec SPEC = BalanceSpec.load();

    private SpecFixture() {
    }

    /** A copy of the spec with one edit applied to its raw tree. */
    static BalanceSpec edited(Consumer<ObjectNode> edit) {
        ObjectNode copy = SPEC.raw().deepCopy();
        edit.accept(copy);
        try {
            return BalanceSpec.parse(BalanceSpec.EXACT_YAML.writeValueAsString(copy));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode object(JsonNode root, String pointer) {
        JsonNode node = root.at(pointer);
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalArgumentException("no object at " + pointer);
        }
        return object;
    }
}
