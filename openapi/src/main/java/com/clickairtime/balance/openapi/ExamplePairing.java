package com.clickairtime.balance.openapi;

import com.clickairtime.balance.openapi.ExampleCase.Credentials;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Pairs request and response examples by name, the way Specmatic does: a path-parameter
 * example and a response example of the same operation with the same name are one case.
 *
 * <p>Only named examples ({@code examples:}) pair; a single {@code example:} documents a body
 * and is no case. The pairing must be complete (every response example of an operation with
 * path parameters has a value for each of them, and every parameter example has a response)
 * and unambiguous (a name occurs once per operation).
 */
final class ExamplePairing {

    static final String API_KEY_EXTENSION = "x-sandbox-api-key";
    static final String NO_KEY = "none";

    private final BalanceSpec spec;
    private final List<String> problems = new ArrayList<>();

    ExamplePairing(BalanceSpec spec) {
        this.spec = spec;
    }

    List<ExampleCase> cases() {
        String defaultKey = defaultSandboxKey();
        List<ExampleCase> cases = new ArrayList<>();
        for (Map.Entry<String, PathItem> path : spec.openApi().getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> operation : path.getValue().readOperationsMap().entrySet()) {
                String method = operation.getKey().name().toLowerCase(Locale.ROOT);
                JsonNode node = spec.raw().at("/paths/" + escape(path.getKey()) + "/" + method);
                cases.addAll(casesOf(path.getKey(), method, operation.getValue().getOperationId(), node, defaultKey));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The named examples do not pair up:\n  - " + String.join("\n  - ", problems));
        }
        return List.copyOf(cases);
    }

    private List<ExampleCase> casesOf(String path, String method, String operationId, JsonNode operation, String defaultKey) {
        Map<String, Map<String, String>> parameterValues = new LinkedHashMap<>();
        List<String> pathParameters = new ArrayList<>();
        for (JsonNode reference : operation.path("parameters")) {
            JsonNode parameter = spec.deref(reference);
            if (!"path".equals(parameter.path("in").asText())) {
                continue;
            }
            String parameterName = parameter.path("name").asText();
            pathParameters.add(parameterName);
            forEachField(parameter.path("examples"), (exampleName, example) -> parameterValues
                    .computeIfAbsent(exampleName, n -> new LinkedHashMap<>())
                    .put(parameterName, spec.deref(example).path("value").asText()));
        }

        List<ExampleCase> cases = new ArrayList<>();
        Set<String> responseNames = new LinkedHashSet<>();
        Iterator<Map.Entry<String, JsonNode>> responses = operation.path("responses").fields();
        while (responses.hasNext()) {
            Map.Entry<String, JsonNode> entry = responses.next();
            if (!entry.getKey().matches("\\d{3}")) {
                problems.add(operationId + ": response '" + entry.getKey() + "' has no exact status for examples to pair with");
                continue;
            }
            int status = Integer.parseInt(entry.getKey());
            JsonNode response = spec.deref(entry.getValue());
            Map<String, JsonNode> headers = requiredHeaders(response);
            forEachField(response.path("content"), (mediaType, content) ->
                    forEachField(content.path("examples"), (name, reference) -> {
                        if (!responseNames.add(name)) {
                            problems.add(operationId + ": example name '" + name + "' is used by more than one response");
                            return;
                        }
                        Map<String, String> values = parameterValues.getOrDefault(name, Map.of());
                        for (String parameter : pathParameters) {
                            if (!values.containsKey(parameter)) {
                                problems.add(operationId + ": response example '" + name + "' (" + status
                                        + ") has no '" + parameter + "' example of the same name");
                            }
                        }
                        JsonNode example = spec.deref(reference);
                        cases.add(new ExampleCase(operationId, method.toUpperCase(Locale.ROOT), path, name, values,
                                credentials(example, defaultKey), status, mediaType, example.path("value"),
                                content.path("schema"), headers));
                    }));
        }
        for (String name : parameterValues.keySet()) {
            if (!responseNames.contains(name)) {
                problems.add(operationId + ": parameter example '" + name + "' has no response example of the same name");
            }
        }
        return cases;
    }

    private Credentials credentials(JsonNode example, String defaultKey) {
        JsonNode key = example.path(API_KEY_EXTENSION);
        if (key.isMissingNode()) {
            return new Credentials(Credentials.Kind.ANY_VALID_KEY, defaultKey);
        }
        if (NO_KEY.equals(key.asText())) {
            return new Credentials(Credentials.Kind.NO_KEY, null);
        }
        return new Credentials(Credentials.Kind.EXACT_KEY, key.asText());
    }

    private String defaultSandboxKey() {
        for (JsonNode scheme : spec.raw().path("components").path("securitySchemes")) {
            if (scheme.has(API_KEY_EXTENSION)) {
                return scheme.get(API_KEY_EXTENSION).asText();
            }
        }
        problems.add("no security scheme names the default sandbox key in " + API_KEY_EXTENSION);
        return null;
    }

    private Map<String, JsonNode> requiredHeaders(JsonNode response) {
        Map<String, JsonNode> headers = new LinkedHashMap<>();
        forEachField(response.path("headers"), (name, reference) -> {
            JsonNode header = spec.deref(reference);
            if (header.path("required").asBoolean(false)) {
                headers.put(name, header);
            }
        });
        return headers;
    }

    private static void forEachField(JsonNode node, java.util.function.BiConsumer<String, JsonNode> action) {
        node.fields().forEachRemaining(field -> action.accept(field.getKey(), field.getValue()));
    }

    private static String escape(String pointerToken) {
        return pointerToken.replace("~", "~0").replace("/", "~1");
    }
}
