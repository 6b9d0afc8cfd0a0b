package com.clickairtime.balance.openapi.contract;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.clickairtime.balance.openapi.ExampleCase;
import org.springframework.cloud.contract.spec.Contract;
import org.springframework.cloud.contract.spec.ContractConverter;
import org.springframework.cloud.contract.spec.internal.DslProperty;
import org.springframework.cloud.contract.spec.internal.Request;
import org.springframework.cloud.contract.spec.internal.Response;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spring Cloud Contract's view of the spec: every named request/response example pair of an
 * OpenAPI document becomes one contract, named {@code <operationId>_<exampleName>}.
 *
 * <ul>
 *   <li>Request: method, the path with the parameter examples, and {@code Authorization}
 *       as the example's {@code x-sandbox-api-key} says: any well-formed key for the stub and
 *       the default sandbox key for the test, exactly one key, or none at all.</li>
 *   <li>Response: status, {@code Content-Type}, the required headers by the shape of their
 *       schema, and the body as documented, which the stubs answer with. A generated producer
 *       test checks only the body's top-level fields by type: its base class, the verifier's
 *       {@code BalanceContractBase}, checks the rest with the verifier's checks.</li>
 * </ul>
 *
 * The request also carries the example's query parameters (each matched exactly, in any order)
 * and header parameters. An example marked {@code x-answers-any} becomes a stub of low priority
 * that matches every request of its kind (any value of the parameter, any credential that is not
 * a well-formed key); its producer test still sends the example's own request. A request that no
 * example answers finds no stub. {@link StubPriorities} orders overlapping stubs and refuses two
 * that match the same requests at the same priority.
 */
public class NamedExampleContractConverter implements ContractConverter<Collection<Contract>> {

    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    // The plugin asks isAccepted, then convertFrom, of the same file: it is parsed once for both.
    private final Map<Path, BalanceSpec> parsed = new ConcurrentHashMap<>();

    @Override
    public boolean isAccepted(File file) {
        String name = file.getName().toLowerCase(Locale.ROOT);
        if (!file.isFile() || !(name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"))) {
            return false;
        }
        try {
            return parse(file).raw().has("openapi");
        } catch (RuntimeException notYamlOrJson) {
            return false;
        }
    }

    @Override
    public Collection<Contract> convertFrom(File file) {
        BalanceSpec spec = parse(file);
        if (!spec.messages().isEmpty()) {
            throw new IllegalStateException(file + " is not a sound OpenAPI document: " + spec.messages());
        }
        return contracts(spec);
    }

    /** The contracts of every named example pair of a spec, refused when two stubs could not be told apart. */
    public static List<Contract> contracts(BalanceSpec spec) {
        List<ExampleCase> cases = spec.cases();
        StubPriorities priorities = new StubPriorities(cases);
        priorities.requireDistinct();
        List<Contract> contracts = new ArrayList<>();
        for (ExampleCase example : cases) {
            contracts.add(contract(spec, example, priorities.of(example), priorities.rule(example)));
        }
        return contracts;
    }

    /** Contracts are only ever read from the spec; nothing is written back. */
    @Override
    public Collection<Contract> convertTo(Collection<Contract> contracts) {
        return contracts;
    }

    private static Contract contract(BalanceSpec spec, ExampleCase example, int priority, boolean rule) {
        return Contract.make(contract -> {
            contract.name(example.contractName());
            contract.description(example.operationId() + ": '" + example.name() + "' example of balance.yaml");
            contract.priority(priority);
            contract.metadata(Map.of(FixedStubIds.METADATA_KEY, example.stubId().toString()));
            contract.request(request -> request(request, spec, example, rule));
            contract.response(response -> response(response, example));
        });
    }

    private static void request(Request request, BalanceSpec spec, ExampleCase example, boolean rule) {
        String anyKey = "Bearer " + spec.apiKeyRegex();
        request.method(example.method());
        // A DslProperty, never a plain Object: url(Object) would take the pattern for a literal.
        DslProperty<?> url = !rule || example.anyValueOf().isEmpty()
                ? new DslProperty<>(example.path())
                : request.$(request.c(request.regex(pathPattern(example))), request.p(example.path()));
        if (example.queryParameters().isEmpty()) {
            request.url(url);
        } else {
            // A stub with query parameters matches its path and each of them, in any order.
            request.url(url, target -> target.queryParameters(query -> example.queryParameters().forEach(query::parameter)));
        }
        request.headers(headers -> {
            example.headerParameters().forEach(headers::header);
            ExampleCase.Credentials credentials = example.credentials();
            switch (credentials.kind()) {
                case ANY_VALID_KEY:
                    headers.header("Authorization", request.$(request.c(request.regex(anyKey)),
                            request.p(credentials.authorization())));
                    break;
                case EXACT_KEY:
                    headers.header("Authorization", credentials.authorization());
                    break;
                case NOT_WELL_FORMED:
                    if (!rule) {
                        headers.header("Authorization", request.absent());
                        break;
                    }
                    // WireMock's doesNotMatch also accepts a request without the header.
                    headers.header("Authorization", request.$(request.c(request.notMatching(anyKey)),
                            request.p(request.absent())));
                    break;
                default:
                    headers.header("Authorization", request.absent());
            }
        });
    }

    /** The path with each parameter of {@code x-answers-any} as any one segment, the rest literal. */
    static String pathPattern(ExampleCase example) {
        StringBuilder regex = new StringBuilder();
        Matcher parameter = PATH_PARAMETER.matcher(example.pathTemplate());
        int at = 0;
        while (parameter.find()) {
            regex.append(literal(example.pathTemplate().substring(at, parameter.start())));
            String name = parameter.group(1);
            regex.append(example.anyValueOf().contains(name)
                    ? "[^/?#]+"
                    : literal(ExampleCase.segment(example.pathParameters().get(name))));
            at = parameter.end();
        }
        return regex.append(literal(example.pathTemplate().substring(at))).toString();
    }

    private static String literal(String text) {
        return text.isEmpty() ? "" : Pattern.quote(text);
    }

    private static void response(Response response, ExampleCase example) {
        response.status(example.status());
        response.headers(headers -> {
            headers.contentType(example.mediaType());
            example.requiredHeaders().forEach((name, header) -> {
                if (!header.has("example")) {
                    throw new IllegalStateException("header " + name + " needs an example: it is what the stub sends");
                }
                response.getHeaders().header(name, response.$(response.p(response.regex(ResponseShapes.headerPattern(header))),
                        response.c(header.path("example").asText())));
            });
        });
        response.body(BalanceSpec.EXACT_JSON.convertValue(example.body(), Map.class));
        // The stubs answer with the body as documented. The producer tests Spring Cloud Contract generates
        // from these contracts keep to its shape: their base class (the verifier's BalanceContractBase) runs
        // the verifier's own checks on each answer, at the team's level, so that a server with its own data
        // passes at CONFORMANCE and there is one implementation of the checks, not a second one here.
        response.bodyMatchers(matchers -> example.body().fieldNames().forEachRemaining(
                field -> matchers.jsonPath("$." + field, matchers.byType())));
    }

    private BalanceSpec parse(File file) {
        return parsed.computeIfAbsent(file.toPath().toAbsolutePath(), BalanceSpec::read);
    }
}
