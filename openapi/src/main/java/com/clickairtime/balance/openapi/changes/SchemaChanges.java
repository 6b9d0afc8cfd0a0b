package com.clickairtime.balance.openapi.changes;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.clickairtime.balance.openapi.changes.Effect.Side;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The JSON-Schema-aware comparison: every schema the two documents use at the same place
 * (parameters and request bodies on the request side, response bodies and headers on the
 * response side) is compared keyword by keyword, on the raw trees, and each difference is
 * judged by which way it moves what the schema accepts ({@link Effect}) and on which side it
 * sits. So {@code nullable}, {@code minItems}, {@code maxLength}, {@code pattern} (compared as
 * languages), {@code format}, enum values and {@code required} are all judged by one rule instead
 * of one special case each. Any keyword without a rule of its own is still reported.
 */
final class SchemaChanges {

    private static final String SEP = " > ";
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final String VARIES = "x-varies-per-request";
    /** Lower bounds: a smaller value accepts more. */
    private static final List<String> LOWER_BOUNDS = List.of("minLength", "minItems", "minProperties", "minimum");
    /** Upper bounds: a larger value accepts more. */
    private static final List<String> UPPER_BOUNDS = List.of("maxLength", "maxItems", "maxProperties", "maximum");
    private static final Set<String> PROSE = Set.of("description", "title", "example", "externalDocs");
    private static final Set<String> COMPOSITION = Set.of("oneOf", "anyOf", "not", "discriminator");
    private static final Set<String> HANDLED = Set.of("type", "format", "nullable", "enum", "pattern", "minLength", "minItems",
            "minProperties", "minimum", "maxLength", "maxItems", "maxProperties", "maximum", "exclusiveMinimum",
            "exclusiveMaximum", "multipleOf", "uniqueItems", "properties", "required", "additionalProperties", "items",
            "readOnly", "writeOnly", "default", "deprecated", "description", "title", "example", "externalDocs", "oneOf",
            "anyOf", "not", "discriminator", "allOf", "$ref", "xml", VARIES);

    private final BalanceSpec before;
    private final BalanceSpec after;
    private final List<ApiChange> changes = new ArrayList<>();
    private final Set<String> onPath = new HashSet<>();

    private SchemaChanges(BalanceSpec before, BalanceSpec after) {
        this.before = before;
        this.after = after;
    }

    static List<ApiChange> between(BalanceSpec before, BalanceSpec after) {
        SchemaChanges walk = new SchemaChanges(before, after);
        Map<String, Operation> old = operations(before);
        Map<String, Operation> now = operations(after);
        Map<String, Operation> oldById = new LinkedHashMap<>();
        old.values().forEach(operation -> {
            if (operation.id() != null) {
                oldById.put(operation.id(), operation);
            }
        });
        for (Operation operation : now.values()) {
            Operation match = old.get(operation.where());
            if (match == null && operation.id() != null) {
                // A moved operation is compared with itself at its old path.
                match = oldById.get(operation.id());
            }
            if (match != null) {
                walk.operation(match, operation);
            }
        }
        return walk.changes;
    }

    /** One operation, with the path item its parameters may come from. */
    private record Operation(String where, String id, JsonNode pathItem, JsonNode node) {
    }

    private static Map<String, Operation> operations(BalanceSpec spec) {
        Map<String, Operation> operations = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.raw().path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            JsonNode item = spec.deref(path.getValue());
            for (String method : METHODS) {
                JsonNode operation = item.get(method);
                if (operation != null) {
                    String where = method.toUpperCase(Locale.ROOT) + " " + path.getKey();
                    String id = operation.hasNonNull("operationId") ? operation.get("operationId").asText() : null;
                    operations.put(where, new Operation(where, id, item, operation));
                }
            }
        }
        return operations;
    }

    private void operation(Operation old, Operation now) {
        String at = now.where();
        Map<String, JsonNode> oldParameters = parameters(before, old);
        Map<String, JsonNode> newParameters = parameters(after, now);
        newParameters.forEach((key, parameter) -> {
            JsonNode was = oldParameters.get(key);
            if (was != null) {
                String place = at + SEP + parameter.path("in").asText() + " parameter " + parameter.path("name").asText();
                compare(parameterSchema(was), parameterSchema(parameter), Side.REQUEST, place, "");
            }
        });
        JsonNode oldBody = before.deref(old.node().path("requestBody"));
        JsonNode newBody = after.deref(now.node().path("requestBody"));
        content(oldBody.path("content"), newBody.path("content"), Side.REQUEST, at + SEP + "request body");
        for (Iterator<Map.Entry<String, JsonNode>> statuses = now.node().path("responses").fields(); statuses.hasNext(); ) {
            Map.Entry<String, JsonNode> status = statuses.next();
            JsonNode oldResponse = old.node().path("responses").get(status.getKey());
            if (oldResponse == null) {
                continue;
            }
            JsonNode was = before.deref(oldResponse);
            JsonNode is = after.deref(status.getValue());
            String place = at + SEP + status.getKey();
            content(was.path("content"), is.path("content"), Side.RESPONSE, place);
            for (Iterator<Map.Entry<String, JsonNode>> headers = is.path("headers").fields(); headers.hasNext(); ) {
                Map.Entry<String, JsonNode> header = headers.next();
                JsonNode oldHeader = was.path("headers").get(header.getKey());
                if (oldHeader != null) {
                    compare(before.deref(oldHeader).path("schema"), after.deref(header.getValue()).path("schema"),
                            Side.RESPONSE, place + SEP + "header " + header.getKey(), "");
                }
            }
        }
    }

    private void content(JsonNode old, JsonNode now, Side side, String at) {
        for (Iterator<Map.Entry<String, JsonNode>> types = now.fields(); types.hasNext(); ) {
            Map.Entry<String, JsonNode> type = types.next();
            JsonNode was = old.get(type.getKey());
            if (was != null) {
                compare(was.path("schema"), type.getValue().path("schema"), side, at + SEP + type.getKey(), "");
            }
        }
    }

    /** The parameters of an operation and its path item, by location and name (header names in any case). */
    private static Map<String, JsonNode> parameters(BalanceSpec spec, Operation operation) {
        Map<String, JsonNode> parameters = new LinkedHashMap<>();
        for (JsonNode list : List.of(operation.pathItem().path("parameters"), operation.node().path("parameters"))) {
            for (JsonNode reference : list) {
                JsonNode parameter = spec.deref(reference);
                String in = parameter.path("in").asText();
                String name = parameter.path("name").asText();
                parameters.put(in + " " + ("header".equals(in) ? name.toLowerCase(Locale.ROOT) : name), parameter);
            }
        }
        return parameters;
    }

    private static JsonNode parameterSchema(JsonNode parameter) {
        if (parameter.has("schema")) {
            return parameter.get("schema");
        }
        Iterator<JsonNode> content = parameter.path("content").elements();
        return content.hasNext() ? content.next().path("schema") : parameter.path("schema");
    }

    private void compare(JsonNode oldRaw, JsonNode newRaw, Side side, String at, String property) {
        if (oldRaw.isMissingNode() && newRaw.isMissingNode()) {
            return;
        }
        // A recursive schema is compared once per pair of references on the way down.
        String guard = side + " " + oldRaw.path("$ref").asText("") + " " + newRaw.path("$ref").asText("");
        boolean referenced = oldRaw.has("$ref") && newRaw.has("$ref");
        if (referenced && !onPath.add(guard)) {
            return;
        }
        try {
            JsonNode old = flatten(before, oldRaw);
            JsonNode now = flatten(after, newRaw);
            generatedType(oldRaw, newRaw, old, now, property.isEmpty() ? at : at + SEP + property);
            compareResolved(old, now, side, at, property);
        } finally {
            if (referenced) {
                onPath.remove(guard);
            }
        }
    }

    private void compareResolved(JsonNode old, JsonNode now, Side side, String at, String property) {
        String place = property.isEmpty() ? at : at + SEP + property;
        if (!type(old, now, side, place)) {
            return;
        }
        format(old, now, place);
        nullable(old, now, side, place);
        enumeration(old, now, side, place);
        pattern(old, now, side, place);
        bounds(old, now, side, place);
        flags(old, now, side, place);
        properties(old, now, side, at, property);
        additionalProperties(old, now, side, at, property);
        if (old.has("items") || now.has("items")) {
            compare(old.path("items"), now.path("items"), side, at, property + "[]");
        }
        prose(old, now, place);
        rest(old, now, place);
    }

    /** False when the types differ so much that nothing below them can be compared. */
    private boolean type(JsonNode old, JsonNode now, Side side, String place) {
        String was = old.path("type").asText(null);
        String is = now.path("type").asText(null);
        if (Objects.equals(was, is)) {
            return true;
        }
        Effect effect;
        if (was == null) {
            effect = Effect.NARROWER;
        } else if (is == null || "integer".equals(was) && "number".equals(is)) {
            effect = Effect.WIDER;
        } else if ("number".equals(was) && "integer".equals(is)) {
            effect = Effect.NARROWER;
        } else {
            effect = Effect.DIFFERENT;
        }
        add(effect.change(side, "type-changed", place, "type " + name(was) + " became " + name(is)));
        return effect != Effect.DIFFERENT;
    }

    /**
     * The generators give an enum, and an object with properties, a type of its own, named after
     * its component, or after the property that holds it when it is inline. Moving such a schema
     * into or out of {@code components/schemas}, or renaming its component, renames that type in
     * the SDKs and the server interface ({@code Wallet.TypeEnum} became {@code WalletType}), even
     * where what the schema accepts is the same.
     */
    private void generatedType(JsonNode oldRaw, JsonNode newRaw, JsonNode old, JsonNode now, String place) {
        if (!ownsType(old) || !ownsType(now)) {
            return;
        }
        String was = componentName(oldRaw);
        String is = componentName(newRaw);
        if (!Objects.equals(was, is)) {
            add(ApiChange.both(Level.BREAKING, "generated-type-renamed", place, describe(was) + " became " + describe(is)
                    + " (the generated type of the SDKs and the server interface is renamed)"));
        }
    }

    private static boolean ownsType(JsonNode schema) {
        return schema.has("enum") || schema.has("properties");
    }

    private static String componentName(JsonNode raw) {
        String ref = raw.path("$ref").asText("");
        return ref.isEmpty() ? null : ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static String describe(String component) {
        return component == null ? "an inline schema" : "schema " + component;
    }

    private void format(JsonNode old, JsonNode now, String place) {
        String was = old.path("format").asText(null);
        String is = now.path("format").asText(null);
        if (!Objects.equals(was, is)) {
            // The generated SDKs and server interface pick their Java types by format: int32 is Integer, int64 Long.
            add(ApiChange.both(Level.BREAKING, "format-changed", place, "format " + name(was) + " became " + name(is)
                    + " (the generated types of the SDKs and the server interface change with it)"));
        }
    }

    private void nullable(JsonNode old, JsonNode now, Side side, String place) {
        boolean was = old.path("nullable").asBoolean(false);
        boolean is = now.path("nullable").asBoolean(false);
        if (was != is) {
            add((is ? Effect.WIDER : Effect.NARROWER).change(side, "nullable-changed", place,
                    is ? "null is now allowed (nullable: true)" : "null is no longer allowed (nullable removed)"));
        }
    }

    private void enumeration(JsonNode old, JsonNode now, Side side, String place) {
        if (!old.has("enum") && !now.has("enum")) {
            return;
        }
        if (!now.has("enum")) {
            add(Effect.WIDER.change(side, "enum-removed", place, "the enum " + old.get("enum") + " no longer limits the values"));
            return;
        }
        if (!old.has("enum")) {
            add(Effect.NARROWER.change(side, "enum-added", place, "values are now limited to " + now.get("enum")));
            return;
        }
        Set<String> was = values(old.get("enum"));
        Set<String> is = values(now.get("enum"));
        for (String value : is) {
            if (!was.contains(value)) {
                // The spec tells clients to expect new values and the kit's SDKs read unknown ones; strict clients may not.
                add(side == Side.RESPONSE
                        ? new ApiChange(Level.POTENTIALLY_BREAKING, Level.COMPATIBLE, "enum-value-added", place,
                        "enum value " + value + " added")
                        : Effect.WIDER.change(side, "enum-value-added", place, "enum value " + value + " added"));
            }
        }
        for (String value : was) {
            if (!is.contains(value)) {
                add(Effect.NARROWER.change(side, "enum-value-removed", place, "enum value " + value + " removed"));
            }
        }
    }

    private void pattern(JsonNode old, JsonNode now, Side side, String place) {
        String was = old.path("pattern").asText(null);
        String is = now.path("pattern").asText(null);
        if (Objects.equals(was, is)) {
            return;
        }
        if (was == null) {
            add(Effect.NARROWER.change(side, "pattern-changed", place, "pattern " + is + " added"));
        } else if (is == null) {
            add(Effect.WIDER.change(side, "pattern-changed", place, "pattern " + was + " removed"));
        } else {
            Effect effect = PatternLanguages.compare(was, is).orElse(Effect.DIFFERENT);
            add(effect.change(side, "pattern-changed", place, "pattern " + was + " became " + is + " (" + describe(effect) + ")"));
        }
    }

    static String describe(Effect effect) {
        return switch (effect) {
            case WIDER -> "accepts more";
            case NARROWER -> "accepts less";
            case DIFFERENT -> "accepts other values";
            case SAME -> "accepts the same";
        };
    }

    private void bounds(JsonNode old, JsonNode now, Side side, String place) {
        for (String keyword : LOWER_BOUNDS) {
            bound(old, now, side, place, keyword, true);
        }
        for (String keyword : UPPER_BOUNDS) {
            bound(old, now, side, place, keyword, false);
        }
        for (String keyword : List.of("exclusiveMinimum", "exclusiveMaximum", "uniqueItems")) {
            boolean was = old.path(keyword).asBoolean(false);
            boolean is = now.path(keyword).asBoolean(false);
            if (was != is) {
                add((is ? Effect.NARROWER : Effect.WIDER).change(side, kebab(keyword) + "-changed", place,
                        keyword + " " + was + " became " + is));
            }
        }
        BigDecimal was = number(old, "multipleOf");
        BigDecimal is = number(now, "multipleOf");
        if (!Objects.equals(was, is) && (was == null || is == null || was.compareTo(is) != 0)) {
            Effect effect;
            if (was == null) {
                effect = Effect.NARROWER;
            } else if (is == null || was.remainder(is).signum() == 0) {
                effect = Effect.WIDER;
            } else {
                effect = is.remainder(was).signum() == 0 ? Effect.NARROWER : Effect.DIFFERENT;
            }
            add(effect.change(side, "multiple-of-changed", place, "multipleOf " + name(was) + " became " + name(is)));
        }
    }

    private void bound(JsonNode old, JsonNode now, Side side, String place, String keyword, boolean lower) {
        BigDecimal was = number(old, keyword);
        BigDecimal is = number(now, keyword);
        if (was == null && is == null || was != null && is != null && was.compareTo(is) == 0) {
            return;
        }
        Effect effect;
        String message;
        if (was == null) {
            effect = Effect.NARROWER;
            message = keyword + " " + is.toPlainString() + " added";
        } else if (is == null) {
            effect = Effect.WIDER;
            message = keyword + " " + was.toPlainString() + " removed";
        } else {
            boolean smaller = is.compareTo(was) < 0;
            effect = smaller == lower ? Effect.WIDER : Effect.NARROWER;
            message = keyword + " " + was.toPlainString() + " became " + is.toPlainString();
        }
        add(effect.change(side, kebab(keyword) + "-changed", place, message + " (" + describe(effect) + ")"));
    }

    private void flags(JsonNode old, JsonNode now, Side side, String place) {
        for (String keyword : List.of("readOnly", "writeOnly")) {
            if (old.path(keyword).asBoolean(false) != now.path(keyword).asBoolean(false)) {
                add(ApiChange.both(Level.POTENTIALLY_BREAKING, kebab(keyword) + "-changed", place, keyword + " changed"));
            }
        }
        if (!Objects.equals(old.get("default"), now.get("default"))) {
            // A client that leaves the value out gets another behaviour.
            add(ApiChange.both(Level.POTENTIALLY_BREAKING, "default-changed", place,
                    "default " + name(old.get("default")) + " became " + name(now.get("default"))));
        }
        if (old.path("deprecated").asBoolean(false) != now.path("deprecated").asBoolean(false)) {
            add(ApiChange.both(Level.COMPATIBLE, "deprecated-changed", place, "deprecated flag changed"));
        }
        boolean varied = old.path(VARIES).asBoolean(false);
        boolean varies = now.path(VARIES).asBoolean(false);
        if (varied != varies) {
            // The contract tests and stubs match these fields by their pattern, or by the example's exact value.
            add(varies
                    ? ApiChange.both(Level.COMPATIBLE, "varies-per-request-changed", place,
                    VARIES + " added: the contracts match these fields by their pattern")
                    : new ApiChange(Level.COMPATIBLE, Level.BREAKING, "varies-per-request-changed", place,
                    VARIES + " removed: the contracts now demand the example's exact values"));
        }
        for (String keyword : COMPOSITION) {
            if (!Objects.equals(old.get(keyword), now.get(keyword))) {
                add(Effect.DIFFERENT.change(side, "composition-changed", place, keyword + " changed"));
            }
        }
    }

    private void properties(JsonNode old, JsonNode now, Side side, String at, String property) {
        JsonNode was = old.path("properties");
        JsonNode is = now.path("properties");
        Set<String> required = values(now.path("required"));
        Set<String> wasRequired = values(old.path("required"));
        for (String name : names(is)) {
            String place = at + SEP + join(property, name);
            if (!was.has(name)) {
                add(required.contains(name)
                        ? Effect.NARROWER.change(side, "required-property-added", place, "new required property " + name)
                        : ApiChange.both(Level.COMPATIBLE, "property-added", place, "new optional property " + name));
                continue;
            }
            if (wasRequired.contains(name) && !required.contains(name)) {
                add(Effect.WIDER.change(side, "property-made-optional", place, "property " + name + " is no longer required"));
            } else if (!wasRequired.contains(name) && required.contains(name)) {
                add(Effect.NARROWER.change(side, "property-made-required", place, "property " + name + " is now required"));
            }
            compare(was.get(name), is.get(name), side, at, join(property, name));
        }
        for (String name : names(was)) {
            if (!is.has(name)) {
                // Readers of the property lose it, and the generated models of both sides drop the field.
                add(ApiChange.both(Level.BREAKING, "property-removed", at + SEP + join(property, name),
                        "property " + name + " removed"));
            }
        }
    }

    private void additionalProperties(JsonNode old, JsonNode now, Side side, String at, String property) {
        JsonNode was = old.path("additionalProperties");
        JsonNode is = now.path("additionalProperties");
        if (was.isObject() && is.isObject()) {
            compare(was, is, side, at, join(property, "*"));
            return;
        }
        int before = openness(was);
        int after = openness(is);
        if (before != after) {
            String place = property.isEmpty() ? at : at + SEP + property;
            add((after > before ? Effect.WIDER : Effect.NARROWER).change(side, "additional-properties-changed", place,
                    "additionalProperties " + name(was.isMissingNode() ? null : was) + " became " + name(is.isMissingNode() ? null : is)));
        }
    }

    /** 0: no other properties, 1: others of a schema, 2: any others. */
    private static int openness(JsonNode additional) {
        if (additional.isMissingNode() || additional.isBoolean() && additional.asBoolean()) {
            return 2;
        }
        return additional.isObject() ? 1 : 0;
    }

    private void prose(JsonNode old, JsonNode now, String place) {
        for (String keyword : PROSE) {
            if (!Objects.equals(old.get(keyword), now.get(keyword))) {
                add(ApiChange.both(Level.COMPATIBLE, keyword.equals("example") ? "schema-example-changed" : "description-changed",
                        place, keyword + " edited"));
            }
        }
    }

    /** Keywords without a rule of their own are still reported: nothing changes unseen. */
    private void rest(JsonNode old, JsonNode now, String place) {
        Set<String> keywords = new TreeSet<>(names(old));
        keywords.addAll(names(now));
        for (String keyword : keywords) {
            if (HANDLED.contains(keyword) || Objects.equals(old.get(keyword), now.get(keyword))) {
                continue;
            }
            add(keyword.startsWith("x-")
                    ? ApiChange.both(Level.COMPATIBLE, "extension-changed", place, keyword + " changed (the kit does not read it)")
                    : ApiChange.both(Level.POTENTIALLY_BREAKING, "schema-keyword-changed", place, keyword + " changed"));
        }
    }

    /** The schema with its {@code $ref} followed and its {@code allOf} parts merged, as one object. */
    private static JsonNode flatten(BalanceSpec spec, JsonNode raw) {
        JsonNode node = spec.deref(raw);
        if (!node.isObject() || !node.has("allOf")) {
            return node.isObject() ? node : JsonNodeFactory.instance.objectNode();
        }
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        ObjectNode properties = JsonNodeFactory.instance.objectNode();
        Set<String> required = new LinkedHashSet<>();
        for (JsonNode part : node.get("allOf")) {
            JsonNode flat = flatten(spec, part);
            flat.fields().forEachRemaining(field -> {
                switch (field.getKey()) {
                    case "properties" -> properties.setAll((ObjectNode) field.getValue());
                    case "required" -> field.getValue().forEach(name -> required.add(name.asText()));
                    default -> merged.set(field.getKey(), field.getValue());
                }
            });
        }
        node.fields().forEachRemaining(field -> {
            switch (field.getKey()) {
                case "allOf" -> {
                }
                case "properties" -> properties.setAll((ObjectNode) field.getValue());
                case "required" -> field.getValue().forEach(name -> required.add(name.asText()));
                default -> merged.set(field.getKey(), field.getValue());
            }
        });
        if (!properties.isEmpty()) {
            merged.set("properties", properties);
        }
        if (!required.isEmpty()) {
            ArrayNode list = merged.putArray("required");
            required.forEach(list::add);
        }
        return merged;
    }

    private void add(ApiChange change) {
        changes.add(change);
    }

    private static BigDecimal number(JsonNode schema, String keyword) {
        JsonNode value = schema.get(keyword);
        return value == null || !value.isNumber() ? null : value.decimalValue();
    }

    private static Set<String> values(JsonNode array) {
        Set<String> values = new LinkedHashSet<>();
        array.forEach(value -> values.add(value.isTextual() ? value.asText() : value.toString()));
        return values;
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String join(String property, String name) {
        return property.isEmpty() ? name : property + "." + name;
    }

    private static String kebab(String keyword) {
        return keyword.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static String name(Object value) {
        if (value == null) {
            return "(none)";
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        return value instanceof JsonNode node && node.isTextual() ? node.asText() : value.toString();
    }
}
