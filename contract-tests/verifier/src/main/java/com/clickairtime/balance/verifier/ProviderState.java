package com.clickairtime.balance.verifier;

/**
 * Puts the team's server into a state the spec names, in the style of Pact's {@code @State}:
 * seed the data the case needs and return the key (and ids) to use.
 */
@FunctionalInterface
public interface ProviderState {

    StateSetup setUp(StateContext context) throws Exception;
}
