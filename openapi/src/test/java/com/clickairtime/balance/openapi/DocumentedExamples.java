package com.clickairtime.balance.openapi;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds every example in the spec, named or inline: on media types, parameters and
 * headers (beside their {@code schema}) and on schemas themselves.
 */
final class DocumentedExamples {

    /** One example and the schema it must satisfy. */
    record Sample(String where, String schemaPointer, JsonNode value) {
        @Override
        public String toString() {
            return where;
        }
    }

    private final BalanceSpec spec;
    private final SchemaValidation validation;
    private final List<Sample> samples = new ArrayList<>();

    private DocumentedExamples(BalanceSpec spec) {
        this.spec = spec;
        this.validation = new SchemaValidation(spec);
    }

    static List<Sample> of(BalanceSpec spec) {
        DocumentedExamples walker = new DocumentedExamples(spec);
        walker.walk(spec.raw(), "");
        return walker.samples;
    }

    private void walk(JsonNode node, String pointer) {
        if (!node.isContainerNode() || pointer.startsWith("/components/examples")) {
            return;
        }
        if (node.isObject() && node.has("schema")) {
            String schema = validation.schemaPointer(node.get("schema"), pointer + "/schema");
            if (node.has("example")) {
                samples.add(new Sample(pointer + "/example", schema, node.get("example")));
            }
            for (Map.Entry<String, JsonNode> named : iterable(node.path("examples"))) {
                samples.add(new Sample(pointer + "/examples/" + named.getKey(), schema,
                        spec.deref(named.getValue()).path("value")));
            }
        } else if (node.isObject() && node.has("example")) {
            samples.add(new Sample(pointer + "/example", pointer, node.get("example")));
        }
        for (Map.Entry<String, JsonNode> child : iterable(node)) {
            String key = child.getKey();
            if (!key.equals("example") && !key.equals("examples") && !key.startsWith("x-")) {
                walk(child.getValue(), pointer + "/" + key.replace("~", "~0").replace("/", "~1"));
            }
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i);
            }
        }
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }
}
