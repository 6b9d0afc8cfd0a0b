package com.clickairtime.balance.verifier;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.clickairtime.balance.openapi.ExampleCase;
import com.clickairtime.balance.verifier.check.WireText;
import com.clickairtime.balance.verifier.wire.Target;
import com.clickairtime.balance.verifier.wire.WireRequest;
import com.clickairtime.balance.verifier.wire.WireResponse;
import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A server that answers every documented request with its example, headers from their schemas'
 * examples: what a faithful implementation writes. A mutation turns it into a server with one bug.
 */
public final class DocumentedServer implements Target {

    private final Map<String, ExampleCase> byRequest = new LinkedHashMap<>();
    private final UnaryOperator<WireResponse> mutation;

    public DocumentedServer(BalanceSpec spec, UnaryOperator<WireResponse> mutation) {
        for (ExampleCase example : spec.cases()) {
            Map<String, String> headers = new LinkedHashMap<>(example.headerParameters());
            if (example.credentials().authorization() != null) {
                headers.put("Authorization", example.credentials().authorization());
            }
            byRequest.putIfAbsent(key(example.requestTarget(), headers), example);
        }
        this.mutation = mutation;
    }

    @Override
    public WireResponse send(WireRequest request, Duration timeout) {
        Map<String, String> sent = new LinkedHashMap<>(request.headers());
        sent.remove("Accept");
        ExampleCase example = byRequest.get(key(request.target(), sent));
        if (example == null) {
            return new WireResponse(500, Map.of("Content-Type", List.of("text/plain")), "no example".getBytes(StandardCharsets.UTF_8));
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of(example.mediaType()));
        for (Map.Entry<String, JsonNode> header : example.requiredHeaders().entrySet()) {
            // A time is written as a server writes it, now; an example's time is long past.
            headers.put(header.getKey(), List.of(header.getValue().has("x-unix-time")
                    ? String.valueOf(Instant.now().getEpochSecond() + 30)
                    : header.getValue().path("example").asText()));
        }
        byte[] body = WireText.asWritten(example.body()).getBytes(StandardCharsets.UTF_8);
        return mutation.apply(new WireResponse(example.status(), headers, body));
    }

    @Override
    public String describe() {
        return "the documented server";
    }

    private static String key(String target, Map<String, String> headers) {
        return target + " " + new java.util.TreeMap<>(headers);
    }

    /** The same response with its body's text replaced. */
    static WireResponse withBody(WireResponse response, String body) {
        return new WireResponse(response.status(), response.headers(), body.getBytes(StandardCharsets.UTF_8));
    }
}
