package com.clickairtime.balance.sandbox;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

import java.util.List;

/**
 * Settings of the sandbox.
 *
 * @param dataset        the YAML dataset of accounts, wallets, rates and keys
 * @param rateLimit      the per-key request budget
 * @param trustedProxies addresses whose {@code X-Forwarded-For}/{@code Forwarded} headers are believed;
 *                       empty by default, so the connection's own address is the caller's
 */
@Validated
@ConfigurationProperties("sandbox")
public record SandboxProperties(
        @NotNull @DefaultValue("classpath:sandbox/dataset.yaml") Resource dataset,
        @Valid @NotNull @DefaultValue RateLimit rateLimit,
        @NotNull @DefaultValue List<String> trustedProxies) {

    /** @param requestsPerMinute requests one key (or one unauthenticated address) may make per minute */
    public record RateLimit(@Min(1) @DefaultValue("300") int requestsPerMinute) {
    }
}
