package com.clickairtime.balance.sandbox;

import com.clickairtime.balance.openapi.BalanceSpec;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** The local sandbox of the Wallet Balance API: the documented behaviour, demo keys only. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SandboxApplication {

    /**
     * The spec, parsed on another thread while Spring starts: swagger-parser takes about a
     * second in a cold JVM, and the first bean that needs the spec waits for it.
     */
    private static volatile CompletableFuture<BalanceSpec> preloadedSpec;

    public static void main(String[] args) {
        preloadedSpec = CompletableFuture.supplyAsync(BalanceSpec::load);
        // A broken dataset: Spring Boot reports it (DatasetFailureAnalyzer, no stack) and exits with 1.
        SpringApplication.run(SandboxApplication.class, args);
    }

    /** The spec main() started to read, or, where the context starts without main() (tests), read now. */
    static BalanceSpec spec() {
        CompletableFuture<BalanceSpec> preloaded = preloadedSpec;
        if (preloaded == null) {
            preloaded = CompletableFuture.completedFuture(BalanceSpec.load());
            preloadedSpec = preloaded;
        }
        try {
            return preloaded.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
