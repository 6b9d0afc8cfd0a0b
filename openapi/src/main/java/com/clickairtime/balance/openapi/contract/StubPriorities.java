package com.clickairtime.balance.openapi.contract;

import com.clickairtime.balance.openapi.ExampleCase;
import com.clickairtime.balance.openapi.ExampleCase.Credentials.Kind;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * How the stubs of one spec match and in which order WireMock tries them: lower wins.
 *
 * <p>Stubs overlap: a key-specific stub and the any-key stub of the same path, a stub that also
 * matches a header parameter and one that ignores it, an example's own request and a rule
 * ({@code x-answers-any}). The more specific one must win, or it is unreachable. So the priority
 * is, in this order: one exact key before any well-formed key before no key before any malformed
 * key; an example's own request before a rule; then more query and header parameters before fewer.
 *
 * <p>A rule is one stub: when several cases of an operation carry the same rule with the same
 * answer (two names for the shared {@code WalletNotFound} example), the first one's stub is the
 * rule and the others' stubs match their own requests only. Two stubs that would still match
 * exactly the same requests at the same priority leave the answer to chance:
 * {@link #requireDistinct()} refuses them, naming both cases.
 */
final class StubPriorities {

    private final List<ExampleCase> cases;
    private final int mostParameters;
    private final Set<ExampleCase> rules = Collections.newSetFromMap(new IdentityHashMap<>());

    StubPriorities(List<ExampleCase> cases) {
        this.cases = List.copyOf(cases);
        this.mostParameters = cases.stream().mapToInt(StubPriorities::parameterCount).max().orElse(0);
        Map<String, ExampleCase> ruleOwners = new LinkedHashMap<>();
        for (ExampleCase example : cases) {
            if (!isRule(example)) {
                continue;
            }
            ExampleCase owner = ruleOwners.putIfAbsent(matcher(example, true), example);
            if (owner == null || !sameAnswer(owner, example)) {
                rules.add(example);
            }
        }
    }

    /** Whether the case's stub is a rule (matches more than its own request) rather than its own request alone. */
    boolean rule(ExampleCase example) {
        return rules.contains(example);
    }

    /** The stub priority of one case of this spec. */
    int of(ExampleCase example) {
        boolean rule = rule(example);
        int credentials = switch (example.credentials().kind()) {
            case EXACT_KEY -> 0;
            case ANY_VALID_KEY -> 1;
            case NO_KEY -> 2;
            case NOT_WELL_FORMED -> rule ? 3 : 2;
        };
        int tier = rule && !example.anyValueOf().isEmpty() ? credentials + 4 : credentials;
        return tier * (mostParameters + 1) + (mostParameters - parameterCount(example)) + 1;
    }

    /** Fails when two cases' stubs match the same requests at the same priority. */
    void requireDistinct() {
        Map<String, List<String>> byMatcher = new TreeMap<>();
        for (ExampleCase example : cases) {
            byMatcher.computeIfAbsent(of(example) + " " + matcher(example, rule(example)), key -> new ArrayList<>())
                    .add(example.contractName());
        }
        List<String> clashes = byMatcher.values().stream().filter(names -> names.size() > 1)
                .map(names -> String.join(" and ", names)).toList();
        if (!clashes.isEmpty()) {
            throw new IllegalStateException("These examples would become stubs that match the same requests at the same"
                    + " priority, so which one answers is left to chance; give each its own request values:\n  - "
                    + String.join("\n  - ", clashes));
        }
    }

    private static boolean isRule(ExampleCase example) {
        return !example.anyValueOf().isEmpty() || example.credentials().kind() == Kind.NOT_WELL_FORMED;
    }

    private static boolean sameAnswer(ExampleCase a, ExampleCase b) {
        return a.status() == b.status() && Objects.equals(a.mediaType(), b.mediaType()) && a.body().equals(b.body());
    }

    /** What a case's stub matches, as text: equal text, equal requests. */
    private static String matcher(ExampleCase example, boolean rule) {
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("method", example.method());
        parts.put("path", rule && !example.anyValueOf().isEmpty()
                ? "~" + NamedExampleContractConverter.pathPattern(example) : example.path());
        parts.put("query", new TreeMap<>(example.queryParameters()));
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(example.headerParameters());
        parts.put("headers", headers);
        Kind kind = example.credentials().kind();
        parts.put("authorization", switch (kind) {
            case EXACT_KEY -> example.credentials().authorization();
            case NOT_WELL_FORMED -> rule ? kind : Kind.NO_KEY;
            default -> kind;
        });
        return parts.toString();
    }

    private static int parameterCount(ExampleCase example) {
        return example.queryParameters().size() + example.headerParameters().size();
    }
}
