package com.clickairtime.balance.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/** The spec under test, and edited copies of it for the checks that must be able to fail: no spec file is ever copied. */
public final class SpecFixture {

    public static final BalanceSpec SPEC = BalanceSpec.load();

    private SpecFixture() {
    }

    /** A copy of the spec with one edit applied to its raw tree. */
    public static BalanceSpec edited(Consumer<ObjectNode> edit) {
        return edited(SPEC, edit);
    }

    /** A copy of any spec with one edit applied to its raw tree. */
    public static BalanceSpec edited(BalanceSpec spec, Consumer<ObjectNode> edit) {
        ObjectNode copy = spec.raw().deepCopy();
        edit.accept(copy);
        return parse(copy);
    }

    /** A spec written out from a tree, and read back as the build reads balance.yaml. */
    public static BalanceSpec parse(JsonNode tree) {
        try {
            return BalanceSpec.parse(BalanceSpec.EXACT_YAML.writeValueAsString(tree));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode object(JsonNode root, String pointer) {
        JsonNode node = root.at(pointer);
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalArgumentException("no object at " + pointer);
        }
        return object;
    }
}
