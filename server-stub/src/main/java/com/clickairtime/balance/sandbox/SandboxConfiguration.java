package com.clickairtime.balance.sandbox;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.clickairtime.balance.sandbox.config.SandboxProperties;
import com.clickairtime.balance.sandbox.dataset.Dataset;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class SandboxConfiguration {

    /** One clock for timestamps, key expiry and rate-limit windows, so tests can move time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The spec, from the openapi jar, read once: the error messages, the operations'
     * permissions and the key format come from it, so the sandbox cannot drift from it.
     */
    @Bean
    BalanceSpec balanceSpec() {
        return SandboxApplication.spec();
    }

    /** Read once at start-up; a broken dataset stops the start with every problem listed. */
    @Bean
    Dataset dataset(SandboxProperties properties, BalanceSpec spec) {
        return Dataset.read(properties.dataset(), spec.apiKeyPattern());
    }
}
