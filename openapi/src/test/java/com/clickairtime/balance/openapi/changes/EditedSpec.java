package com.clickairtime.balance.openapi.changes;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.clickairtime.balance.openapi.SpecFixture;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.function.Consumer;

/** The frozen fixture spec and edited copies of it (SpecFixture's), with the catalogue's own edits. */
final class EditedSpec {

    static final BalanceSpec REAL = SpecFixture.FROZEN;

    /** The fixture's {@code info.version}, and the versions a change would need: computed, never written. */
    static final String VERSION = REAL.openApi().getInfo().getVersion();
    static final String NEXT_MAJOR = (ChangeReport.major(VERSION).orElseThrow() + 1) + ".0.0";
    static final String NEXT_MINOR = ChangeReport.major(VERSION).orElseThrow() + "." + (minor(VERSION) + 1) + ".0";

    private static int minor(String version) {
        String[] parts = version.split("[.-]");
        return parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
    }

    private EditedSpec() {
    }

    static BalanceSpec edited(Consumer<ObjectNode> edit) {
        return SpecFixture.edited(edit);
    }

    static BalanceSpec edited(BalanceSpec spec, Consumer<ObjectNode> edit) {
        return SpecFixture.edited(spec, edit);
    }

    static BalanceSpec yaml(JsonNode tree) {
        return SpecFixture.parse(tree);
    }

    static ObjectNode object(JsonNode root, String pointer) {
        return SpecFixture.object(root, pointer);
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
