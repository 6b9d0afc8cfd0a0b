package com.clickairtime.balance.verifier;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a provider state hands back once its data is in place: the API key the case sends, and
 * any request parameter to send instead of its documented value (an id of the team's own data).
 */
public final class StateSetup {

    private final String apiKey;
    private final Map<String, String> parameters;

    private StateSetup(String apiKey, Map<String, String> parameters) {
        this.apiKey = apiKey;
        this.parameters = Map.copyOf(parameters);
    }

    /** The case sends this key. Read it from the environment or from your test data, never from a file in the repo. */
    public static StateSetup apiKey(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("a provider state must return a non-blank API key");
        }
        return new StateSetup(apiKey, Map.of());
    }

    /**
     * The key from an environment variable, for runs against a URL in CI. A missing variable is
     * a named failure; the key itself is never printed.
     */
    public static StateSetup apiKeyFromEnvironment(String variable) {
        String value = System.getenv(Objects.requireNonNull(variable, "variable"));
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("the environment variable " + variable + " is not set");
        }
        return new StateSetup(value, Map.of());
    }

    /** Sends {@code value} for the request parameter {@code name} instead of the documented value. */
    public StateSetup withParameter(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(parameters);
        copy.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new StateSetup(apiKey, copy);
    }

    public String apiKey() {
        return apiKey;
    }

    public Map<String, String> parameters() {
        return parameters;
    }

    @Override
    public String toString() {
        return "StateSetup{apiKey=" + KeyMask.mask(apiKey) + ", parameters=" + parameters + "}";
    }
}
