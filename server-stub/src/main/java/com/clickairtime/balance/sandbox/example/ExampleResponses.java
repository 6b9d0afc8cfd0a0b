package com.clickairtime.balance.sandbox.example;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.clickairtime.balance.openapi.ExampleCase;
import com.clickairtime.balance.sandbox.access.Caller;
import com.clickairtime.balance.sandbox.dataset.Dataset;
import com.clickairtime.balance.sandbox.error.ErrorCode;
import com.clickairtime.balance.sandbox.error.ErrorResponses;
import com.clickairtime.balance.server.support.wire.ResponseMeta;
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
 * Answers from the spec's named examples, the way the stubs answer: the request example whose
 * values the request carries, else the example that answers any value of the parameters that
 * differ ({@code x-answers-any}). Credential cases are not answered here: the access rules in
 * front of every operation already produce them from the dataset's keys.
 *
 * <p>A case belongs to the account of the key it is sent with (the demo account, for the
 * security scheme's default key): its exact values are that account's data, so another
 * account's key never gets them. It gets what the spec documents for an id that is not its
 * own, the example that answers any value (the same 404 as an unknown id). An operation with
 * no hand-written handler is answered this way throughout; one with a handler still answers
 * its documented error cases this way ({@link #documentedError}), so that a case the code
 * knows nothing of (a locked wallet) is answered as documented, not by the code's fallback.
 *
 * <p>The body is the example as written (decimals with their scale), with a fresh value for
 * every top-level property whose schema varies per request ({@code meta}).
 */
@Component
public class ExampleResponses {

    private static final ErrorCode NOT_FOUND = ErrorCode.of("NOT_FOUND");

    private final Map<String, List<ExampleCase>> casesByOperation;
    private final Map<String, String> accountByCase;
    private final Map<String, Set<String>> variesPerRequest;
    private final ResponseMeta meta;
    private final JsonMapper json;
    private final ErrorResponses errors;

    public ExampleResponses(BalanceSpec spec, Dataset dataset, ResponseMeta meta, JsonMapper json, ErrorResponses errors) {
        this.casesByOperation = spec.cases().stream()
                .filter(c -> c.credentials().kind() == ExampleCase.Credentials.Kind.ANY_VALID_KEY)
                .collect(Collectors.groupingBy(ExampleCase::operationId, LinkedHashMap::new, Collectors.toList()));
        this.accountByCase = accounts(casesByOperation, dataset);
        this.variesPerRequest = new LinkedHashMap<>();
        casesByOperation.values().stream().flatMap(List::stream)
                .forEach(c -> variesPerRequest.computeIfAbsent(c.contractName(), n -> variesPerRequest(spec, c.bodySchema())));
        this.meta = meta;
        this.json = json;
        this.errors = errors;
        errors.require(NOT_FOUND);
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
    public Optional<ExampleCase> match(String operationId, HttpServletRequest request, Caller caller) {
        List<ExampleCase> exact = new ArrayList<>();
        List<ExampleCase> wildcard = new ArrayList<>();
        for (ExampleCase example : casesByOperation.getOrDefault(operationId, List.of())) {
            if (!carriesQueryAndHeaders(example, request)) {
                continue;
            }
            List<String> differing = differingPathParameters(example, request);
            if (differing.isEmpty() && belongsTo(example, caller)) {
                exact.add(example);
            } else if (!example.anyValueOf().isEmpty() && example.anyValueOf().containsAll(differing)) {
                // Another account's request for this very value too: to it, it is any value.
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
        Optional<ExampleCase> example = match(operationId, request, Caller.of(request));
        if (example.isEmpty()) {
            errors.write(request, response, NOT_FOUND);
            return;
        }
        write(example.get(), request, response);
    }

    /**
     * Answers the request with the documented error case of the caller's account that names
     * exactly its values, if there is one; returns whether it did. For an operation with a
     * handler: the code answers everything else, the documented cases of its own data included.
     */
    public boolean documentedError(String operationId, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Caller caller = Caller.of(request);
        Optional<ExampleCase> example = casesByOperation.getOrDefault(operationId, List.of()).stream()
                .filter(ExampleCase::isError)
                .filter(c -> belongsTo(c, caller))
                .filter(c -> carriesQueryAndHeaders(c, request) && differingPathParameters(c, request).isEmpty())
                .max(Comparator.comparingInt(ExampleResponses::named));
        if (example.isEmpty()) {
            return false;
        }
        write(example.get(), request, response);
        return true;
    }

    /** Whether the case is the caller's: sent with a key of the caller's account. */
    private boolean belongsTo(ExampleCase example, Caller caller) {
        return caller.account().equals(accountByCase.get(example.contractName()));
    }

    /** Whether the request carries every query and header value the case names. */
    private static boolean carriesQueryAndHeaders(ExampleCase example, HttpServletRequest request) {
        return example.queryParameters().entrySet().stream().allMatch(p -> p.getValue().equals(request.getParameter(p.getKey())))
                && example.headerParameters().entrySet().stream().allMatch(p -> p.getValue().equals(request.getHeader(p.getKey())));
    }

    /** The case's path parameters whose values the request does not carry. */
    private static List<String> differingPathParameters(ExampleCase example, HttpServletRequest request) {
        @SuppressWarnings("unchecked")
        Map<String, String> pathVariables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        Map<String, String> sent = pathVariables == null ? Map.of() : pathVariables;
        return example.pathParameters().entrySet().stream().filter(p -> !p.getValue().equals(sent.get(p.getKey())))
                .map(Map.Entry::getKey).toList();
    }

    /**
     * The account each case belongs to: its key's, in the dataset. A key the dataset does not
     * have (a dataset of one's own) leaves the case to the account that holds the examples' wallets.
     */
    private static Map<String, String> accounts(Map<String, List<ExampleCase>> cases, Dataset dataset) {
        Map<String, String> byKey = new LinkedHashMap<>();
        dataset.apiKeys().forEach(key -> byKey.put(key.key(), key.account()));
        String examplesAccount = dataset.accounts().entrySet().stream().filter(account -> account.getValue().fromExamples())
                .map(Map.Entry::getKey).findFirst().orElse("");
        Map<String, String> accounts = new LinkedHashMap<>();
        cases.values().stream().flatMap(List::stream).forEach(example ->
                accounts.put(example.contractName(), byKey.getOrDefault(example.credentials().apiKey(), examplesAccount)));
        return accounts;
    }

    private void write(ExampleCase answer, HttpServletRequest request, HttpServletResponse response) throws IOException {
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
