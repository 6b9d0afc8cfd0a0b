package com.clickairtime.balance.sandbox;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** What the sandbox's tests share: the demo keys, a clock they can move, and exact JSON reading. */
public final class SandboxTestSupport {

    public static final String ACME = "ce_live_SandboxAcmeWalletsRead0000000001";
    public static final String ACME_AIRTIME_ONLY = "ce_live_SandboxAcmeAirtimeOnly0000000002";
    public static final String ACME_REVOKED = "ce_live_SandboxAcmeRevokedKey00000000003";
    public static final String ACME_EXPIRED = "ce_live_SandboxAcmeExpiredKey00000000004";
    public static final String GLOBEX = "ce_live_SandboxGlobexWalletsRead00000005";
    public static final String ACME_IP_RESTRICTED = "ce_live_SandboxAcmeIpRestricted000000006";

    /** The spec, read once for all the sandbox's tests. */
    public static final BalanceSpec SPEC = BalanceSpec.load();

    /** The spec's patterns for meta, so the tests hold the sandbox to the documented shapes. */
    public static final String REQUEST_ID = metaPattern("request_id");
    public static final String TIMESTAMP = metaPattern("timestamp");

    private SandboxTestSupport() {
    }

    private static String metaPattern(String property) {
        return SPEC.raw().at("/components/schemas/Meta/properties/" + property + "/pattern").asText();
    }

    /** The response body of a named example pair, e.g. {@code getBalance_acme_balance}. */
    public static JsonNode documented(String contractName) {
        return SPEC.cases().stream().filter(c -> c.contractName().equals(contractName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no example pair " + contractName)).body();
    }

    public static String bearer(String key) {
        return "Bearer " + key;
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
}
