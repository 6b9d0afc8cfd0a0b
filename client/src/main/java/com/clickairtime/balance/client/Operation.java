package com.clickairtime.balance.client;

import com.clickairtime.balance.client.generated.invoker.ApiClient;

import java.net.URI;

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

    Operation(String operationId, String path, String pathParameter) {
        this.operationId = operationId;
        this.path = path;
        this.pathParameter = pathParameter;
    }

    /** The operation's URL under {@code baseUrl}; the parameter is percent-encoded as one path segment (a/b becomes a%2Fb). */
    URI uri(String baseUrl, String parameter) {
        String resolved = pathParameter == null ? path
                : path.replace("{" + pathParameter + "}", ApiClient.urlEncode(parameter));
        return URI.create(baseUrl + resolved);
    }
}
