package com.clickairtime.balance.client.codegen;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The generator follows the spec, proven on a frozen fixture (never on the live spec's operation list): the
 * fixture's extra operation {@code getWalletLimits} with query and header parameters, an optional query parameter
 * on {@code getBalance}, new error codes, deprecated operations and a key format of its own become SDK code that
 * compiles for Java 11 and
 * calls the right URL.
 */
class FixtureGenerationTest {

    static final Path TEMPLATES = Path.of("src/main/templates");
    /** In the fixture's key format ({@code x-key-pattern}), which is not the live spec's. */
    static final String KEY = "wbk_test_0123456789abcdef01234567";

    @TempDir
    static Path work;
    static ClassLoader generated;
    static String operationsSource;
    static HttpServer server;
    static final Map<String, String> seen = new ConcurrentHashMap<>();

    @BeforeAll
    static void generateCompileAndLoad() throws IOException {
        Path output = work.resolve("out");
        SdkGenerator.generate(Path.of("src/test/resources/fixtures/limits.yaml"), TEMPLATES, output);
        Path sources = output.resolve("src/main/java");
        operationsSource = Files.readString(sources.resolve("com/clickairtime/balance/client/BalanceOperations.java"));
        // With the hand-written runtime, as the build compiles them: what it takes from generated constants is inlined.
        List<String> files = new ArrayList<>();
        for (Path root : List.of(sources, Path.of("src/main/java"))) {
            try (Stream<Path> walk = Files.walk(root)) {
                files.addAll(walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).collect(Collectors.toList()));
            }
        }
        Path classes = Files.createDirectories(work.resolve("classes"));
        List<String> arguments = new ArrayList<>(List.of("--release", "11", "-proc:none", "-nowarn", "-d", classes.toString(),
                "-classpath", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))));
        arguments.addAll(files);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int exit = javac.run(null, null, errors, arguments.toArray(new String[0]));
        assertThat(exit).as("javac on the generated SDK:%n%s", errors.toString(StandardCharsets.UTF_8)).isZero();
        // The fixture's SDK first, then target/classes for the resources, in one loader so package-private access holds.
        generated = new ChildFirst(new URL[] {classes.toUri().toURL(), Path.of("target/classes").toUri().toURL()},
                FixtureGenerationTest.class.getClassLoader());

        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            seen.put("uri", exchange.getRequestURI().getRawPath() + "?" + exchange.getRequestURI().getRawQuery());
            seen.put("correlation", String.valueOf(exchange.getRequestHeaders().getFirst("X-Correlation-Id")));
            String path = exchange.getRequestURI().getRawPath();
            boolean busy = path.contains("busy");
            boolean locked = path.contains("locked");
            byte[] body = (busy
                    ? "{\"success\":false,\"error\":{\"code\":\"LIMITS_RECOMPUTING\",\"message\":\"Try again shortly.\",\"details\":{}},"
                    : locked
                    ? "{\"success\":false,\"error\":{\"code\":\"WALLET_LOCKED\",\"message\":\"This wallet is locked.\",\"details\":{}},"
                    : "{\"success\":true,\"data\":{\"wallet_id\":\"wal_ghs_001\",\"daily\":25.50},")
                    .concat("\"meta\":{\"request_id\":\"req_aaaaaaaaaaaa\",\"timestamp\":\"2024-01-15T10:30:00.000Z\"}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(busy ? 409 : locked ? 423 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void theNewOperationHasATypedMethodWithItsParameters() {
        assertThat(operationsSource)
                .contains("public WalletLimits getWalletLimits(String walletId, String period) {")
                .contains("public WalletLimits getWalletLimits(String walletId, String period, Integer windowDays, String xCorrelationId) {")
                .contains("public ApiResult<WalletLimits> getWalletLimitsResult(String walletId, String period) {")
                .contains("public BalanceSummary getBalance() {")
                .contains("public BalanceSummary getBalance(String currency) {");
    }

    @Test
    void theGeneratedMethodSendsPathQueryAndHeader() throws Exception {
        Object client = client();
        Method limits = client.getClass().getMethod("getWalletLimits", String.class, String.class, Integer.class, String.class);
        Object data = limits.invoke(client, "wal/ghs 1", "daily", 7, "corr-1");
        assertThat(seen).containsEntry("uri", "/v2/balance/wal%2Fghs%201/limits?period=daily&window_days=7")
                .containsEntry("correlation", "corr-1");
        assertThat(data.getClass().getSimpleName()).isEqualTo("WalletLimits");
        assertThat(data.getClass().getMethod("getDaily").invoke(data)).isEqualTo(new BigDecimal("25.50"));

        client.getClass().getMethod("getWalletLimits", String.class, String.class).invoke(client, "wal_ghs_001", "weekly");
        assertThat(seen).containsEntry("uri", "/v2/balance/wal_ghs_001/limits?period=weekly").containsEntry("correlation", "null");
    }

    @Test
    void anOperationCanBeInvokedByItsIdWithTextParameters() throws Exception {
        Object client = client();
        Method invoke = client.getClass().getMethod("invokeResult", String.class, Map.class);
        Object result = invoke.invoke(client, "getWalletLimits", Map.of("wallet_id", "wal_ghs_001", "period", "daily", "window_days", "30"));
        assertThat(seen).containsEntry("uri", "/v2/balance/wal_ghs_001/limits?period=daily&window_days=30");
        assertThat(result.getClass().getMethod("status").invoke(result)).isEqualTo(200);
        assertThatThrownBy(() -> unwrap(invoke, client, "getWalletLimits", Map.of("wallet_id", "w", "period", "d", "window_days", "many")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Integer");
        assertThatThrownBy(() -> unwrap(invoke, client, "deleteWallet", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deleteWallet");
    }

    @Test
    void aRequiredQueryParameterIsCheckedBeforeAnyRequest() throws Exception {
        Object client = client();
        Method limits = client.getClass().getMethod("getWalletLimits", String.class, String.class);
        assertThatThrownBy(() -> unwrap(limits, client, "wal_ghs_001", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("period");
    }

    @Test
    void theNewErrorCodeIsDocumentedWithItsStatusAndGetsTheTableException() throws Exception {
        Class<?> codes = generated.loadClass("com.clickairtime.balance.client.error.ErrorCodes");
        assertThat(codes.getField("LIMITS_RECOMPUTING").get(null)).isEqualTo("LIMITS_RECOMPUTING");
        assertThat(codes.getMethod("status", String.class).invoke(null, "LIMITS_RECOMPUTING")).isEqualTo(OptionalInt.of(409));
        assertThat(codes.getMethod("status", String.class).invoke(null, "NOT_FOUND")).isEqualTo(OptionalInt.of(404));
        assertThat(codes.getMethod("documented").invoke(null)).asString()
                .contains("INVALID_API_KEY", "WALLET_NOT_FOUND", "HTTP_VERSION_NOT_SUPPORTED").doesNotContain("IP_NOT_ALLOWED");

        Object client = client();
        Method limits = client.getClass().getMethod("getWalletLimits", String.class, String.class);
        assertThatThrownBy(() -> unwrap(limits, client, "busy", "daily"))
                .satisfies(e -> assertThat(e.getClass().getSimpleName()).isEqualTo("BalanceApiException"))
                .hasMessageContaining("HTTP 409 LIMITS_RECOMPUTING");
    }

    /** A status the SDK has no exception subclass for (423) is the general exception with its code, not a failure. */
    @Test
    void aNewCodeOnAStatusWithoutASubclassIsTypedAndRaisedAsTheGeneralException() throws Exception {
        Class<?> codes = generated.loadClass("com.clickairtime.balance.client.error.ErrorCodes");
        assertThat(codes.getField("WALLET_LOCKED").get(null)).isEqualTo("WALLET_LOCKED");
        assertThat(codes.getMethod("status", String.class).invoke(null, "WALLET_LOCKED")).isEqualTo(OptionalInt.of(423));

        Object client = client();
        Method wallet = client.getClass().getMethod("getWalletBalance", String.class);
        Throwable thrown = catchThrowable(() -> unwrap(wallet, client, "wal_locked_001"));
        assertThat(thrown.getClass().getName()).isEqualTo("com.clickairtime.balance.client.error.BalanceApiException");
        assertThat(thrown.getClass().getMethod("status").invoke(thrown)).isEqualTo(423);
        assertThat(thrown.getClass().getMethod("code").invoke(thrown)).isEqualTo("WALLET_LOCKED");
        assertThat(thrown).hasMessageContaining("HTTP 423 WALLET_LOCKED");
    }

    /**
     * {@code deprecated: true} marks every public method of that operation, and only those: the annotation for the
     * compiler and a javadoc {@code @deprecated} with the reason ({@code x-deprecation}, else the description's
     * paragraph about it).
     */
    @Test
    void everyMethodOfADeprecatedOperationIsDeprecatedWithItsReason() throws Exception {
        Map<String, String> reasons = Map.of(
                "getWalletLimits", "@deprecated Read limits from &lt;b&gt;getWalletBalance&lt;/b&gt; &amp; its *&#47; details; "
                        + "&#92;u0041 {@literal @}since 3.0 stays text.",
                "getBalance", "@deprecated Deprecated since 9.0: read the wallet list of the accounts API instead.");
        Class<?> operations = generated.loadClass("com.clickairtime.balance.client.BalanceOperations");
        Map<String, List<String>> marked = new java.util.TreeMap<>();
        Map<String, List<String>> unmarked = new java.util.TreeMap<>();
        for (Method method : operations.getDeclaredMethods()) {
            if (!java.lang.reflect.Modifier.isPublic(method.getModifiers()) || method.getName().equals("invokeResult")) {
                continue;
            }
            String operation = method.getName().replaceFirst("(Result)?(Async)?$", "");
            (method.isAnnotationPresent(Deprecated.class) ? marked : unmarked)
                    .computeIfAbsent(operation, o -> new ArrayList<>()).add(method.getName());
        }
        // Each has optional parameters: op, opResult, opAsync, opResultAsync, each with and without them.
        assertThat(marked).containsOnlyKeys(reasons.keySet()).allSatisfy((operation, methods) -> assertThat(methods).hasSize(8));
        assertThat(unmarked).containsOnlyKeys("getWalletBalance");

        java.util.regex.Matcher javadoc = java.util.regex.Pattern.compile(
                "/\\*\\*((?:(?!\\*/).)*)\\*/\\s*(@Deprecated\\s+)?public [^(]* (\\w+)\\(", java.util.regex.Pattern.DOTALL)
                .matcher(operationsSource);
        int documented = 0;
        while (javadoc.find()) {
            String operation = javadoc.group(3).replaceFirst("(Result)?(Async)?$", "");
            if (operation.equals("invokeResult")) {
                continue;
            }
            String comment = javadoc.group(1).replaceAll("\\s*\\n\\s*\\*\\s?", " ");
            if (reasons.containsKey(operation)) {
                // The reason alone: neither the rest of the description nor a description beside x-deprecation.
                assertThat(comment).as(javadoc.group(3)).contains(reasons.get(operation))
                        .doesNotContain("Permission required", "every wallet", "not the deprecation's reason");
                assertThat(javadoc.group(2)).as(javadoc.group(3)).isNotNull();
                documented++;
            } else {
                assertThat(comment).as(javadoc.group(3)).doesNotContain("@deprecated");
            }
        }
        assertThat(documented).isEqualTo(16);
    }

    @Test
    void theKeyFormatIsTheFixtureSpecs() throws Exception {
        // KEY is in the fixture's format: every other test's client was built with it.
        Class<?> apiKey = generated.loadClass("com.clickairtime.balance.client.ApiKey");
        Method of = apiKey.getMethod("of", String.class);
        assertThat(of.invoke(null, KEY).toString()).isEqualTo("wbk_test_\u20264567");
        assertThatThrownBy(() -> unwrap(of, null, "ce_live_FixtureKeyForGeneratedOperation1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an API key is wbk_test_ followed by 24 lowercase hex digits");
        assertThatThrownBy(() -> unwrap(of, null, "wbk_test_0123456789ABCDEF01234567")).isInstanceOf(IllegalArgumentException.class);
        // Text is masked by the fixture's prefix, whatever follows it.
        assertThat(apiKey.getMethod("maskIn", String.class).invoke(null, "you sent Bearer " + KEY + " and wbk_test_zz"))
                .isEqualTo("you sent Bearer wbk_test_\u20264567 and wbk_test_\u2026");
    }

    @Test
    void aSpecWithoutAKeyPatternStopsTheGeneration() throws IOException {
        assertGenerationRefuses("      x-key-pattern: '^wbk_test_[0-9a-f]{24}$'\n", "",
                "no security scheme states x-key-pattern");
    }

    @Test
    void aKeyPatternWithoutALiteralPrefixStopsTheGeneration() throws IOException {
        assertGenerationRefuses("x-key-pattern: '^wbk_test_[0-9a-f]{24}$'", "x-key-pattern: '^[0-9a-f]{24}$'",
                "does not start with a literal prefix");
    }

    @Test
    void aKeyPatternsLiteralPrefixEndsWhereTheRegexBegins() {
        assertThat(SdkGenerator.literalPrefix("^ce_live_[A-Za-z0-9]{32}$")).isEqualTo("ce_live_");
        assertThat(SdkGenerator.literalPrefix("^sk-[a-z]+$")).isEqualTo("sk-");
        assertThat(SdkGenerator.literalPrefix("^keys?_[a-z]+$")).isEqualTo("key");
        assertThat(SdkGenerator.literalPrefix("^ab(c|d)")).isEqualTo("ab");
        assertThat(SdkGenerator.literalPrefix("^live_x|test_x")).isEmpty();
        assertThat(SdkGenerator.literalPrefix("ce_live_[a-z]+")).isEmpty();
        assertThat(SdkGenerator.javaString("^a\\d\"\u00e9$")).isEqualTo("^a\\\\d\\\"\\u00e9$");
    }

    @Test
    void aCodeDocumentedWithTwoStatusesStopsTheGeneration() {
        assertThatThrownBy(() -> SdkGenerator.generate(Path.of("src/test/resources/fixtures/conflicting-codes.yaml"), TEMPLATES,
                work.resolve("conflict")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("WALLET_NOT_FOUND (404 and 409)");
    }

    /** What the runtime cannot serve stops the build with a sentence naming the operation, not odd code. */
    @Test
    void anOperationWithARequestBodyStopsTheGeneration() throws IOException {
        assertGenerationRefuses("      operationId: getWalletLimits\n",
                "      operationId: getWalletLimits\n      requestBody:\n        content:\n          application/json:\n"
                        + "            schema: {type: object}\n",
                "getWalletLimits has a request body");
    }

    /** A description that does not speak of the deprecation is no reason: the javadoc says that the spec gives none. */
    @Test
    void aDeprecationWithoutAReasonSaysSo() {
        io.swagger.v3.oas.models.Operation operation = new io.swagger.v3.oas.models.Operation()
                .description("Returns one wallet.\n\nPermission required: `wallets.read`.").deprecated(true);
        assertThat(SdkGenerator.deprecationReason("getWalletBalance", operation))
                .isEqualTo("The spec marks this operation deprecated and gives no reason.");
        assertThat(SdkGenerator.deprecationReason("getWalletBalance", operation.deprecated(null))).isNull();
    }

    /** A reason the SDK would drop, since only {@code deprecated: true} marks the methods. */
    @Test
    void aDeprecationReasonOnAnOperationInUseStopsTheGeneration() throws IOException {
        assertGenerationRefuses("      deprecated: true\n      x-deprecation:", "      x-deprecation:",
                "getWalletLimits has x-deprecation but is not deprecated: true");
    }

    @Test
    void aSuccessBodyOutsideTheEnvelopeStopsTheGeneration() throws IOException {
        assertGenerationRefuses("$ref: '#/components/schemas/WalletLimitsResponse'", "$ref: '#/components/schemas/WalletLimits'",
                "getWalletLimits: its success body is not the envelope");
    }

    private static void assertGenerationRefuses(String from, String to, String message) throws IOException {
        String fixture = Files.readString(Path.of("src/test/resources/fixtures/limits.yaml"));
        String edited = fixture.replace(from, to);
        assertThat(edited).isNotEqualTo(fixture);
        Path spec = Files.writeString(work.resolve("unservable-" + message.length() + ".yaml"), edited);
        assertThatThrownBy(() -> SdkGenerator.generate(spec, TEMPLATES, work.resolve("unservable")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(message);
    }

    private static Object client() throws Exception {
        Class<?> clientClass = generated.loadClass("com.clickairtime.balance.client.BalanceClient");
        Class<?> retries = generated.loadClass("com.clickairtime.balance.client.RetryPolicy");
        Object builder = clientClass.getMethod("builder").invoke(null);
        Class<?> builderClass = builder.getClass();
        builderClass.getMethod("apiKey", String.class).invoke(builder, KEY);
        builderClass.getMethod("baseUrl", String.class).invoke(builder, "http://127.0.0.1:" + server.getAddress().getPort());
        builderClass.getMethod("retryPolicy", retries).invoke(builder, retries.getMethod("none").invoke(null));
        return builderClass.getMethod("build").invoke(builder);
    }

    private static Object unwrap(Method method, Object target, Object... arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Loads the SDK's classes from its own URLs before asking the parent, so the fixture's generated classes win. */
    static final class ChildFirst extends URLClassLoader {

        ChildFirst(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("com.clickairtime.balance.client.") || name.startsWith("com.clickairtime.balance.client.codegen.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    try {
                        loaded = findClass(name);
                    } catch (ClassNotFoundException notOurs) {
                        loaded = super.loadClass(name, false);
                    }
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }
    }
}
