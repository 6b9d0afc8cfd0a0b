package com.clickairtime.balance.verifier;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.clickairtime.balance.openapi.ExampleCase;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The provider state each documented case needs, as the spec states it in {@code x-provider-state}:
 * on the case's request (parameter) example, else on its response example, else, for a case that
 * sends the default key, on the security scheme. A case that sends no key needs no state.
 */
final class CaseStates {

    static final String EXTENSION = "x-provider-state";

    private final BalanceSpec spec;
    private final Map<String, String> byCase = new LinkedHashMap<>();

    CaseStates(BalanceSpec spec, List<ExampleCase> cases) {
        this.spec = spec;
        String defaultState = defaultState();
        List<String> problems = new ArrayList<>();
        for (ExampleCase example : cases) {
            Optional<String> stated = requestState(example).or(() -> responseState(example));
            String state = switch (example.credentials().kind()) {
                case NO_KEY, NOT_WELL_FORMED -> null;
                case ANY_VALID_KEY -> stated.orElse(defaultState);
                case EXACT_KEY -> stated.orElse(null);
            };
            if (state == null && example.credentials().apiKey() != null) {
                problems.add(example.contractName() + " sends a key of its own but states no " + EXTENSION
                        + ", so a provider cannot tell what kind of key it needs");
            }
            byCase.put(example.contractName(), state);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The spec's provider states are incomplete:\n  - " + String.join("\n  - ", problems));
        }
    }

    /** The state a case needs, or null when it needs none. */
    String of(ExampleCase example) {
        return byCase.get(example.contractName());
    }

    /** Every state some case needs, in the order the cases need them. */
    Set<String> all() {
        Set<String> states = new LinkedHashSet<>(byCase.values());
        states.remove(null);
        return states;
    }

    private String defaultState() {
        for (JsonNode scheme : spec.raw().path("components").path("securitySchemes")) {
            if (scheme.has(EXTENSION)) {
                return scheme.get(EXTENSION).asText();
            }
        }
        return null;
    }

    private Optional<String> requestState(ExampleCase example) {
        JsonNode operation = operation(example);
        List<JsonNode> parameters = new ArrayList<>();
        spec.raw().path("paths").path(example.pathTemplate()).path("parameters").forEach(parameters::add);
        operation.path("parameters").forEach(parameters::add);
        for (JsonNode reference : parameters) {
            JsonNode named = spec.deref(reference).path("examples").path(example.name());
            if (!named.isMissingNode() && spec.deref(named).has(EXTENSION)) {
                return Optional.of(spec.deref(named).get(EXTENSION).asText());
            }
        }
        return Optional.empty();
    }

    private Optional<String> responseState(ExampleCase example) {
        JsonNode response = spec.deref(operation(example).path("responses").path(String.valueOf(example.status())));
        JsonNode named = response.path("content").path(example.mediaType()).path("examples").path(example.name());
        return named.isMissingNode() || !spec.deref(named).has(EXTENSION) ? Optional.empty()
                : Optional.of(spec.deref(named).get(EXTENSION).asText());
    }

    private JsonNode operation(ExampleCase example) {
        return spec.raw().path("paths").path(example.pathTemplate()).path(example.method().toLowerCase(Locale.ROOT));
    }
}
