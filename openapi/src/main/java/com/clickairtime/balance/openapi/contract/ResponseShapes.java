package com.clickairtime.balance.openapi.contract;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What of a response the contract matches by shape rather than by plain equality, read from the schemas. */
final class ResponseShapes {

    static final String PER_REQUEST = "x-varies-per-request";

    private ResponseShapes() {
    }

    /**
     * One body matcher.
     *
     * @param path  JSON path
     * @param regex the value there must match this, or null for a size check
     * @param size  the array there must have exactly this many elements, or null
     */
    record Shape(String path, String regex, Integer size) {
    }

    /** A regex for the header's value, from its schema. */
    static String headerPattern(JsonNode header) {
        JsonNode schema = header.path("schema");
        if (schema.has("pattern")) {
            return unanchored(schema.get("pattern").asText());
        }
        return "integer".equals(schema.path("type").asText()) ? "[0-9]+" : ".+";
    }

    /**
     * The body matchers of an example:
     * <ul>
     *   <li>each property of a schema marked {@value #PER_REQUEST}, by its pattern;</li>
     *   <li>each array, by its exact size, and each value inside it, by its position and
     *       exact value.</li>
     * </ul>
     * Spring Cloud Contract checks arrays of objects only loosely (some element has this id,
     * some element has this balance) and drops every path a matcher names from those checks.
     * So an array gets a size matcher, and its values get matchers of their own, which pin
     * each to its place: an extra, a missing or a changed wallet fails.
     */
    static List<Shape> bodyMatchers(BalanceSpec spec, JsonNode schema, JsonNode body) {
        List<Shape> shapes = new ArrayList<>();
        collect(spec, schema, body, "$", false, shapes);
        return shapes;
    }

    private static void collect(BalanceSpec spec, JsonNode schemaNode, JsonNode value, String path, boolean inArray,
                                List<Shape> shapes) {
        JsonNode schema = spec.deref(schemaNode);
        for (JsonNode part : schema.path("allOf")) {
            collect(spec, part, value, path, inArray, shapes);
        }
        if (value.isArray()) {
            shapes.add(new Shape(path, null, value.size()));
            for (int i = 0; i < value.size(); i++) {
                collect(spec, schema.path("items"), value.get(i), path + "[" + i + "]", true, shapes);
            }
        } else if (value.isObject()) {
            boolean varies = schema.path(PER_REQUEST).asBoolean(false);
            value.fields().forEachRemaining(field -> {
                String child = path + "." + field.getKey();
                JsonNode propertySchema = spec.deref(schema.path("properties").path(field.getKey()));
                if (varies) {
                    if (!propertySchema.has("pattern")) {
                        throw new IllegalStateException(child + " varies per request but its schema has no pattern");
                    }
                    shapes.add(new Shape(child, unanchored(propertySchema.get("pattern").asText()), null));
                } else {
                    collect(spec, propertySchema, field.getValue(), child, inArray, shapes);
                }
            });
        } else if (inArray && !value.isNull()) {
            shapes.add(new Shape(path, literal(value), null));
        }
    }

    /**
     * A regex that only this value matches. A number may be read back with another scale
     * (1000.00 as 1000.0), so it matches any spelling of the same decimal.
     */
    static String literal(JsonNode value) {
        if (!value.isNumber()) {
            return Pattern.quote(value.asText());
        }
        BigDecimal number = value.decimalValue();
        String plain = number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
        String escaped = plain.replace("-", "\\-").replace(".", "\\.");
        return plain.contains(".") ? escaped + "0*" : escaped + "(\\.0+)?";
    }

    /** JSON Schema patterns search; contract regexes must match the whole value, so the anchors go. */
    static String unanchored(String pattern) {
        String regex = pattern.startsWith("^") ? pattern.substring(1) : pattern;
        return regex.endsWith("$") && !regex.endsWith("\\$") ? regex.substring(0, regex.length() - 1) : regex;
    }
}
