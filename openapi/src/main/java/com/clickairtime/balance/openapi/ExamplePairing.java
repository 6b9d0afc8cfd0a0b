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
import java.util.Optional;
import java.util.Set;

/**
 * Pairs request and response examples by name, the way Specmatic does: a path-parameter
 * example and a response example of the same operation with the same name are one case.
 *
 * <p>Only named examples ({@code examples:}) pair; a single {@code example:} documents a body
 * and is no case. The pairing must be complete (every response example of an operation with
 * path parameters has a value for each of them, and every parameter example has a response)
 * and unambiguous (a name occurs once per operation).
 *
 * <p>A response example with {@code x-sandbox-api-key} is a credential case: it has no request
 * example, because tools that send one key with every request would expect its answer to that
 * request. It is paired with the operation's default request, the request of its first 2xx
 * example. {@code x-answers-any} widens what an example answers: any value of a path
 * parameter, or ({@code authorization}) any credential that is not a well-formed key.
 */
final class ExamplePairing {

    static final String API_KEY_EXTENSION = "x-sandbox-api-key";
    static final String NO_KEY = "none";
    static final String ANSWERS_ANY_EXTENSION = "x-answers-any";
    static final String AUTHORIZATION = "authorization";

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

        List<ResponseExample> examples = new ArrayList<>();
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
                        examples.add(new ResponseExample(name, status, mediaType, spec.deref(reference),
                                content.path("schema"), headers));
                    }));
        }

        // A credential case is answered to the request of the operation's first success.
        Map<String, String> defaultRequest = examples.stream()
                .filter(e -> e.status() / 100 == 2 && parameterValues.containsKey(e.name()))
                .map(e -> parameterValues.get(e.name())).findFirst().orElse(null);

        List<ExampleCase> cases = new ArrayList<>();
        for (ResponseExample response : examples) {
            String name = response.name();
            boolean credentialCase = response.example().has(API_KEY_EXTENSION);
            Map<String, String> values = parameterValues.get(name);
            if (credentialCase && values != null) {
                problems.add(operationId + ": '" + name + "' sets " + API_KEY_EXTENSION + ", so it must have no request"
                        + " example: tools that send one key with every request would expect this answer to it");
            }
            if (credentialCase && values == null && !pathParameters.isEmpty()) {
                if (defaultRequest == null) {
                    problems.add(operationId + ": credential case '" + name
                            + "' needs a default request, but no 2xx example has a request example");
                }
                values = defaultRequest;
            }
            values = values == null ? Map.of() : values;
            for (String parameter : pathParameters) {
                if (!values.containsKey(parameter)) {
                    problems.add(operationId + ": response example '" + name + "' (" + response.status()
                            + ") has no '" + parameter + "' example of the same name");
                }
            }
            Credentials credentials = credentials(response.example(), defaultKey);
            Set<String> anyValueOf = new LinkedHashSet<>();
            for (JsonNode target : response.example().path(ANSWERS_ANY_EXTENSION)) {
                String what = target.asText();
                if (AUTHORIZATION.equals(what)) {
                    if (credentials.kind() != Credentials.Kind.NO_KEY) {
                        problems.add(operationId + ": '" + name + "' answers any " + AUTHORIZATION + " but its own request"
                                + " sends a key; give it " + API_KEY_EXTENSION + ": " + NO_KEY);
                    } else {
                        credentials = new Credentials(Credentials.Kind.NOT_WELL_FORMED, null);
                    }
                } else if (pathParameters.contains(what)) {
                    anyValueOf.add(what);
                } else if (!allPathParameters().contains(what)) {
                    // Another operation's parameter is fine: response examples are shared between operations.
                    problems.add(operationId + ": '" + name + "' answers any '" + what + "', which is neither "
                            + AUTHORIZATION + " nor a path parameter");
                }
            }
            cases.add(new ExampleCase(operationId, method.toUpperCase(Locale.ROOT), path, name, values, credentials,
                    response.status(), response.mediaType(), response.example().path("value"), response.schema(),
                    response.headers(), Set.copyOf(anyValueOf)));
        }
        for (String name : parameterValues.keySet()) {
            if (!responseNames.contains(name)) {
                problems.add(operationId + ": parameter example '" + name + "' has no response example of the same name");
            }
        }
        return cases;
    }

    private record ResponseExample(String name, int status, String mediaType, JsonNode example, JsonNode schema,
                                   Map<String, JsonNode> headers) {
    }

    private Set<String> allPathParameters() {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode parameter : spec.raw().path("components").path("parameters")) {
            if ("path".equals(parameter.path("in").asText())) {
                names.add(parameter.path("name").asText());
            }
        }
        for (JsonNode pathItem : spec.raw().path("paths")) {
            for (JsonNode operation : pathItem) {
                for (JsonNode reference : operation.path("parameters")) {
                    JsonNode parameter = spec.deref(reference);
                    if ("path".equals(parameter.path("in").asText())) {
                        names.add(parameter.path("name").asText());
                    }
                }
            }
        }
        return names;
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
        Optional<String> key = spec.defaultSandboxKey();
        if (key.isEmpty()) {
            problems.add("no security scheme names the default sandbox key in " + API_KEY_EXTENSION);
        }
        return key.orElse(null);
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
