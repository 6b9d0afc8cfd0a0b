package com.clickairtime.balance.sandbox;

import com.clickairtime.balance.sandbox.wallet.Dataset;
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

    /** Read once at start-up; a broken dataset stops the start with every problem listed. */
    @Bean
    Dataset dataset(SandboxProperties properties) {
        return Dataset.read(properties.dataset());
    }
}
