package com.clickairtime.balance.sandbox.wallet;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.clickairtime.balance.openapi.ExampleCase;
import com.clickairtime.balance.server.model.BalanceSummary;
import com.clickairtime.balance.server.model.Wallet;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The wallets that the spec's success examples show, and the totals they show for them: the
 * data of the account the dataset marks {@code from_examples}. Found by schema, wherever an
 * example's body holds a {@code Wallet} or a {@code BalanceSummary}, so a wallet added to or
 * changed in an example is the sandbox's wallet on its next start.
 *
 * <p>Two examples that show the same wallet (or the same set of wallets) differently cannot
 * both be served: that stops the start with one message that names both and both values.
 */
final class ExampleWallets {

    /** One example's view of a thing: where it was seen, and what it showed there. */
    record Shown(String example, String pointer, JsonNode value) {

        String where() {
            return "example " + example + " at " + (pointer.isEmpty() ? "/" : pointer);
        }
    }

    private final BalanceSpec spec;
    private final Map<String, Shown> wallets = new LinkedHashMap<>();
    private final List<Shown> summaries = new ArrayList<>();
    /** Whether the example being walked answers a request with query or header values: a view, not the account. */
    private boolean aView;
    private final List<String> conflicts = new ArrayList<>();

    private ExampleWallets(BalanceSpec spec) {
        this.spec = spec;
    }

    static ExampleWallets of(BalanceSpec spec) {
        ExampleWallets found = new ExampleWallets(spec);
        Set<String> seen = new LinkedHashSet<>();
        for (ExampleCase example : spec.cases()) {
            // Cases that share one response example (a 404 under two names) are one example.
            if (example.status() / 100 == 2 && seen.add(example.operationId() + " " + example.name())) {
                found.aView = !example.queryParameters().isEmpty() || !example.headerParameters().isEmpty();
                found.walk(example.operationId() + " " + example.name(), "", example.body(), example.bodySchema());
            }
        }
        found.missingFromLists();
        found.inListOrder();
        if (!found.conflicts.isEmpty()) {
            throw new IllegalStateException("balance.yaml's examples disagree, so the sandbox cannot serve both:\n  - "
                    + String.join("\n  - ", found.conflicts));
        }
        return found;
    }

    /**
     * A wallet that one example shows and a list of the account's wallets leaves out: the list
     * and its total are what the account holds, so the wallet would be served alone by id and
     * missing from the list, or the total recomputed silently. Either way the examples disagree.
     */
    private void missingFromLists() {
        for (Shown summary : summaries) {
            Set<String> listed = new LinkedHashSet<>();
            summary.value().path("wallets").forEach(wallet -> listed.add(wallet.path("id").asText()));
            wallets.forEach((id, shown) -> {
                if (!listed.contains(id)) {
                    conflicts.add("wallet " + id + " is shown in " + shown.where() + " but missing from the account's wallets in "
                            + summary.where() + "/wallets: add it there (and to the total)");
                }
            });
        }
    }

    /** The wallets in the order the account's list shows them, wherever else they appear first. */
    private void inListOrder() {
        if (summaries.isEmpty() || !conflicts.isEmpty()) {
            return;
        }
        Map<String, Shown> ordered = new LinkedHashMap<>();
        summaries.get(0).value().path("wallets").forEach(wallet -> {
            String id = wallet.path("id").asText();
            ordered.put(id, wallets.get(id));
        });
        wallets.clear();
        wallets.putAll(ordered);
    }

    /** Every wallet the examples show, by id, in the order the account's list shows them (else as they first appear). */
    Map<String, Shown> wallets() {
        return wallets;
    }

    /** Every balance summary the examples show for a request without query or header values: the account's list. */
    List<Shown> summaries() {
        return summaries;
    }

    private void walk(String example, String pointer, JsonNode value, JsonNode schema) {
        if (value == null || value.isMissingNode() || value.isNull() || schema == null || schema.isMissingNode()) {
            return;
        }
        String ref = schema.path("$ref").asText("");
        if (ref.endsWith("/" + Wallet.class.getSimpleName())) {
            wallet(new Shown(example, pointer, value));
        } else if (ref.endsWith("/" + BalanceSummary.class.getSimpleName())) {
            // A filtered list (?currency=GHS) is a view of the account, not its list or its total.
            if (!aView) {
                summaries.add(new Shown(example, pointer, value));
            }
        }
        JsonNode resolved = spec.deref(schema);
        for (JsonNode part : resolved.path("allOf")) {
            walk(example, pointer, value, part);
        }
        resolved.path("properties").fields().forEachRemaining(property ->
                walk(example, pointer + "/" + property.getKey(), value.get(property.getKey()), property.getValue()));
        if (value.isArray() && resolved.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                walk(example, pointer + "/" + i, value.get(i), resolved.get("items"));
            }
        }
    }

    private void wallet(Shown shown) {
        String id = shown.value().path("id").asText();
        Shown earlier = wallets.putIfAbsent(id, shown);
        if (earlier != null && !earlier.value().equals(shown.value())) {
            conflicts.add("wallet " + id + ": " + difference(earlier, shown));
        }
    }

    /** The first field in which two views differ, with both values. */
    static String difference(Shown one, Shown other) {
        return difference(one.value(), one.where(), other.value(), other.where());
    }

    /** The first field in which two objects differ, with both values and where each was seen. */
    static String difference(JsonNode one, String oneWhere, JsonNode other, String otherWhere) {
        Set<String> fields = new LinkedHashSet<>();
        one.fieldNames().forEachRemaining(fields::add);
        other.fieldNames().forEachRemaining(fields::add);
        for (String field : fields) {
            JsonNode a = one.get(field);
            JsonNode b = other.get(field);
            if (a == null ? b != null : !a.equals(b)) {
                return field + " is " + shown(a) + " in " + oneWhere + " but " + shown(b) + " in " + otherWhere;
            }
        }
        return one + " in " + oneWhere + " but " + other + " in " + otherWhere;
    }

    private static String shown(JsonNode value) {
        return value == null ? "absent" : value.toString();
    }
}
