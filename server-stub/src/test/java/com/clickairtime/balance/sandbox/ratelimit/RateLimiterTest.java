package com.clickairtime.balance.sandbox.ratelimit;

import com.clickairtime.balance.sandbox.SandboxProperties;
import com.clickairtime.balance.sandbox.SandboxTestSupport.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {

    private final MutableClock clock = new MutableClock();
    private final RateLimiter limiter = new RateLimiter(new SandboxProperties(new ByteArrayResource(new byte[0]),
            new SandboxProperties.RateLimit(300), List.of()), clock);

    @Test
    void concurrentRequestsNeverExceedTheLimit() throws Exception {
        clock.set(Instant.parse("2026-01-01T00:00:00Z"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> calls = IntStream.range(0, 800)
                    .mapToObj(i -> (Callable<Boolean>) () -> limiter.charge("key:a").allowed()).toList();
            long allowed = 0;
            for (Future<Boolean> result : pool.invokeAll(calls)) {
                allowed += result.get() ? 1 : 0;
            }
            assertThat(allowed).isEqualTo(300);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void bucketsAreIndependent() {
        clock.set(Instant.parse("2026-01-01T00:00:00Z"));
        IntStream.range(0, 301).forEach(i -> limiter.charge("key:a"));
        assertThat(limiter.charge("key:a").allowed()).isFalse();
        assertThat(limiter.charge("key:b").allowed()).isTrue();
        assertThat(limiter.charge("key:b").remaining()).isEqualTo(298);
    }
}
