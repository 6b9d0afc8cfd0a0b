package com.clickairtime.balance.verifier.check;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.NodePath;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The rules a spec states with {@code x-also-satisfies}: a schema that a value must also satisfy,
 * kept beside its {@code allOf} instead of in it so that code generators do not make a new type of
 * it (the total's currency, always {@code USD}, beside its {@code Money}). Found by walking the
 * response's schema along its body.
 */
final class AlsoSatisfies {

    static final String KEYWORD = "x-also-satisfies";
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30());
    private static final JsonMapper JSON3 = JsonMapper.builder().build();

    private AlsoSatisfies() {
    }

    private static String pointer(NodePath path) {
        StringBuilder pointer = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            pointer.append('/').append(path.getElement(i));
        }
        return pointer.toString();
    }

    static List<String> violations(BalanceSpec spec, JsonNode schema, JsonNode body) {
        List<String> problems = new ArrayList<>();
        walk(spec, schema, body, "", problems, 0);
        return problems;
    }

    private static void walk(BalanceSpec spec, JsonNode schema, JsonNode value, String at, List<String> problems, int depth) {
        // The spec's schemas may refer to themselves; a body is never this deep.
        if (schema == null || schema.isMissingNode() || value == null || value.isMissingNode() || depth > 64) {
            return;
        }
        JsonNode resolved = spec.deref(schema);
        if (resolved.has(KEYWORD)) {
            tools.jackson.databind.JsonNode rule = JSON3.readTree(resolved.get(KEYWORD).toString());
            for (Error error : SCHEMAS.getSchema(rule).validate(JSON3.readTree(value.toString()))) {
                StringBuilder where = new StringBuilder(at);
                NodePath inside = error.getInstanceLocation();
                for (int i = 0; i < inside.getNameCount(); i++) {
                    Object element = inside.getElement(i);
                    if (element instanceof Integer index) {
                        where.append('[').append(index).append(']');
                    } else {
                        where.append(where.length() == 0 ? "" : ".").append(element);
                    }
                }
                problems.add((where.length() == 0 ? "the body" : where) + " is " + value.at(pointer(inside))
                        + ": " + error.getMessage() + " (the spec's " + KEYWORD + ")");
            }
        }
        for (JsonNode part : resolved.path("allOf")) {
            walk(spec, part, value, at, problems, depth + 1);
        }
        if (value.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = resolved.path("properties").fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> property = fields.next();
                walk(spec, property.getValue(), value.get(property.getKey()),
                        at.isEmpty() ? property.getKey() : at + "." + property.getKey(), problems, depth + 1);
            }
        } else if (value.isArray() && resolved.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                walk(spec, resolved.get("items"), value.get(i), at + "[" + i + "]", problems, depth + 1);
            }
        }
    }
}
