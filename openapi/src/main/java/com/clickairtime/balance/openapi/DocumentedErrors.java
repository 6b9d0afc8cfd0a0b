package com.clickairtime.balance.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects every error code the document states: from the error examples of the operations'
 * responses (their status is the response's), and from {@code components.x-generic-errors},
 * the codes the API answers with outside the operations. A code must have one status and one
 * message wherever it appears.
 */
final class DocumentedErrors {

    static final String GENERIC_ERRORS = "x-generic-errors";

    private static final ObjectMapper TREE = new ObjectMapper();

    private final Components components;
    private final Map<String, DocumentedError> errors = new TreeMap<>();
    private final List<String> problems = new ArrayList<>();

    private DocumentedErrors(OpenAPI openApi) {
        this.components = openApi.getComponents();
    }

    static Map<String, DocumentedError> of(OpenAPI openApi) {
        DocumentedErrors collected = new DocumentedErrors(openApi);
        for (PathItem path : openApi.getPaths().values()) {
            for (Operation operation : path.readOperations()) {
                operation.getResponses().forEach((status, response) -> {
                    if (status.matches("[45]\\d\\d")) {
                        collected.response(Integer.parseInt(status), response);
                    }
                });
            }
        }
        collected.generic();
        if (!collected.problems.isEmpty()) {
            throw new IllegalStateException("The documented errors disagree:\n  - " + String.join("\n  - ", collected.problems));
        }
        return Map.copyOf(collected.errors);
    }

    private void response(int status, ApiResponse response) {
        ApiResponse resolved = response.get$ref() == null ? response
                : components.getResponses().get(name(response.get$ref()));
        if (resolved.getContent() == null) {
            return;
        }
        for (MediaType media : resolved.getContent().values()) {
            if (media.getExample() != null) {
                add(status, TREE.valueToTree(media.getExample()));
            }
            if (media.getExamples() != null) {
                for (Example example : media.getExamples().values()) {
                    Example value = example.get$ref() == null ? example : components.getExamples().get(name(example.get$ref()));
                    add(status, TREE.valueToTree(value.getValue()));
                }
            }
        }
    }

    private void generic() {
        Object generic = components.getExtensions() == null ? null : components.getExtensions().get(GENERIC_ERRORS);
        if (generic == null) {
            problems.add("components." + GENERIC_ERRORS + " is missing");
            return;
        }
        TREE.valueToTree(generic).fields().forEachRemaining(entry -> put(new DocumentedError(entry.getKey(),
                entry.getValue().path("status").asInt(), entry.getValue().path("message").asText(null))));
    }

    private void add(int status, JsonNode body) {
        JsonNode error = body.path("error");
        if (error.has("code")) {
            put(new DocumentedError(error.path("code").asText(), status, error.path("message").asText(null)));
        }
    }

    private void put(DocumentedError error) {
        if (error.message() == null || error.message().isBlank() || error.status() < 400) {
            problems.add(error.code() + " needs a status of 400 or more and a message");
            return;
        }
        DocumentedError earlier = errors.putIfAbsent(error.code(), error);
        if (earlier != null && !earlier.equals(error)) {
            problems.add(error.code() + " is documented as " + earlier.status() + " \"" + earlier.message()
                    + "\" and as " + error.status() + " \"" + error.message() + "\"");
        }
    }

    private static String name(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }
}
