package com.clickairtime.balance.openapi.changes;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Examples are contracts: each named example becomes a contract test and a WireMock stub that
 * downstream teams test against. openapi-diff-core reads examples through swagger-parser, which
 * turns {@code 1250.50} into {@code 1250.5}, and names no example in its report; so they are
 * compared here, on the raw trees with every decimal as written, wherever an operation uses them.
 *
 * <p>An added example is compatible for clients and potentially breaking for implementers, who
 * get a new contract test; a changed or removed one is potentially breaking for both, because a
 * stub that someone's tests rely on answers differently or no longer exists, and the contract
 * tests demand another answer. Only {@code summary} and {@code description} are prose, reported
 * as compatible; a change of {@code value} or of an {@code x-} field (such as
 * the sandbox key that produces it) is a change of the contract.
 */
final class ExampleChanges {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Set<String> PROSE = Set.of("summary", "description");
    private static final String SEP = " > ";

    private ExampleChanges() {
    }

    /** Numbers are equal only with the same scale: the wire shows {@code 1250.50}, not {@code 1250.5}. */
    private static final Comparator<JsonNode> EXACT = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().equals(b.decimalValue()) ? 0 : 1;
        }
        return a.equals(b) ? 0 : 1;
    };

    /** An example where an operation uses it: shown by method and path, matched by operationId. */
    private record Use(String location, JsonNode example, JsonNode written) {
    }

    static List<ApiChange> between(BalanceSpec baseline, BalanceSpec current) {
        Map<String, Use> before = examples(baseline);
        Map<String, Use> after = examples(current);
        Set<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        return keys.stream().<ApiChange>mapMulti((key, out) -> {
            Use old = before.get(key);
            Use now = after.get(key);
            if (old == null) {
                // A new contract test that every implementation must pass.
                out.accept(new ApiChange(Level.COMPATIBLE, Level.POTENTIALLY_BREAKING, "example-added", now.location(),
                        "new example: a new stub, and a new contract test for implementations"));
            } else if (now == null) {
                out.accept(ApiChange.both(Level.POTENTIALLY_BREAKING, "example-removed", old.location(),
                        "example removed: its contract test and stub are gone"));
            } else if (!same(old.example(), now.example())) {
                out.accept(ApiChange.both(Level.POTENTIALLY_BREAKING, "example-changed", now.location(),
                        "example changed at " + firstDifference("", old.example(), now.example())));
            } else if (!old.written().equals(now.written())) {
                out.accept(ApiChange.both(Level.COMPATIBLE, "example-prose-changed", now.location(),
                        "summary or description edited"));
            }
        }).toList();
    }

    private static boolean same(JsonNode a, JsonNode b) {
        return a.equals(EXACT, b);
    }

    /**
     * Every example an operation uses, without its prose. Keyed by operationId, so that the
     * examples of an operation that moved to another path are not all reported removed and added.
     */
    private static Map<String, Use> examples(BalanceSpec spec) {
        Map<String, Use> found = new TreeMap<>();
        JsonNode paths = spec.raw().path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            JsonNode pathItem = spec.deref(path.getValue());
            for (String method : METHODS) {
                JsonNode operation = pathItem.get(method);
                if (operation == null) {
                    continue;
                }
                String at = method.toUpperCase() + " " + path.getKey();
                String id = operation.hasNonNull("operationId") ? "operation " + operation.get("operationId").asText() : at;
                for (JsonNode parameters : List.of(pathItem.path("parameters"), operation.path("parameters"))) {
                    for (JsonNode reference : parameters) {
                        JsonNode parameter = spec.deref(reference);
                        String place = SEP + parameter.path("in").asText() + " parameter " + parameter.path("name").asText();
                        collect(spec, parameter, id, at, place, found);
                    }
                }
                for (Iterator<Map.Entry<String, JsonNode>> responses = operation.path("responses").fields(); responses.hasNext(); ) {
                    Map.Entry<String, JsonNode> response = responses.next();
                    JsonNode content = spec.deref(response.getValue()).path("content");
                    for (Iterator<Map.Entry<String, JsonNode>> types = content.fields(); types.hasNext(); ) {
                        Map.Entry<String, JsonNode> type = types.next();
                        collect(spec, type.getValue(), id, at, SEP + response.getKey() + SEP + type.getKey(), found);
                    }
                }
            }
        }
        return found;
    }

    private static void collect(BalanceSpec spec, JsonNode holder, String id, String at, String place, Map<String, Use> found) {
        for (Iterator<Map.Entry<String, JsonNode>> named = holder.path("examples").fields(); named.hasNext(); ) {
            Map.Entry<String, JsonNode> example = named.next();
            JsonNode resolved = spec.deref(example.getValue());
            ObjectNode contract = resolved.isObject() ? ((ObjectNode) resolved).deepCopy() : null;
            if (contract != null) {
                contract.remove(PROSE);
            }
            String name = place + SEP + "example " + example.getKey();
            found.put(id + name, new Use(at + name, contract == null ? resolved : contract, resolved));
        }
        if (holder.has("example")) {
            String name = place + SEP + "example (unnamed)";
            found.put(id + name, new Use(at + name, holder.get("example"), holder.get("example")));
        }
    }

    /** Where two example trees first differ, as a JSON pointer with both values; scale counts. */
    static String firstDifference(String pointer, JsonNode old, JsonNode now) {
        if (old.isObject() && now.isObject()) {
            Set<String> names = new TreeSet<>();
            old.fieldNames().forEachRemaining(names::add);
            now.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode a = old.get(name);
                JsonNode b = now.get(name);
                if (a == null || b == null || !same(a, b)) {
                    return a == null || b == null
                            ? pointer + "/" + name + " " + (a == null ? "added" : "removed")
                            : firstDifference(pointer + "/" + name, a, b);
                }
            }
        } else if (old.isArray() && now.isArray() && old.size() == now.size()) {
            for (int i = 0; i < old.size(); i++) {
                if (!same(old.get(i), now.get(i))) {
                    return firstDifference(pointer + "/" + i, old.get(i), now.get(i));
                }
            }
        }
        return (pointer.isEmpty() ? "/" : pointer) + ": " + old + " became " + now;
    }
}
