package com.clickairtime.balance.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates values against schemas of the spec with networknt's JSON Schema validator in
 * its OpenAPI 3.0 dialect, so that {@code $ref}s resolve inside the document.
 */
final class SchemaValidation {

    private static final JsonMapper EXACT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final BalanceSpec spec;
    private final tools.jackson.databind.JsonNode document;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30());
    // One compiled schema per pointer: compiling converts the whole document.
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    SchemaValidation(BalanceSpec spec) {
        this.spec = spec;
        this.document = toJackson3(spec.raw());
    }

    /** Messages of every violation; empty when the value is valid. */
    List<String> validate(String schemaPointer, JsonNode value) {
        Schema schema = schemas.computeIfAbsent(schemaPointer, pointer -> {
            // The whole document is the root, so that "#/components/..." resolves; the $ref
            // picks the schema to apply and, as in draft 4, hides every sibling keyword.
            ObjectNode root = (ObjectNode) document.deepCopy();
            root.put("$ref", "#" + pointer);
            return registry.getSchema(root);
        });
        List<String> messages = new ArrayList<>();
        for (Error error : schema.validate(toJackson3(value))) {
            messages.add(error.toString());
        }
        return messages;
    }

    /** The JSON pointer of a schema node: its target if it is a $ref, else where it lies. */
    String schemaPointer(JsonNode schema, String where) {
        return schema.has("$ref") ? schema.get("$ref").asText().substring(1) : where;
    }

    BalanceSpec spec() {
        return spec;
    }

    private static tools.jackson.databind.JsonNode toJackson3(JsonNode node) {
        try {
            return EXACT.readTree(BalanceSpec.EXACT_JSON.writeValueAsString(node));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
