package com.clickairtime.balance.openapi;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * One named example pair: a request (path, query and header parameters, credentials) and the
 * response the document promises for it.
 *
 * @param operationId     the operation the pair belongs to
 * @param method          HTTP method, upper case
 * @param pathTemplate    the path as written in the document, e.g. {@code /v2/balance/{wallet_id}}
 * @param name            the example name shared by request and response
 * @param pathParameters  path parameter values of the request, by name
 * @param queryParameters query parameter values of the request, by name, in the document's parameter order
 * @param headerParameters header parameter values of the request, by name, in the document's parameter order
 * @param credentials     what the request authenticates with
 * @param status          the response status
 * @param mediaType       the response media type
 * @param body            the response body, decimals exactly as written
 * @param bodySchema      the response body's schema (raw node, possibly a {@code $ref})
 * @param requiredHeaders the response headers the document marks required: header objects by name, refs resolved
 * @param anyValueOf      path parameters for which the response answers any value that no other example names
 * @param invalidRequest  the request is deliberately invalid (its response is a 400): at least one of its parameter
 *                        values breaks its schema, and the schema check of examples expects exactly that
 * @param providerState   what the case needs its server to hold ({@code x-provider-state}); null when it needs
 *                        nothing (no key) or the document states nothing
 */
public record ExampleCase(
        String operationId,
        String method,
        String pathTemplate,
        String name,
        Map<String, String> pathParameters,
        Map<String, String> queryParameters,
        Map<String, String> headerParameters,
        Credentials credentials,
        int status,
        String mediaType,
        JsonNode body,
        JsonNode bodySchema,
        Map<String, JsonNode> requiredHeaders,
        Set<String> anyValueOf,
        boolean invalidRequest,
        String providerState) {

    public ExampleCase {
        // Insertion order is the document's parameter order; Map.copyOf would lose it.
        pathParameters = Collections.unmodifiableMap(new LinkedHashMap<>(pathParameters));
        queryParameters = Collections.unmodifiableMap(new LinkedHashMap<>(queryParameters));
        headerParameters = Collections.unmodifiableMap(new LinkedHashMap<>(headerParameters));
    }

    /** The contract name: {@code <operationId>_<exampleName>}. */
    public String contractName() {
        return operationId + "_" + name;
    }

    /**
     * The id of the case's WireMock stub: a name-based UUID of {@link #contractName()}, so that
     * the stubs jar is the same bytes on every build and a stub keeps its id from one release to
     * the next.
     */
    public UUID stubId() {
        return UUID.nameUUIDFromBytes(contractName().getBytes(StandardCharsets.UTF_8));
    }

    /** The request path with every parameter filled in and percent-encoded as one segment. */
    public String path() {
        return requestTarget(pathParameters, Map.of());
    }

    /**
     * The request target: {@link #path()}, then {@code ?} and the query parameters form-encoded
     * ({@code name=value&...}, in the document's order) when there are any.
     */
    public String requestTarget() {
        return requestTarget(pathParameters, queryParameters);
    }

    /**
     * The request target of this case's operation with other values, for a server whose data
     * differs from the examples': the path values percent-encoded as segments, the query ones
     * form-encoded in the order given.
     */
    public String requestTarget(Map<String, String> pathValues, Map<String, String> queryValues) {
        String path = pathTemplate;
        for (Map.Entry<String, String> parameter : pathValues.entrySet()) {
            path = path.replace("{" + parameter.getKey() + "}", segment(parameter.getValue()));
        }
        if (queryValues.isEmpty()) {
            return path;
        }
        StringJoiner query = new StringJoiner("&", path + "?", "");
        queryValues.forEach((name, value) -> query.add(formEncoded(name) + "=" + formEncoded(value)));
        return query.toString();
    }

    /** A query parameter's name or value, form-encoded ({@code application/x-www-form-urlencoded}, UTF-8). */
    public static String formEncoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
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
