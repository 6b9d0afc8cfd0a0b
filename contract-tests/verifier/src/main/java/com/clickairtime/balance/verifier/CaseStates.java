package com.clickairtime.balance.verifier;

import com.clickairtime.balance.openapi.ExampleCase;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The provider states the cases need, as the pairing read them from the spec's
 * {@code x-provider-state} ({@link ExampleCase#providerState()}). A case that sends a key must
 * name one, or no provider could tell what kind of key it needs.
 */
final class CaseStates {

    private final Set<String> all = new LinkedHashSet<>();

    CaseStates(List<ExampleCase> cases) {
        List<String> problems = new ArrayList<>();
        for (ExampleCase example : cases) {
            if (example.providerState() != null) {
                all.add(example.providerState());
            } else if (example.credentials().apiKey() != null) {
                problems.add(example.contractName() + " sends a key but states no x-provider-state, so a provider"
                        + " cannot tell what kind of key it needs");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The spec's provider states are incomplete:\n  - " + String.join("\n  - ", problems));
        }
    }

    /** Every state some case needs, in the order the cases need them. */
    Set<String> all() {
        return all;
    }
}
