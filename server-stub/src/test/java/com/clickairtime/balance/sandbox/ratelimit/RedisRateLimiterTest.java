package com.clickairtime.balance.sandbox.ratelimit;

import com.clickairtime.balance.sandbox.SandboxTestSupport.MutableClock;
import com.clickairtime.balance.sandbox.config.SandboxProperties;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Redis store against a real Redis, limiter by limiter: the same verdicts as the in-memory
 * store, and a cap and overflow that two replicas (two stores) share.
 */
class RedisRateLimiterTest {

    @TempDir
    static Path directory;

    private static RealRedis redis;

    private final MutableClock clock = new MutableClock();
    // Each test its own limiter names: their buckets and census never meet another test's.
    private final String name = "test-" + UUID.randomUUID();

    @AfterAll
    static void stopRedis() throws Exception {
        if (redis != null) {
            redis.close();
        }
    }

    /** Started by the first test that needs it, so that a missing redis-server skips each test, saying so. */
    private static synchronized RealRedis redis() throws Exception {
        if (redis == null) {
            redis = RealRedis.start(List.of("--save", "", "--appendonly", "no"), directory);
        }
        return redis;
    }

    private RedisStore replica() throws Exception {
        return new RedisStore(new SandboxProperties.RateLimit(300, 30, 10_000, SandboxProperties.RateLimit.Store.REDIS,
                redis().url(), Duration.ofSeconds(1)), clock);
    }

    /**
     * Limit, remaining, reset, refusal and Retry-After: request by request what memory says within
     * a window; after it, a new one. (Its start may differ by up to a second: docs/shared-limits.md.)
     */
    @Test
    void answersAsTheInMemoryStoreDoes() throws Exception {
        try (RedisStore store = replica()) {
            RateLimiter shared = new RedisRateLimiter(store, name, 3, 100, RateLimiter.Overflow.SHARED, clock);
            RateLimiter local = new LocalRateLimiter(3, 100, clock);
            RateLimiter.Verdict last = null;
            for (int i = 0; i < 6; i++) {
                last = shared.charge("key:a");
                assertThat(last).isEqualTo(local.charge("key:a"));
                RateLimiter.Verdict peeked = shared.peek("key:a");
                RateLimiter.Verdict peekedInMemory = local.peek("key:a");
                // An allowed peek's reset and Retry-After are never written (RedisRateLimiter.peek): not compared.
                assertThat(peeked.allowed() ? List.of(peeked.limit(), peeked.remaining(), true) : peeked)
                        .isEqualTo(peekedInMemory.allowed()
                                ? List.of(peekedInMemory.limit(), peekedInMemory.remaining(), true) : peekedInMemory);
                clock.advance(Duration.ofMillis(7_300));
            }
            assertThat(last.allowed()).isFalse();
            clock.advance(RateLimiter.WINDOW);
            RateLimiter.Verdict next = shared.charge("key:a");
            assertThat(next.allowed()).isTrue();
            assertThat(next.remaining()).isEqualTo(2);
            assertThat(next.resetEpochSeconds()).isGreaterThan(last.resetEpochSeconds());
        }
    }

    /** A bucket is named by an API key or an address: neither is readable in a Redis shared with others. */
    @Test
    void noKeyOrAddressIsStoredInClear() throws Exception {
        String apiKey = "key:ce_live_" + "K".repeat(32);
        try (RedisStore store = replica()) {
            RateLimiter shared = new RedisRateLimiter(store, name, 3, 100, RateLimiter.Overflow.SHARED, clock);
            shared.charge(apiKey);
            shared.charge("address:203.0.113.7");
            shared.peek(apiKey);
        }
        RedisClient client = RedisClient.create(redis().url());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            List<String> keys = connection.sync().keys("*");
            assertThat(keys).anyMatch(key -> key.contains(name));
            List<String> contents = new ArrayList<>(keys);
            for (String key : keys) {
                if (connection.sync().type(key).equals("zset")) {
                    contents.addAll(connection.sync().zrange(key, 0, -1));
                }
            }
            assertThat(contents).noneMatch(text -> text.contains("ce_live_") || text.contains("203.0.113.7"));
        } finally {
            client.shutdown();
        }
    }

    /** Concurrent requests on two replicas, each batching its own: never more than the limit between them. */
    @Test
    void concurrentRequestsOnTwoReplicasNeverExceedTheLimit() throws Exception {
        try (RedisStore a = replica(); RedisStore b = replica()) {
            List<RateLimiter> replicas = List.of(new RedisRateLimiter(a, name, 300, 100, RateLimiter.Overflow.SHARED, clock),
                    new RedisRateLimiter(b, name, 300, 100, RateLimiter.Overflow.SHARED, clock));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Callable<Boolean>> calls = IntStream.range(0, 400)
                        .mapToObj(i -> (Callable<Boolean>) () -> replicas.get(i % 2).charge("key:a").allowed()).toList();
                long allowed = 0;
                for (Future<Boolean> call : pool.invokeAll(calls)) {
                    allowed += call.get() ? 1 : 0;
                }
                assertThat(allowed).isEqualTo(300);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** Past the cap, new callers on either replica share one overflow budget; the callers within it keep theirs. */
    @Test
    void twoReplicasShareTheCapAndTheOverflow() throws Exception {
        try (RedisStore a = replica(); RedisStore b = replica()) {
            RateLimiter onA = new RedisRateLimiter(a, name, 3, 2, RateLimiter.Overflow.SHARED, clock);
            RateLimiter onB = new RedisRateLimiter(b, name, 3, 2, RateLimiter.Overflow.SHARED, clock);
            assertThat(onA.charge("address:a").remaining()).isEqualTo(2);
            assertThat(onB.charge("address:b").remaining()).isEqualTo(2);
            List<Boolean> flood = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                flood.add((i % 2 == 0 ? onA : onB).charge("address:flood-" + i).allowed());
            }
            assertThat(flood).containsExactly(true, true, true, false);
            assertThat(onB.charge("address:a").remaining()).isEqualTo(1);
            assertThat(onA.peek("address:new").allowed()).isFalse();
        }
    }

    /** A full failure limiter counts a new address's failures nowhere: others' failures never lock it out. */
    @Test
    void anUncountedOverflowNeverRefusesANewcomer() throws Exception {
        try (RedisStore a = replica(); RedisStore b = replica()) {
            RateLimiter onA = new RedisRateLimiter(a, name, 3, 2, RateLimiter.Overflow.UNCOUNTED, clock);
            RateLimiter onB = new RedisRateLimiter(b, name, 3, 2, RateLimiter.Overflow.UNCOUNTED, clock);
            for (int i = 0; i < 10; i++) {
                onA.charge("address:a");
                onB.charge("address:b");
                onA.charge("address:flood-" + i);
            }
            assertThat(onB.peek("address:a").allowed()).isFalse();
            assertThat(onA.peek("address:new").allowed()).isTrue();
            assertThat(onB.charge("address:new").allowed()).isTrue();
        }
    }
}
