package com.clickairtime.balance.sandbox.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.List;

/**
 * Settings of the sandbox.
 *
 * @param dataset        the YAML dataset of accounts, wallets, rates and keys
 * @param rateLimit      the request budgets, per key and per address
 * @param trustedProxies addresses whose {@code X-Forwarded-For}/{@code Forwarded} headers are believed;
 *                       empty by default, so the connection's own address is the caller's
 * @param forwardedHeader the one forwarding header read from a trusted proxy: {@code x-forwarded-for} (default) or
 *                        {@code forwarded} (RFC 7239)
 * @param cors           which browser origins may call the sandbox
 * @param allowedHosts   the {@code Host} names the sandbox answers to (without port); by default the loopback names.
 *                       A hosted deployment ({@code sandbox.hosted.enabled}) must name its own (DeploymentPreflight)
 * @param requestDeadline how long a request's head (request line and headers) may take to arrive in
 *                        all, however steadily it trickles in; past it the connection is closed. Above
 *                        zero (at 0 or below every head that arrives in two packets was closed), and
 *                        at most a day (far longer ones overflowed the sweep's nanosecond clock)
 */
@Validated
@ConfigurationProperties("sandbox")
public record SandboxProperties(
        @NotNull @DefaultValue("classpath:sandbox/dataset.yaml") Resource dataset,
        @Valid @NotNull @DefaultValue RateLimit rateLimit,
        @NotNull @DefaultValue List<@IpAddressOrRange String> trustedProxies,
        @NotNull @DefaultValue("x-forwarded-for") ForwardedHeader forwardedHeader,
        @NotNull @DefaultValue("5s") @DurationMin(millis = 1) @DurationMax(days = 1) Duration requestDeadline,
        @Valid @NotNull @DefaultValue Cors cors,
        @NotNull @DefaultValue({"localhost", "127.0.0.1", "[::1]"}) List<@HostName String> allowedHosts) {

    /**
     * @param allowedOrigins origin patterns ({@code http://localhost:[*]} is any port of it) whose pages may call
     *                       the sandbox and read its answers; by default every origin on a loopback name
     */
    public record Cors(@NotNull @DefaultValue({"http://localhost:[*]", "http://127.0.0.1:[*]", "http://[::1]:[*]",
            "https://localhost:[*]", "https://127.0.0.1:[*]", "https://[::1]:[*]"}) List<@OriginPattern String> allowedOrigins) {
    }

    /** The forwarding headers a trusted proxy may send; the sandbox reads exactly one of them. */
    public enum ForwardedHeader {
        X_FORWARDED_FOR("X-Forwarded-For"),
        FORWARDED("Forwarded");

        private final String headerName;

        ForwardedHeader(String headerName) {
            this.headerName = headerName;
        }

        public String headerName() {
            return headerName;
        }
    }

    /**
     * @param requestsPerMinute              requests one key (or, outside the API, one address) may make per minute
     * @param failedAuthenticationsPerMinute failed authentications one address may make per minute; past them
     *                                       every API request from that address gets 429 until the window ends
     * @param maxBuckets                     how many keys and addresses each limiter tracks at most; past it,
     *                                       new callers share one bucket
     * @param store                          where the windows are kept: {@code memory} (default, this replica's
     *                                       own) or {@code redis} (one budget for every replica using that Redis)
     * @param redisUrl                       the Redis of {@code store=redis}, as a Lettuce URI
     *                                       ({@code redis://[user:password@]host:port[/database]})
     * @param redisTimeout                   how long one Redis command may take before this replica counts on
     *                                       its own (see docs/shared-limits.md); also the connect timeout
     */
    public record RateLimit(@Min(1) @DefaultValue("300") int requestsPerMinute,
                            @Min(1) @DefaultValue("30") int failedAuthenticationsPerMinute,
                            @Min(1) @DefaultValue("10000") int maxBuckets,
                            @NotNull @DefaultValue("memory") Store store,
                            @NotNull @DefaultValue("redis://127.0.0.1:6379") String redisUrl,
                            @NotNull @DefaultValue("250ms") @DurationMin(millis = 1) @DurationMax(minutes = 1)
                            Duration redisTimeout) {

        /** Where the rate-limit windows live. */
        public enum Store {
            MEMORY,
            REDIS
        }
    }
}
