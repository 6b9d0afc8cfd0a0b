package com.clickairtime.balance.sandbox.example;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.clickairtime.balance.openapi.ExampleCase;
import com.clickairtime.balance.sandbox.error.ErrorCode;
import com.clickairtime.balance.sandbox.error.ErrorResponses;
import com.clickairtime.balance.sandbox.wire.ResponseMeta;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerMapping;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Answers an operation that has no hand-written handler from the spec's named examples, the
 * way the stubs answer it: the request example whose values the request carries, else the
 * example that answers any value of the parameters that differ ({@code x-answers-any}).
 * Credential cases are not answered here: the access rules in front of every operation
 * already produce them from the dataset's keys.
 *
 * <p>The body is the example as written (decimals with their scale), with a fresh value for
 * every top-level property whose schema varies per request ({@code meta}).
 */
@Component
public class ExampleResponses {

    private final Map<String, List<ExampleCase>> casesByOperation;
    private final Map<String, Set<String>> variesPerRequest;
    private final ResponseMeta meta;
    private final JsonMapper json;
    private final ErrorResponses errors;

    public ExampleResponses(BalanceSpec spec, ResponseMeta meta, JsonMapper json, ErrorResponses errors) {
        this.casesByOperation = spec.cases().stream()
                .filter(c -> c.credentials().kind() == ExampleCase.Credentials.Kind.ANY_VALID_KEY)
                .collect(Collectors.groupingBy(ExampleCase::operationId, LinkedHashMap::new, Collectors.toList()));
        this.variesPerRequest = new LinkedHashMap<>();
        casesByOperation.values().stream().flatMap(List::stream)
                .forEach(c -> variesPerRequest.computeIfAbsent(c.contractName(), n -> variesPerRequest(spec, c.bodySchema())));
        this.meta = meta;
        this.json = json;
        this.errors = errors;
    }

    /** The operations that have examples to answer with. */
    public Set<String> operations() {
        return casesByOperation.keySet();
    }

    /**
     * The example that answers this request to the operation, if any: of the examples whose
     * path, query and header values the request carries, the one that names the most; else
     * one that answers any value of each path parameter that differs.
     */
    public Optional<ExampleCase> match(String operationId, HttpServletRequest request) {
        @SuppressWarnings("unchecked")
        Map<String, String> pathVariables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        Map<String, String> sent = pathVariables == null ? Map.of() : pathVariables;
        List<ExampleCase> exact = new ArrayList<>();
        List<ExampleCase> wildcard = new ArrayList<>();
        for (ExampleCase example : casesByOperation.getOrDefault(operationId, List.of())) {
            boolean otherValues = example.queryParameters().entrySet().stream()
                    .anyMatch(parameter -> !parameter.getValue().equals(request.getParameter(parameter.getKey())))
                    || example.headerParameters().entrySet().stream()
                    .anyMatch(parameter -> !parameter.getValue().equals(request.getHeader(parameter.getKey())));
            List<String> differing = example.pathParameters().entrySet().stream()
                    .filter(parameter -> !parameter.getValue().equals(sent.get(parameter.getKey())))
                    .map(Map.Entry::getKey).toList();
            if (otherValues) {
                continue;
            }
            if (differing.isEmpty()) {
                exact.add(example);
            } else if (example.anyValueOf().containsAll(differing)) {
                wildcard.add(example);
            }
        }
        // The most specific example first, as the stubs give a wider matcher a lower priority.
        Comparator<ExampleCase> specific = Comparator.comparingInt(ExampleResponses::named).reversed();
        return exact.stream().min(specific).or(() -> wildcard.stream().min(specific));
    }

    private static int named(ExampleCase example) {
        return example.pathParameters().size() + example.queryParameters().size() + example.headerParameters().size();
    }

    /** Writes the answer; a request that no example answers gets the 404 of an unknown resource. */
    public void respond(String operationId, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<ExampleCase> example = match(operationId, request);
        if (example.isEmpty()) {
            errors.write(request, response, ErrorCode.NOT_FOUND);
            return;
        }
        ExampleCase answer = example.get();
        ObjectNode body = (ObjectNode) answer.body().deepCopy();
        for (String property : variesPerRequest.get(answer.contractName())) {
            if (body.has(property)) {
                body.set(property, BalanceSpec.EXACT_JSON.readTree(json.writeValueAsString(meta.of(request))));
            }
        }
        response.setStatus(answer.status());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(BalanceSpec.EXACT_JSON.writeValueAsBytes(body));
    }

    /** The top-level properties of a body whose schema is marked {@code x-varies-per-request}. */
    private static Set<String> variesPerRequest(BalanceSpec spec, JsonNode bodySchema) {
        Set<String> properties = new LinkedHashSet<>();
        spec.deref(bodySchema).path("properties").fields().forEachRemaining(property -> {
            if (spec.deref(property.getValue()).path("x-varies-per-request").asBoolean(false)) {
                properties.add(property.getKey());
            }
        });
        return properties;
    }
}
