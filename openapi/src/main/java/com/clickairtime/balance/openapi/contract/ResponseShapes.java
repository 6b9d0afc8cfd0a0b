package com.clickairtime.balance.openapi.contract;

import com.fasterxml.jackson.databind.JsonNode;

/** The response headers a contract matches by shape rather than by plain equality, read from their schemas. */
final class ResponseShapes {

    private ResponseShapes() {
    }

    /** A regex for the header's value, from its schema. */
    static String headerPattern(JsonNode header) {
        JsonNode schema = header.path("schema");
        if (schema.has("pattern")) {
            return unanchored(schema.get("pattern").asText());
        }
        return "integer".equals(schema.path("type").asText()) ? "[0-9]+" : ".+";
    }

    /** JSON Schema patterns search; contract regexes must match the whole value, so the anchors go. */
    static String unanchored(String pattern) {
        String regex = pattern.startsWith("^") ? pattern.substring(1) : pattern;
        return regex.endsWith("$") && !regex.endsWith("\\$") ? regex.substring(0, regex.length() - 1) : regex;
    }
}
