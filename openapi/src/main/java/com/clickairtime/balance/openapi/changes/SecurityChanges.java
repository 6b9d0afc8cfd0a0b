package com.clickairtime.balance.openapi.changes;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.clickairtime.balance.openapi.changes.Effect.Side;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Who may call: the security schemes, field by field and with the extensions the kit derives
 * from them ({@code x-key-pattern}, compared as a language; {@code x-sandbox-api-key}), and each
 * operation's security alternatives (the document-wide ones where it states none). An
 * alternative is a set of schemes; an empty one ({@code - {}}) lets a request through without
 * credentials.
 */
final class SecurityChanges {

    static final String KEY_PATTERN = "x-key-pattern";
    static final String SANDBOX_KEY = "x-sandbox-api-key";
    private static final String SEP = " > ";
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final List<String> WIRE = List.of("type", "scheme", "in", "name", "bearerFormat", "openIdConnectUrl", "flows");

    private final List<ApiChange> changes = new ArrayList<>();

    private SecurityChanges() {
    }

    static List<ApiChange> between(BalanceSpec before, BalanceSpec after) {
        SecurityChanges walk = new SecurityChanges();
        walk.schemes(before.raw().path("components").path("securitySchemes"), after.raw().path("components").path("securitySchemes"));
        walk.requirements(before.raw(), after.raw());
        return walk.changes;
    }

    private void schemes(JsonNode before, JsonNode after) {
        Set<String> names = new TreeSet<>();
        before.fieldNames().forEachRemaining(names::add);
        after.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            String place = "security scheme " + name;
            JsonNode old = before.get(name);
            JsonNode now = after.get(name);
            if (old == null || now == null) {
                // Whether an operation uses it is told by the requirements; here only the definition.
                changes.add(ApiChange.both(Level.COMPATIBLE, old == null ? "security-scheme-added" : "security-scheme-removed",
                        place, "security scheme " + name + (old == null ? " added" : " removed")));
                continue;
            }
            for (String field : WIRE) {
                if (!Objects.equals(old.get(field), now.get(field))) {
                    changes.add(ApiChange.both(Level.BREAKING, "security-scheme-changed", place,
                            field + " " + text(old.get(field)) + " became " + text(now.get(field))));
                }
            }
            if (!Objects.equals(old.get("description"), now.get("description"))) {
                changes.add(ApiChange.both(Level.COMPATIBLE, "description-changed", place, "description edited"));
            }
            keyPattern(old.path(KEY_PATTERN).asText(null), now.path(KEY_PATTERN).asText(null), place);
            if (!Objects.equals(old.get(SANDBOX_KEY), now.get(SANDBOX_KEY))) {
                // Tools, the sandbox and the contract suite send this demo key with every request.
                changes.add(ApiChange.both(Level.POTENTIALLY_BREAKING, "sandbox-key-changed", place,
                        SANDBOX_KEY + " " + text(old.get(SANDBOX_KEY)) + " became " + text(now.get(SANDBOX_KEY))
                                + ": tools and the contract suite send the new demo key"));
            }
            Iterator<String> fields = now.fieldNames();
            Set<String> others = new TreeSet<>();
            fields.forEachRemaining(others::add);
            old.fieldNames().forEachRemaining(others::add);
            for (String field : others) {
                if (field.startsWith("x-") && !field.equals(KEY_PATTERN) && !field.equals(SANDBOX_KEY)
                        && !Objects.equals(old.get(field), now.get(field))) {
                    changes.add(ApiChange.both(Level.COMPATIBLE, "extension-changed", place,
                            field + " changed (the kit does not read it)"));
                }
            }
        }
    }

    /** The key format is what a request's key must match: a narrower one refuses keys that passed before. */
    private void keyPattern(String old, String now, String place) {
        if (Objects.equals(old, now)) {
            return;
        }
        Effect effect;
        String message;
        if (old == null || now == null) {
            effect = old == null ? Effect.NARROWER : Effect.WIDER;
            message = KEY_PATTERN + (old == null ? " " + now + " added" : " " + old + " removed");
        } else {
            effect = PatternLanguages.compare(old, now).orElse(Effect.DIFFERENT);
            message = KEY_PATTERN + " " + old + " became " + now + " (" + SchemaChanges.describe(effect) + ")";
        }
        changes.add(effect.change(Side.REQUEST, "key-pattern-changed", place, message
                + ": the sandbox, the stubs and the SDK's key check derive from it"));
    }

    private void requirements(JsonNode before, JsonNode after) {
        for (Iterator<Map.Entry<String, JsonNode>> paths = after.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode now = path.getValue().path(method);
                JsonNode old = before.path("paths").path(path.getKey()).path(method);
                if (now.isMissingNode() || old.isMissingNode()) {
                    continue;
                }
                String at = method.toUpperCase(Locale.ROOT) + " " + path.getKey() + SEP + "security";
                Set<Map<String, List<String>>> was = alternatives(old, before);
                Set<Map<String, List<String>>> is = alternatives(now, after);
                for (Map<String, List<String>> alternative : is) {
                    if (!was.contains(alternative)) {
                        // Implementations must now let these requests in.
                        changes.add(new ApiChange(Level.COMPATIBLE, Level.BREAKING,
                                alternative.isEmpty() ? "security-made-optional" : "security-alternative-added", at,
                                alternative.isEmpty() ? "requests without credentials are now allowed"
                                        : "requests may now authenticate with " + alternative));
                    }
                }
                // While requests without credentials are let in, a request with the old ones still is.
                Level clients = is.contains(Map.of()) ? Level.COMPATIBLE : Level.BREAKING;
                for (Map<String, List<String>> alternative : was) {
                    if (!is.contains(alternative)) {
                        changes.add(new ApiChange(clients, Level.COMPATIBLE,
                                alternative.isEmpty() ? "security-made-required" : "security-alternative-removed", at,
                                alternative.isEmpty() ? "requests without credentials are no longer allowed"
                                        : "requests may no longer authenticate with " + alternative));
                    }
                }
            }
        }
    }

    /** The operation's security alternatives, or the document's where it states none; none at all is one empty alternative. */
    private static Set<Map<String, List<String>>> alternatives(JsonNode operation, JsonNode root) {
        JsonNode list = operation.has("security") ? operation.get("security") : root.path("security");
        Set<Map<String, List<String>>> alternatives = new LinkedHashSet<>();
        if (list.isMissingNode() || list.isEmpty()) {
            alternatives.add(Map.of());
            return alternatives;
        }
        for (JsonNode requirement : list) {
            Map<String, List<String>> alternative = new TreeMap<>();
            requirement.fields().forEachRemaining(scheme -> {
                List<String> scopes = new ArrayList<>();
                scheme.getValue().forEach(scope -> scopes.add(scope.asText()));
                scopes.sort(null);
                alternative.put(scheme.getKey(), scopes);
            });
            alternatives.add(alternative);
        }
        return alternatives;
    }

    private static String text(JsonNode node) {
        return node == null ? "(none)" : node.isTextual() ? node.asText() : node.toString();
    }
}
