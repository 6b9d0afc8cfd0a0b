package com.clickairtime.balance.openapi;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * One named example pair: a request (path parameters and credentials) and the response the
 * document promises for it.
 *
 * @param operationId     the operation the pair belongs to
 * @param method          HTTP method, upper case
 * @param pathTemplate    the path as written in the document, e.g. {@code /v2/balance/{wallet_id}}
 * @param name            the example name shared by request and response
 * @param pathParameters  parameter values of the request, by name
 * @param credentials     what the request authenticates with
 * @param status          the response status
 * @param mediaType       the response media type
 * @param body            the response body, decimals exactly as written
 * @param bodySchema      the response body's schema (raw node, possibly a {@code $ref})
 * @param requiredHeaders the response headers the document marks required: header objects by name, refs resolved
 * @param anyValueOf      path parameters for which the response answers any value that no other example names
 */
public record ExampleCase(
        String operationId,
        String method,
        String pathTemplate,
        String name,
        Map<String, String> pathParameters,
        Credentials credentials,
        int status,
        String mediaType,
        JsonNode body,
        JsonNode bodySchema,
        Map<String, JsonNode> requiredHeaders,
        Set<String> anyValueOf) {

    /** The contract name: {@code <operationId>_<exampleName>}. */
    public String contractName() {
        return operationId + "_" + name;
    }

    /** The request path with every parameter filled in and percent-encoded as one segment. */
    public String path() {
        String path = pathTemplate;
        for (Map.Entry<String, String> parameter : pathParameters.entrySet()) {
            path = path.replace("{" + parameter.getKey() + "}", segment(parameter.getValue()));
        }
        return path;
    }

    /** A value percent-encoded as one path segment. */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public boolean isError() {
        return status >= 400;
    }

    /**
     * The credentials of a request.
     *
     * @param kind what a stub accepts
     * @param apiKey the key a real request sends; null when it sends none
     */
    public record Credentials(Kind kind, String apiKey) {

        public enum Kind {
            /** The stub accepts any well-formed key; the request sends the document's default sandbox key. */
            ANY_VALID_KEY,
            /** The stub and the request use exactly this key. */
            EXACT_KEY,
            /** The request has no Authorization header. */
            NO_KEY,
            /** The request has no Authorization header; the stub accepts any that is not a well-formed key. */
            NOT_WELL_FORMED
        }

        /** The Authorization header value, or null when none is sent. */
        public String authorization() {
            return apiKey == null ? null : "Bearer " + apiKey;
        }
    }
}
