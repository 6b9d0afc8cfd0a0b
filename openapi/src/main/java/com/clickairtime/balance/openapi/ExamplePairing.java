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
 * Pairs request and response examples by name, the way Specmatic does: the path, query and
 * header parameter examples and the response example of one operation that share a name are one
 * case.
 *
 * <p>Only named examples ({@code examples:}) pair; a single {@code example:} documents a body
 * and is no case. The pairing must be complete (every response example has a value for each
 * required parameter, and every parameter example has a response) and unambiguous (a name
 * occurs once per operation). An optional parameter without an example of a case's name is not
 * sent. A response example with status 400 pairs with a deliberately invalid request.
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
    /** What a case needs its server to hold (balance-contract-verifier): see "Provider states" in the spec. */
    static final String PROVIDER_STATE_EXTENSION = "x-provider-state";
    /** A response example with this status pairs with a deliberately invalid request. */
    static final int INVALID_REQUEST_STATUS = 400;
    private static final String PATH = "path";
    private static final String QUERY = "query";
    private static final String HEADER = "header";
    private static final Set<String> LOCATIONS = Set.of(PATH, QUERY, HEADER);
    private static final Set<String> IGNORED_HEADERS = Set.of("accept", "content-type", "authorization");

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
        List<Parameter> parameters = parameters(path, operation);
        Map<String, Request> requests = new LinkedHashMap<>();
        for (Parameter parameter : parameters) {
            forEachField(parameter.node().path("examples"), (exampleName, example) -> {
                Request request = requests.computeIfAbsent(exampleName, n -> new Request());
                request.of(parameter.in()).put(parameter.name(), spec.deref(example).path("value").asText());
                JsonNode state = spec.deref(example).path(PROVIDER_STATE_EXTENSION);
                if (!state.isMissingNode() && request.providerState == null) {
                    request.providerState = state.asText();
                }
            });
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

        // A credential case is answered to the default request: the request of the operation's first 2xx example.
        Request defaultRequest = examples.stream()
                .filter(e -> e.status() / 100 == 2 && !e.example().has(API_KEY_EXTENSION))
                .map(e -> requests.getOrDefault(e.name(), new Request())).findFirst().orElse(null);

        List<ExampleCase> cases = new ArrayList<>();
        for (ResponseExample response : examples) {
            String name = response.name();
            boolean credentialCase = response.example().has(API_KEY_EXTENSION);
            Request request = requests.get(name);
            if (credentialCase && request != null) {
                problems.add(operationId + ": '" + name + "' sets " + API_KEY_EXTENSION + ", so it must have no request"
                        + " example: tools that send one key with every request would expect this answer to it");
            }
            if (credentialCase && request == null) {
                if (defaultRequest == null && parameters.stream().anyMatch(Parameter::required)) {
                    problems.add(operationId + ": credential case '" + name
                            + "' needs a default request, but the operation has no 2xx example");
                }
                request = defaultRequest;
            }
            request = request == null ? new Request() : request;
            for (Parameter parameter : parameters) {
                if (parameter.required() && !request.of(parameter.in()).containsKey(parameter.name())) {
                    problems.add(operationId + ": response example '" + name + "' (" + response.status()
                            + ") has no '" + parameter.name() + "' example of the same name");
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
                } else if (parameters.stream().anyMatch(p -> p.in().equals(PATH) && p.name().equals(what))) {
                    anyValueOf.add(what);
                } else if (!allPathParameters().contains(what)) {
                    // Another operation's parameter is fine: response examples are shared between operations.
                    problems.add(operationId + ": '" + name + "' answers any '" + what + "', which is neither "
                            + AUTHORIZATION + " nor a path parameter");
                }
            }
            cases.add(new ExampleCase(operationId, method.toUpperCase(Locale.ROOT), path, name, request.path,
                    request.query, request.header, credentials, response.status(), response.mediaType(),
                    response.example().path("value"), response.schema(), response.headers(), Set.copyOf(anyValueOf),
                    response.status() == INVALID_REQUEST_STATUS, providerState(request, response.example(), credentials)));
        }
        requests.forEach((name, request) -> {
            if (!responseNames.contains(name)) {
                problems.add(operationId + ": parameter example '" + name + "' has no response example of the same name"
                        + " (it names " + String.join(", ", request.names()) + ")");
            }
        });
        return cases;
    }

    /**
     * The operation's path, query and header parameters in the document's order: the path
     * item's first, then the operation's, which override one of the same name and location.
     * Header parameters named Accept, Content-Type or Authorization are ignored, as OpenAPI says.
     */
    private List<Parameter> parameters(String path, JsonNode operation) {
        Map<String, Parameter> byKey = new LinkedHashMap<>();
        JsonNode pathItem = spec.raw().at("/paths/" + escape(path));
        for (JsonNode list : List.of(pathItem.path("parameters"), operation.path("parameters"))) {
            for (JsonNode reference : list) {
                JsonNode node = spec.deref(reference);
                String in = node.path("in").asText();
                String name = node.path("name").asText();
                if (!LOCATIONS.contains(in) || HEADER.equals(in) && IGNORED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    continue;
                }
                byKey.put(in + " " + name, new Parameter(name, in, PATH.equals(in) || node.path("required").asBoolean(false), node));
            }
        }
        return List.copyOf(byKey.values());
    }

    private record Parameter(String name, String in, boolean required, JsonNode node) {
    }

    /** The parameter values of one request example, by location. */
    private static final class Request {
        String providerState;
        final Map<String, String> path = new LinkedHashMap<>();
        final Map<String, String> query = new LinkedHashMap<>();
        final Map<String, String> header = new LinkedHashMap<>();

        Map<String, String> of(String in) {
            return switch (in) {
                case PATH -> path;
                case QUERY -> query;
                case HEADER -> header;
                default -> throw new IllegalArgumentException(in);
            };
        }

        List<String> names() {
            List<String> names = new ArrayList<>();
            path.keySet().forEach(n -> names.add("path parameter " + n));
            query.keySet().forEach(n -> names.add("query parameter " + n));
            header.keySet().forEach(n -> names.add("header " + n));
            return names;
        }
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

    /**
     * The state the case's request example states, else its response example, else, for a case that
     * sends the default key, the security scheme's; none for a case without a key, or where the
     * document states none.
     */
    private String providerState(Request request, JsonNode response, Credentials credentials) {
        if (credentials.apiKey() == null) {
            return null;
        }
        if (request.providerState != null) {
            return request.providerState;
        }
        if (response.has(PROVIDER_STATE_EXTENSION)) {
            return response.get(PROVIDER_STATE_EXTENSION).asText();
        }
        if (credentials.kind() != Credentials.Kind.ANY_VALID_KEY) {
            return null;
        }
        for (JsonNode scheme : spec.raw().path("components").path("securitySchemes")) {
            if (scheme.has(PROVIDER_STATE_EXTENSION)) {
                return scheme.get(PROVIDER_STATE_EXTENSION).asText();
            }
        }
        return null;
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
