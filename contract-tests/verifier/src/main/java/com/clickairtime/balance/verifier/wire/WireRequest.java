package com.clickairtime.balance.verifier.wire;

import java.util.Map;

/**
 * One request as the verifier sends it.
 *
 * @param method  HTTP method, upper case
 * @param target  path and query, percent-encoded, e.g. {@code /v2/balance/wal_ghs_001}
 * @param headers request headers by name, in the order they are sent
 */
public record WireRequest(String method, String target, Map<String, String> headers) {

    public WireRequest {
        headers = Map.copyOf(headers);
    }

    /** The path without its query, which is what the spec's operations are matched by. */
    public String path() {
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }
}
