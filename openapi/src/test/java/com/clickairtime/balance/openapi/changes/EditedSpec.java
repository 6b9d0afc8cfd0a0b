package com.clickairtime.balance.openapi.changes;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/** The real spec, and copies of it with one edit made to its tree: no spec file is ever copied. */
final class EditedSpec {

    static final BalanceSpec REAL = BalanceSpec.load();

    private EditedSpec() {
    }

    static BalanceSpec edited(Consumer<ObjectNode> edit) {
        return edited(REAL, edit);
    }

    static BalanceSpec edited(BalanceSpec spec, Consumer<ObjectNode> edit) {
        ObjectNode copy = spec.raw().deepCopy();
        edit.accept(copy);
        return yaml(copy);
    }

    static BalanceSpec yaml(JsonNode tree) {
        try {
            return BalanceSpec.parse(BalanceSpec.EXACT_YAML.writeValueAsString(tree));
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

    static ArrayNode array(JsonNode root, String pointer) {
        JsonNode node = root.at(pointer);
        if (!(node instanceof ArrayNode array)) {
            throw new IllegalArgumentException("no array at " + pointer);
        }
        return array;
    }

    /**
     * A property name the real spec does not use yet, so that the catalogue keeps working after
     * someone adds, say, {@code nickname} to {@code Wallet}.
     */
    static final String NEW_PROPERTY = unusedProperty("nickname");

    private static String unusedProperty(String wanted) {
        JsonNode properties = REAL.raw().at("/components/schemas/Wallet/properties");
        String name = wanted;
        for (int i = 2; properties.has(name); i++) {
            name = wanted + "_" + i;
        }
        return name;
    }

    /** Removes a name from a {@code required} list, failing if it was not there. */
    static void unrequire(JsonNode root, String schemaPointer, String name) {
        ArrayNode required = array(root, schemaPointer + "/required");
        for (int i = 0; i < required.size(); i++) {
            if (required.get(i).asText().equals(name)) {
                required.remove(i);
                return;
            }
        }
        throw new IllegalArgumentException(name + " is not required at " + schemaPointer);
    }
}
