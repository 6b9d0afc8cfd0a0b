package com.clickairtime.balance.verifier;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.clickairtime.balance.openapi.ExampleCase;
import com.clickairtime.balance.verifier.check.CaseChecks;
import com.clickairtime.balance.verifier.check.Exchange;
import com.clickairtime.balance.verifier.check.WireText;
import com.clickairtime.balance.verifier.wire.Target;
import com.clickairtime.balance.verifier.wire.WireRequest;
import com.clickairtime.balance.verifier.wire.WireResponse;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Runs every documented case of the Wallet Balance spec against a server, with the kit's own
 * checks. The cases are read from the spec at run time (the same named-example pairing that
 * makes the stubs), so a new example is a new case without a line of code.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> walletBalanceContract() {
 *     return BalanceContractVerifier.forTheSpec()
 *             .target(new MockMvcTarget(mockMvc))
 *             .level(Level.CONFORMANCE)
 *             .state("account with documented wallets", context -> StateSetup.apiKey(seed.acmeKey()))
 *             .exclude("getWalletBalance_ip_not_allowed", "allow-lists are enforced by our gateway")
 *             .dynamicTests();
 * }
 * }</pre>
 *
 * <p>One dynamic test per case, excluded cases shown as skipped with their reason, and a last
 * test that fails unless every documented case ran or was excluded by name.
 *
 * <p>Which spec's cases: {@link #forTheSpec()} reads the one in the {@code balance-openapi} jar, so
 * a kit release's new cases run as soon as you take the release; {@link #forSpecResource(String)}
 * reads the copy of the spec your implementation was written for, kept in your test resources, so
 * that they wait until you take the new copy (the kit's sample implementer does this);
 * {@link #forSpec(BalanceSpec)} takes any spec you have read.
 */
public final class BalanceContractVerifier {

    private final BalanceSpec spec;
    private final List<ExampleCase> cases;
    private final CaseStates caseStates;
    private final Map<String, ProviderState> states = new LinkedHashMap<>();
    private final Map<String, String> exclusions = new LinkedHashMap<>();
    private ProviderState fallback;
    private Target target;
    private Level level = Level.CONFORMANCE;
    private Duration deadline = Duration.ofMinutes(2);
    private boolean replayed;

    private BalanceContractVerifier(BalanceSpec spec) {
        this.spec = spec;
        this.cases = spec.cases();
        this.caseStates = new CaseStates(cases);
    }

    /** The spec in the {@code balance-openapi} jar on the classpath: the version this verifier was built with. */
    public static BalanceContractVerifier forTheSpec() {
        return new BalanceContractVerifier(BalanceSpec.load());
    }

    /**
     * The spec your implementation was written for: a copy of the kit release's
     * {@code openapi/balance.yaml} kept as a test resource, e.g. {@code src/test/resources/balance-2.0.0.yaml}
     * read as {@code forSpecResource("balance-2.0.0.yaml")}. A later release that only documents more
     * cases then changes nothing in your build until you copy its spec; the generated interface and
     * models still come from the release you depend on.
     *
     * @param name a resource name on the test classpath (the thread's context class loader)
     * @throws IllegalArgumentException when there is no such resource, or it is no OpenAPI document
     */
    public static BalanceContractVerifier forSpecResource(String name) {
        Objects.requireNonNull(name, "name");
        String resource = name.startsWith("/") ? name.substring(1) : name;
        ClassLoader loader = Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader() : BalanceContractVerifier.class.getClassLoader();
        String text;
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("there is no resource '" + resource + "' on the classpath: keep the spec"
                        + " your implementation was written for in src/test/resources");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the resource " + resource, e);
        }
        try {
            return new BalanceContractVerifier(BalanceSpec.parse(text));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the resource '" + resource + "' is no readable OpenAPI document: "
                    + e.getMessage(), e);
        }
    }

    /** Another copy of the spec, for instance a newer one being implemented. */
    public static BalanceContractVerifier forSpec(BalanceSpec spec) {
        return new BalanceContractVerifier(Objects.requireNonNull(spec, "spec"));
    }

    public BalanceContractVerifier target(Target target) {
        this.target = Objects.requireNonNull(target, "target");
        return this;
    }

    /** {@link Level#CONFORMANCE} unless said otherwise. */
    public BalanceContractVerifier level(Level level) {
        this.level = Objects.requireNonNull(level, "level");
        return this;
    }

    /** How long the whole run may take, the default 2 minutes; a case that would start later fails at once. */
    public BalanceContractVerifier deadline(Duration deadline) {
        if (deadline == null || deadline.isZero() || deadline.isNegative()) {
            throw new IllegalArgumentException("the deadline must be positive");
        }
        this.deadline = deadline;
        return this;
    }

    /** Prepares the named state; see {@link #states()} for the names this spec uses. */
    public BalanceContractVerifier state(String name, ProviderState state) {
        if (!caseStates.all().contains(name)) {
            throw new IllegalArgumentException("the spec names no provider state '" + name + "'; it names " + caseStates.all());
        }
        states.put(name, Objects.requireNonNull(state, "state"));
        return this;
    }

    /**
     * Every state the team does not provide is prepared as the examples document it: the
     * example's own demo key and values. For the kit's sandbox, and for servers seeded with the
     * examples' data.
     */
    public BalanceContractVerifier statesAsDocumented() {
        this.fallback = context -> {
            ExampleCase example = find(context.caseName());
            return StateSetup.apiKey(example.credentials().apiKey());
        };
        return this;
    }

    /**
     * For a target that replays the documented examples as written (the kit's WireMock stubs): the
     * times in its headers are the examples' own, long past, so they are checked against their
     * schemas but not against the answer's time ({@code x-unix-time}). Never for a server.
     */
    public BalanceContractVerifier examplesReplayed() {
        this.replayed = true;
        return this;
    }

    /** Leaves a case out, by its name, for a stated reason; the report lists it. */
    public BalanceContractVerifier exclude(String caseName, String reason) {
        find(caseName);
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("excluding " + caseName + " needs a reason");
        }
        exclusions.put(caseName, reason);
        return this;
    }

    /** The provider states the spec's cases need, by name. */
    public Set<String> states() {
        return caseStates.all();
    }

    /** The spec whose cases this verifier runs. */
    public BalanceSpec spec() {
        return spec;
    }

    /** The documented cases, by name, in the spec's order. */
    public List<String> caseNames() {
        return cases.stream().map(ExampleCase::contractName).toList();
    }

    /** One test per documented case, then the count: for a JUnit 5 {@code @TestFactory}. */
    public Stream<DynamicTest> dynamicTests() {
        if (target == null) {
            throw new IllegalStateException("no target: call target(new MockMvcTarget(mockMvc)) or target(UrlTarget.of(url))");
        }
        Run run = new Run();
        Stream<DynamicTest> perCase = cases.stream().map(example -> DynamicTest.dynamicTest(example.contractName(),
                () -> run.verify(example)));
        return Stream.concat(perCase, Stream.of(DynamicTest.dynamicTest("every documented case ran", run::summary)));
    }

    /**
     * The cases one at a time, for tests that send each request themselves: the tests Spring Cloud
     * Contract generates from the spec, through {@link com.clickairtime.balance.verifier.scc.BalanceContractBase}.
     * The same provider states, exclusions, level and checks as {@link #dynamicTests()}.
     */
    public CaseByCase caseByCase() {
        return new CaseByCase(new Run());
    }

    /** One pass over the cases, each prepared and checked on request; see {@link #caseByCase()}. */
    public final class CaseByCase {

        private final Run run;

        private CaseByCase(Run run) {
            this.run = run;
        }

        /**
         * The named case's request with its provider state applied: the key and parameters to send.
         *
         * @throws TestAbortedException when the case is excluded, with its reason
         * @throws IllegalArgumentException when the spec documents no such case
         */
        public WireRequest prepare(String caseName) throws Exception {
            ExampleCase example = find(caseName);
            String reason = exclusions.get(caseName);
            if (reason != null) {
                throw new TestAbortedException("excluded: " + reason);
            }
            return run.prepare(example);
        }

        /**
         * Every check of the named case at the verifier's level, and its body against any case
         * checked before it that the spec documents with the same body.
         *
         * @throws AssertionError naming the case, the request and each difference
         */
        public void check(String caseName, WireRequest request, WireResponse response, Exchange exchange) {
            run.answered(find(caseName), request, response, exchange);
        }
    }

    private ExampleCase find(String caseName) {
        return cases.stream().filter(example -> example.contractName().equals(caseName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the spec documents no case '" + caseName + "'; its cases are "
                        + caseNames()));
    }

    /** A case's request parameters as documented, and as a provider state changed them. */
    private static final class Parameters {

        private final ExampleCase example;
        private final Map<String, String> path;
        private final Map<String, String> query;
        private final Map<String, String> headers;

        Parameters(ExampleCase example) {
            this.example = example;
            this.path = new LinkedHashMap<>(example.pathParameters());
            this.query = new LinkedHashMap<>(example.queryParameters());
            this.headers = new LinkedHashMap<>(example.headerParameters());
        }

        Map<String, String> documented() {
            Map<String, String> all = new LinkedHashMap<>(example.headerParameters());
            all.putAll(example.queryParameters());
            all.putAll(example.pathParameters());
            return java.util.Collections.unmodifiableMap(all);
        }

        /** False when the case sends no parameter of that name. */
        boolean set(String name, String value) {
            for (Map<String, String> parameters : List.of(path, query, headers)) {
                if (parameters.containsKey(name)) {
                    parameters.put(name, value);
                    return true;
                }
            }
            return false;
        }

        WireRequest request(String key) {
            Map<String, String> sent = new LinkedHashMap<>(headers);
            sent.put("Accept", example.mediaType());
            if (key != null) {
                sent.put("Authorization", "Bearer " + key);
            }
            return new WireRequest(example.method(), example.requestTarget(path, query), sent);
        }
    }

    /** One pass over the cases: what ran, what each server body was. */
    private final class Run {

        private final CaseChecks checks = new CaseChecks(spec);
        private final Set<String> keys = new LinkedHashSet<>();
        private final Map<String, String> bodies = new LinkedHashMap<>();
        private final List<String> ran = new ArrayList<>();
        private final List<String> failed = new ArrayList<>();
        private Instant end;

        void verify(ExampleCase example) throws Exception {
            if (end == null) {
                end = Instant.now().plus(deadline);
            }
            String reason = exclusions.get(example.contractName());
            if (reason != null) {
                throw new TestAbortedException("excluded: " + reason);
            }
            ran.add(example.contractName());
            try {
                check(example);
            } catch (AssertionError | Exception e) {
                failed.add(example.contractName());
                throw e;
            }
        }

        private void check(ExampleCase example) throws Exception {
            WireRequest request = prepare(example);
            Duration left = Duration.between(Instant.now(), end);
            if (left.isNegative() || left.isZero()) {
                throw new AssertionError(example.contractName() + ": the run's deadline of " + deadline + " had passed"
                        + " before this case started");
            }
            WireResponse response;
            Instant sent = Instant.now();
            try {
                response = target.send(request, left);
            } catch (HttpTimeoutException e) {
                throw new AssertionError(mask(example.contractName() + ": " + request.method() + " " + request.target() + " on "
                        + target.describe() + " had no answer within " + left.toMillis() + " ms (" + e.getMessage() + ")"));
            }
            answered(example, request, response, Exchange.sentAt(sent));
        }

        /** The case's request, with its provider state set up and applied. */
        WireRequest prepare(ExampleCase example) throws Exception {
            String state = example.providerState();
            Parameters parameters = new Parameters(example);
            String key = example.credentials().apiKey();
            if (state != null) {
                ProviderState provider = states.getOrDefault(state, fallback);
                if (provider == null) {
                    throw new AssertionError(example.contractName() + ": the provider state '" + state + "' is not provided:"
                            + " add .state(\"" + state + "\", context -> ...) or exclude the case with a reason");
                }
                StateSetup setup = provider.setUp(new StateContext(state, example.contractName(), example.operationId(),
                        parameters.documented()));
                if (setup == null) {
                    throw new AssertionError(example.contractName() + ": the provider state '" + state + "' returned no setup");
                }
                key = setup.apiKey();
                setup.parameters().forEach((name, value) -> {
                    if (!parameters.set(name, value)) {
                        throw new AssertionError(example.contractName() + ": the provider state '" + state + "' sets the"
                                + " parameter '" + name + "', which this case does not send");
                    }
                });
            }
            keys.add(key);
            return parameters.request(key);
        }

        /** Every check of the case on its answer; an AssertionError names the case, the request and each difference. */
        void answered(ExampleCase example, WireRequest request, WireResponse response, Exchange exchange) {
            List<String> problems = new ArrayList<>(checks.all(example, request, response, level == Level.EXACT,
                    replayed ? null : exchange));
            String answered = WireText.read(response.bodyText()).map(WireText::withoutMeta).orElse(response.bodyText());
            problems.addAll(answeredAlike(example, answered));
            bodies.put(example.contractName(), answered);
            if (!problems.isEmpty()) {
                throw new AssertionError(mask(example.contractName() + ": " + request.method() + " " + request.target()
                        + " answered " + response.status() + ":\n  - " + String.join("\n  - ", problems)));
            }
        }

        void summary() {
            List<String> lines = new ArrayList<>();
            lines.add("[balance verifier] " + level.name().toLowerCase(java.util.Locale.ROOT) + " against " + target.describe()
                    + ": " + cases.size() + " documented cases, " + ran.size() + " ran (" + failed.size() + " failed), "
                    + exclusions.size() + " excluded");
            exclusions.forEach((name, reason) -> lines.add("  excluded " + name + ": " + reason));
            List<String> notRun = new ArrayList<>(caseNames());
            notRun.removeAll(ran);
            notRun.removeAll(exclusions.keySet());
            notRun.forEach(name -> lines.add("  not run " + name));
            List<String> problems = new ArrayList<>();
            System.out.println(String.join("\n", lines));
            if (!notRun.isEmpty()) {
                problems.add(notRun.size() + " documented case(s) did not run and were not excluded: " + notRun);
            }
            if (!problems.isEmpty()) {
                throw new AssertionError(mask(String.join("\n", problems)));
            }
        }

        /**
         * Where the spec documents the same body for two cases (an unknown wallet id and another
         * account's), the server must answer both alike, or it tells them apart: the later case of
         * such a pair fails, naming the earlier one.
         */
        private List<String> answeredAlike(ExampleCase example, String answered) {
            String documented = documentedKey(example);
            List<String> problems = new ArrayList<>();
            for (ExampleCase earlier : cases) {
                String earlierAnswer = bodies.get(earlier.contractName());
                if (earlier != example && earlierAnswer != null && documentedKey(earlier).equals(documented)
                        && !earlierAnswer.equals(answered)) {
                    problems.add("the spec documents the same body for this case and " + earlier.contractName()
                            + ", but they were answered differently (meta aside), so a caller can tell them apart:"
                            + "\n      " + earlier.contractName() + ": " + earlierAnswer
                            + "\n      " + example.contractName() + ": " + answered);
                }
            }
            return problems;
        }

        private String documentedKey(ExampleCase example) {
            return example.operationId() + " " + example.status() + " " + WireText.withoutMeta(example.body());
        }

        private String mask(String text) {
            return KeyMask.maskIn(text, keys, spec.apiKeyRegex());
        }
    }
}
