package com.clickairtime.balance.client;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The spec's two operations as the client sends them. The client builds its own requests so that it
 * can read each body as UTF-8 bytes; OperationTest pins these paths to the spec.
 */
enum Operation {

    GET_BALANCE("getBalance", "/v2/balance", null),
    GET_WALLET("getWalletBalance", "/v2/balance/{wallet_id}", "wallet_id");

    final String operationId;
    final String path;
    final String pathParameter;
    /** The path around its parameter, split once rather than searched on every call. */
    private final String beforeParameter;
    private final String afterParameter;

    Operation(String operationId, String path, String pathParameter) {
        this.operationId = operationId;
        this.path = path;
        this.pathParameter = pathParameter;
        int at = pathParameter == null ? path.length() : path.indexOf("{" + pathParameter + "}");
        this.beforeParameter = path.substring(0, at);
        this.afterParameter = pathParameter == null ? "" : path.substring(at + pathParameter.length() + 2);
    }

    /** The operation's URL under {@code baseUrl}; the parameter is percent-encoded as one path segment (a/b becomes a%2Fb). */
    URI uri(String baseUrl, String parameter) {
        if (pathParameter == null) {
            return URI.create(baseUrl + path);
        }
        // Form encoding writes a space as +, which a path would keep as a plus sign.
        String segment = URLEncoder.encode(parameter, StandardCharsets.UTF_8).replace("+", "%20");
        return URI.create(baseUrl + beforeParameter + segment + afterParameter);
    }
}
