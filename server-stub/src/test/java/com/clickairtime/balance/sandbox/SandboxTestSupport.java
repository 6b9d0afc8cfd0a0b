package com.clickairtime.balance.sandbox;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.clickairtime.balance.sandbox.dataset.Dataset;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.function.Predicate;

/** What the sandbox's tests share: the spec, the demo keys, a clock they can move, and exact JSON reading. */
public final class SandboxTestSupport {

    /** The spec, read once for all the sandbox's tests. */
    public static final BalanceSpec SPEC = BalanceSpec.load();

    /** The mapper the sandbox answers with: its documented wire format on Jackson's defaults. */
    public static final tools.jackson.databind.json.JsonMapper WIRE = wire();

    /** The sandbox's default dataset: the one definition of the demo keys. */
    public static final Dataset DATASET = Dataset.read(new ClassPathResource("sandbox/dataset.yaml"), SPEC.apiKeyPattern());

    // The demo keys by role, found in the dataset by what they are, never retyped.
    public static final String ACME = demoKey("acme", key -> usable(key) && key.permissions().contains("wallets.read"));
    public static final String ACME_AIRTIME_ONLY = demoKey("acme", key -> usable(key) && !key.permissions().contains("wallets.read"));
    public static final String ACME_REVOKED = demoKey("acme", Dataset.ApiKeyEntry::revoked);
    public static final String ACME_EXPIRED = demoKey("acme", key -> key.expiresAt() != null);
    public static final String ACME_IP_RESTRICTED = demoKey("acme", key -> key.allowedIps() != null && !key.allowedIps().isEmpty());
    public static final String GLOBEX = demoKey("globex", SandboxTestSupport::usable);

    /** The spec's patterns for meta, so the tests hold the sandbox to the documented shapes. */
    public static final String REQUEST_ID = metaPattern("request_id");
    public static final String TIMESTAMP = metaPattern("timestamp");

    /**
     * The {@code Allow} header the spec implies: every method its operations use, with HEAD for
     * GET and OPTIONS (its "Methods and OPTIONS"), in the order GET, HEAD, OPTIONS, then the rest.
     */
    public static final String ALLOWED_METHODS = allowedMethods();

    private SandboxTestSupport() {
    }

    private static String allowedMethods() {
        Set<String> used = new TreeSet<>();
        SPEC.openApi().getPaths().values().forEach(path -> path.readOperationsMap().keySet()
                .forEach(method -> used.add(method.name())));
        if (used.contains("GET")) {
            used.add("HEAD");
        }
        used.add("OPTIONS");
        Set<String> ordered = new LinkedHashSet<>();
        Stream.of("GET", "HEAD", "OPTIONS").filter(used::contains).forEach(ordered::add);
        ordered.addAll(used);
        return String.join(", ", ordered);
    }

    private static String metaPattern(String property) {
        return SPEC.raw().at("/components/schemas/Meta/properties/" + property + "/pattern").asText();
    }

    /** The response body of a named example pair, e.g. {@code getBalance_acme_balance}. */
    public static JsonNode documented(String contractName) {
        return SPEC.cases().stream().filter(c -> c.contractName().equals(contractName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no example pair " + contractName)).body();
    }

    private static boolean usable(Dataset.ApiKeyEntry key) {
        return !key.revoked() && key.expiresAt() == null && (key.allowedIps() == null || key.allowedIps().isEmpty());
    }

    private static String demoKey(String account, Predicate<Dataset.ApiKeyEntry> role) {
        List<String> keys = DATASET.apiKeys().stream().filter(key -> key.account().equals(account) && role.test(key))
                .map(Dataset.ApiKeyEntry::key).toList();
        if (keys.size() != 1) {
            throw new IllegalStateException("expected one demo key of " + account + " for this role, found " + keys.size());
        }
        return keys.get(0);
    }

    public static String bearer(String key) {
        return "Bearer " + key;
    }

    /** A body's text without its {@code meta}, which varies per request: what a documented case promises as written. */
    public static String withoutMeta(String body) {
        com.fasterxml.jackson.databind.node.ObjectNode tree = (com.fasterxml.jackson.databind.node.ObjectNode) exact(body);
        tree.remove("meta");
        return tree.toString();
    }

    /** Parses a response body keeping each decimal's scale, so 1250.5 never equals 1250.50. */
    public static JsonNode exact(String json) {
        try {
            return BalanceSpec.EXACT_JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A clock tests can set and advance; the sandbox reads time only through its Clock bean. */
    public static final class MutableClock extends Clock {

        private volatile Instant now = Instant.now();

        public void set(Instant instant) {
            now = instant;
        }

        public void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class MutableClockConfiguration {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }

    private static tools.jackson.databind.json.JsonMapper wire() {
        return tools.jackson.databind.json.JsonMapper.builder()
                .addModule(new com.clickairtime.balance.server.support.jackson3.Jackson3WireModule()).build();
    }
}
