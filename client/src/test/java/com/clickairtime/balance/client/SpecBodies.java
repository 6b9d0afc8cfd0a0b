package com.clickairtime.balance.client;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.clickairtime.balance.openapi.DocumentedError;
import com.clickairtime.balance.openapi.ExampleCase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Response bodies for the stubs, taken from the spec's examples (and edited where a test needs it). A test asks
 * for a case by its role (an operation's success, a status), not by an example's name or value, so that examples
 * and codes the spec adds or renames need no test edit.
 */
final class SpecBodies {

    static final BalanceSpec SPEC = BalanceSpec.load();
    static final List<ExampleCase> CASES = SPEC.cases();

    private SpecBodies() {
    }

    static ExampleCase named(String contractName) {
        return CASES.stream().filter(c -> c.contractName().equals(contractName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no example pair " + contractName));
    }

    /** The operation's first success case in the spec's order, sent with the default key. */
    static ExampleCase success(String operationId) {
        return CASES.stream().filter(c -> c.operationId().equals(operationId) && c.status() / 100 == 2).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(operationId + " has no success example"));
    }

    /** The operation's first case answered with this status. */
    static ExampleCase answering(String operationId, int status) {
        return CASES.stream().filter(c -> c.operationId().equals(operationId) && c.status() == status).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(operationId + " has no example answered with " + status));
    }

    /** A documented error body with this status, for a stub that needs one whatever its code. */
    static JsonNode errorBody(int status) {
        return documentedErrorBodies().stream().filter(e -> e.getKey() == status).map(Map.Entry::getValue).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the spec documents no error body with status " + status));
    }

    /**
     * Every error body the spec documents, with its status: each error response's examples, named (the cases) or
     * single (the 429 and 500 that no request can produce on demand), once each.
     */
    static List<Map.Entry<Integer, JsonNode>> documentedErrorBodies() {
        Map<String, Map.Entry<Integer, JsonNode>> bodies = new LinkedHashMap<>();
        for (JsonNode path : SPEC.raw().path("paths")) {
            for (JsonNode operation : path) {
                Iterator<Map.Entry<String, JsonNode>> responses = operation.path("responses").fields();
                while (responses.hasNext()) {
                    Map.Entry<String, JsonNode> response = responses.next();
                    if (!response.getKey().matches("[45]\\d\\d")) {
                        continue;
                    }
                    int status = Integer.parseInt(response.getKey());
                    JsonNode json = SPEC.deref(response.getValue()).path("content").path("application/json");
                    List<JsonNode> examples = new ArrayList<>();
                    if (json.has("example")) {
                        examples.add(json.get("example"));
                    }
                    json.path("examples").forEach(example -> examples.add(SPEC.deref(example).path("value")));
                    for (JsonNode body : examples) {
                        if (body.at("/error/code").isTextual()) {
                            bodies.putIfAbsent(status + " " + json(body), Map.entry(status, body));
                        }
                    }
                }
            }
        }
        return List.copyOf(bodies.values());
    }

    /**
     * A body for every documented code: its example where the spec has one, else (a generic code documented only
     * in {@code x-generic-errors}) an example body of another code with this one's code and message.
     */
    static List<Map.Entry<Integer, JsonNode>> everyDocumentedCode() {
        List<Map.Entry<Integer, JsonNode>> bodies = new ArrayList<>(documentedErrorBodies());
        for (DocumentedError error : SPEC.errors().values()) {
            if (bodies.stream().noneMatch(body -> body.getValue().at("/error/code").asText().equals(error.code()))) {
                ObjectNode body = bodies.get(0).getValue().deepCopy();
                ((ObjectNode) body.get("error")).put("code", error.code()).put("message", error.message()).putObject("details");
                bodies.add(Map.entry(error.status(), body));
            }
        }
        return bodies;
    }

    static String json(JsonNode body) {
        try {
            return BalanceSpec.EXACT_JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String edited(JsonNode body, Consumer<ObjectNode> edit) {
        ObjectNode copy = body.deepCopy();
        edit.accept(copy);
        return json(copy);
    }
}
