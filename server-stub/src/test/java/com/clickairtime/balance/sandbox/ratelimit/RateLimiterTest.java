package com.clickairtime.balance.sandbox.ratelimit;

import com.clickairtime.balance.sandbox.SandboxTestSupport.MutableClock;
import com.clickairtime.balance.sandbox.config.SandboxProperties;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;

import java.time.Duration;
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
    private final LocalRateLimiter limiter = new LocalRateLimiter(300, 10_000, clock);

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

    /** 50,000 addresses in one minute: the map stops at its cap, and the newcomers share one budget. */
    @Test
    void theNumberOfBucketsHasAHardCapAndNewcomersShareTheOverflowBucket() {
        clock.set(Instant.parse("2026-01-01T00:00:00Z"));
        LocalRateLimiter capped = new LocalRateLimiter(3, 1_000, clock);
        for (int i = 0; i < 50_000; i++) {
            capped.charge("address:10.0." + (i / 250) + "." + (i % 250));
        }
        assertThat(capped.size()).isEqualTo(1_001); // the cap, plus the overflow bucket
        // Every newcomer past the cap was counted in one bucket, so that bucket is long spent.
        assertThat(capped.charge("address:192.0.2.1").allowed()).isFalse();
        assertThat(capped.peek("address:192.0.2.2").allowed()).isFalse();
        // A caller that got its own bucket before the cap keeps it.
        assertThat(capped.charge("address:10.0.0.0").allowed()).isTrue();
    }

    @Test
    void expiredBucketsMakeRoomAgainAtTheCap() {
        clock.set(Instant.parse("2026-01-01T00:00:00Z"));
        LocalRateLimiter capped = new LocalRateLimiter(3, 100, clock);
        IntStream.range(0, 100).forEach(i -> capped.charge("address:old-" + i));
        clock.advance(java.time.Duration.ofSeconds(61));
        RateLimiter.Verdict newcomer = capped.charge("address:new");
        assertThat(newcomer.allowed()).isTrue();
        assertThat(newcomer.remaining()).isEqualTo(2);
        assertThat(capped.size()).isEqualTo(1);
    }

    @Test
    void peekCountsNothing() {
        clock.set(Instant.parse("2026-01-01T00:00:00Z"));
        LocalRateLimiter three = new LocalRateLimiter(3, 100, clock);
        IntStream.range(0, 5).forEach(i -> assertThat(three.peek("address:a").allowed()).isTrue());
        IntStream.range(0, 3).forEach(i -> three.charge("address:a"));
        assertThat(three.peek("address:a").allowed()).isFalse();
        assertThat(three.peek("address:a").remaining()).isZero();
    }

    /** A full failure limiter counts a new address's failures nowhere: others' failures never lock it out. */
    @Test
    void anUncountedOverflowNeverRefusesANewcomer() {
        LocalRateLimiter failures = new LocalRateLimiter(3, 2, RateLimiter.Overflow.UNCOUNTED, clock);
        for (int i = 0; i < 10; i++) {
            failures.charge("address:a");
            failures.charge("address:b");
            failures.charge("address:flood-" + i);
        }
        assertThat(failures.peek("address:a").allowed()).isFalse();
        assertThat(failures.peek("address:new").allowed()).isTrue();
        assertThat(failures.charge("address:new").allowed()).isTrue();
        assertThat(failures.size()).isEqualTo(2);
    }

    /** Keys and addresses are counted apart: however full the addresses' overflow, a key keeps its budget. */
    @Test
    void addressOverflowNeverSpendsAKeysBudget() {
        RateLimits limits = new RateLimits(new SandboxProperties(new ByteArrayResource(new byte[0]),
                new SandboxProperties.RateLimit(3, 30, 1, SandboxProperties.RateLimit.Store.MEMORY,
                        "redis://127.0.0.1:6379", Duration.ofMillis(250)), List.of(), SandboxProperties.ForwardedHeader.X_FORWARDED_FOR,
                Duration.ofSeconds(5), new SandboxProperties.Cors(List.of()), List.of()), clock);
        for (int i = 0; i < 10; i++) {
            limits.requests().charge("address:" + i);
        }
        assertThat(limits.requests().charge("address:late").allowed()).isFalse();
        RateLimiter.Verdict key = limits.keys().charge("ce_live_SomeKey");
        assertThat(key.allowed()).isTrue();
        assertThat(key.remaining()).isEqualTo(2);
    }
}
