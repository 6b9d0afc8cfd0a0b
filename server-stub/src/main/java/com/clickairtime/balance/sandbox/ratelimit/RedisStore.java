package com.clickairtime.balance.sandbox.ratelimit;

import com.clickairtime.balance.sandbox.config.SandboxProperties;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one Redis connection of a replica, which all its limiters share, and whether Redis is
 * answering. Lettuce reconnects on its own after Redis comes back; while it is away, commands
 * are refused at once rather than queued, so that no request waits on a Redis that is down.
 */
final class RedisStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisStore.class);

    /** Every key the sandbox writes starts with this, so that one Redis can hold other data too. */
    static final String PREFIX = "sandbox:rate-limit:";

    // How long a bucket stays after it has filled up again: past it the next request opens a new
    // window at its own instant, as in memory.
    private static final Duration KEEP_FULL_BUCKET = Duration.ofSeconds(1);

    // A bucket's admission among the capped ones, in one step for every replica: known and still
    // alive, or room (after dropping the lapsed), or its Bucket4j bucket still lives; else 0.
    private static final String ADMIT = """
            local now = tonumber(ARGV[1])
            local score = redis.call('ZSCORE', KEYS[1], ARGV[3])
            if score and tonumber(score) > now then return 1 end
            local max = tonumber(ARGV[2])
            if redis.call('ZCARD', KEYS[1]) >= max then
              redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
            end
            if redis.call('ZCARD', KEYS[1]) < max then
              redis.call('ZADD', KEYS[1], now + tonumber(ARGV[4]), ARGV[3])
              redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[4]) * 2)
              return 1
            end
            return redis.call('EXISTS', KEYS[2])
            """;

    // Reconnections happen in the background (commands are refused meanwhile), so no request waits on this.
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final ClientResources resources;
    private final RedisClient client;
    private final StatefulRedisConnection<String, byte[]> connection;
    private final ProxyManager<String> proxies;
    private final AtomicBoolean down = new AtomicBoolean();

    RedisStore(SandboxProperties.RateLimit settings, Clock clock) {
        RedisURI uri;
        try {
            uri = RedisURI.create(settings.redisUrl());
        } catch (RuntimeException malformed) {
            // The URL may hold a password: it is not repeated.
            throw new RedisStartException("sandbox.rate-limit.redis-url is no Redis URI (redis://host:port)");
        }
        Duration timeout = settings.redisTimeout();
        // The first connection of a cold JVM takes far longer than a command: it gets its own bound.
        uri.setTimeout(CONNECT_TIMEOUT);
        // Retried often: a replica counts on its own only as long as it must.
        this.resources = ClientResources.builder().reconnectDelay(Delay.constant(Duration.ofMillis(500))).build();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).build())
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .build());
        try {
            this.connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        } catch (RedisException unreachable) {
            close();
            throw new RedisStartException("sandbox.rate-limit.store=redis, but Redis at " + uri.getHost() + ":"
                    + uri.getPort() + " did not answer (" + rootMessage(unreachable) + "); a replica starts only with its Redis");
        }
        this.proxies = Bucket4jLettuce.casBasedBuilder(connection)
                .clientClock(new ClockTime(clock))
                .requestTimeout(timeout)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_FULL_BUCKET))
                .build();
    }

    ProxyManager<String> proxies() {
        return proxies;
    }

    /** Whether a bucket may be counted under its own name, the limiter holding at most {@code max}. */
    boolean admit(String census, String bucketKey, String member, long nowMillis, int max) {
        Long admitted = connection.sync().eval(ADMIT, ScriptOutputType.INTEGER, new String[]{census, bucketKey},
                bytes(nowMillis), bytes(max), member.getBytes(StandardCharsets.UTF_8),
                bytes(RateLimiter.WINDOW.plus(KEEP_FULL_BUCKET).toMillis()));
        return admitted != null && admitted == 1;
    }

    boolean exists(String key) {
        Long count = connection.sync().exists(key);
        return count != null && count > 0;
    }

    boolean full(String census, int max) {
        Long size = connection.sync().zcard(census);
        return size != null && size >= max;
    }

    /** Redis has answered: if it had not before, the replicas share their budgets again from now on. */
    void answered() {
        if (down.compareAndSet(true, false)) {
            log.info("Redis answers again: rate limits are shared across replicas again");
        }
    }

    /**
     * Redis did not answer: the caller counts on its own. Anything else is a fault of the sandbox
     * and is thrown on.
     */
    void failed(RuntimeException failure) {
        if (!isRedisFailure(failure)) {
            throw failure;
        }
        if (down.compareAndSet(false, true)) {
            log.warn("Redis does not answer ({}): rate limits are per replica until it does; answers say {}: {}",
                    failure.getMessage(), RateLimiter.PER_REPLICA_HEADER, RateLimiter.PER_REPLICA);
        }
    }

    private static boolean isRedisFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RedisException || cause instanceof TimeoutException
                    || cause instanceof io.github.bucket4j.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private static byte[] bytes(long value) {
        return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        if (connection != null) {
            connection.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** Bucket4j's time from the sandbox's clock, so that tests can move it as they move the in-memory windows. */
    private record ClockTime(Clock clock) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            return clock.millis() * 1_000_000;
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
