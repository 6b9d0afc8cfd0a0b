package com.clickairtime.balance.verifier;

import java.util.Map;

/**
 * What a provider state callback is told about the case it prepares.
 *
 * @param state               the state's name, as the spec states it ({@code x-provider-state})
 * @param caseName            the case, {@code <operationId>_<example name>}
 * @param operationId         the operation the case calls
 * @param documentedParameters the request's parameter values as documented, by name
 */
public record StateContext(String state, String caseName, String operationId, Map<String, String> documentedParameters) {
}
