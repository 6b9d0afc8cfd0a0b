package com.clickairtime.balance.sandbox.ratelimit;

import com.clickairtime.balance.sandbox.SandboxApplication;
import com.clickairtime.balance.sandbox.SandboxTestSupport;
import com.clickairtime.balance.sandbox.config.SandboxProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas and a real Redis (Debian's {@code redis-server}), started with the options
 * docs/shared-limits.md shows: one key's budget, and one address's failed-authentication
 * lockout, hold across both; a Redis that stops leaves each replica counting alone, saying so;
 * a Redis that comes back is shared again without restarting a replica.
 */
class SharedLimitsRedisTest {

    private static final Path GUIDE = Path.of("..", "docs", "shared-limits.md");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String WRONG_KEY = "ce_live_" + "0".repeat(32);

    @TempDir
    Path directory;

    @Test
    void twoReplicasEnforceOneBudgetThroughRedis() throws Exception {
        Guide guide = Guide.read();
        RealRedis redis = RealRedis.start(guide.redisFlags(), directory);
        List<ConfigurableApplicationContext> replicas = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                replicas.add(replica(guide.sandboxOptions(redis.port)));
            }
            SandboxProperties.RateLimit settings = replicas.get(0).getBean(SandboxProperties.class).rateLimit();
            assertThat(settings.store()).as("the guide's options select Redis").isEqualTo(SandboxProperties.RateLimit.Store.REDIS);
            int[] ports = replicas.stream().mapToInt(SharedLimitsRedisTest::port).toArray();

            // One key, alternately on both replicas: the limit once, not once per replica.
            int limit = settings.requestsPerMinute();
            long start = System.nanoTime();
            int answered = 0;
            for (int i = 0; i < limit + 100; i++) {
                HttpResponse<String> response = get(ports[i % 2], SandboxTestSupport.ACME);
                assertThat(response.headers().firstValue(RateLimiter.PER_REPLICA_HEADER)).isEmpty();
                if (response.statusCode() == 200) {
                    answered++;
                } else {
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
                    assertThat(response.body()).contains("\"code\":\"RATE_LIMIT_EXCEEDED\"");
                    assertThat(Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow())).isPositive();
                }
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("all within one window")
                    .isLessThan(RateLimiter.WINDOW);
            assertThat(answered).isEqualTo(limit);

            // Failed authentications spread over both lock the address out on both.
            int failures = settings.failedAuthenticationsPerMinute();
            for (int i = 0; i <= failures; i++) {
                assertThat(get(ports[i % 2], WRONG_KEY).statusCode()).isEqualTo(i < failures ? 401 : 429);
            }
            for (int replica : ports) {
                HttpResponse<String> lockedOut = get(replica, SandboxTestSupport.GLOBEX);
                assertThat(lockedOut.statusCode()).isEqualTo(429);
                assertThat(lockedOut.headers().firstValue("X-RateLimit-Limit")).hasValue(Integer.toString(failures));
                assertThat(lockedOut.headers().firstValue("Retry-After")).isPresent();
            }

            // Redis stops: each replica counts alone, and says so.
            redis.stop();
            for (int replica : ports) {
                HttpResponse<String> alone = get(replica, SandboxTestSupport.GLOBEX);
                assertThat(alone.statusCode()).as(alone.body()).isEqualTo(200);
                assertThat(alone.headers().firstValue(RateLimiter.PER_REPLICA_HEADER)).hasValue(RateLimiter.PER_REPLICA);
                assertThat(alone.headers().firstValue("X-RateLimit-Remaining"))
                        .hasValue(Integer.toString(limit - 1));
            }

            // Redis is back (empty): the same replicas share one budget again.
            redis.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (Stream.of(get(ports[0], SandboxTestSupport.GLOBEX), get(ports[1], SandboxTestSupport.GLOBEX))
                    .anyMatch(response -> response.headers().firstValue(RateLimiter.PER_REPLICA_HEADER).isPresent())) {
                assertThat(System.nanoTime()).as("the replicas reconnect to Redis").isLessThan(deadline);
                Thread.sleep(200);
            }
            HttpResponse<String> first = get(ports[0], SandboxTestSupport.GLOBEX);
            HttpResponse<String> second = get(ports[1], SandboxTestSupport.GLOBEX);
            assertThat(List.of(first.statusCode(), second.statusCode())).containsOnly(200);
            assertThat(Integer.parseInt(second.headers().firstValue("X-RateLimit-Remaining").orElseThrow()))
                    .isEqualTo(Integer.parseInt(first.headers().firstValue("X-RateLimit-Remaining").orElseThrow()) - 1);
        } finally {
            replicas.forEach(ConfigurableApplicationContext::close);
            redis.close();
        }
    }

    private static ConfigurableApplicationContext replica(List<String> options) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1"));
        arguments.addAll(options);
        return new SpringApplicationBuilder(SandboxApplication.class).run(arguments.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext replica) {
        return ((WebServerApplicationContext) replica).getWebServer().getPort();
    }

    private static HttpResponse<String> get(int port, String key) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/balance"))
                .header("Authorization", "Bearer " + key).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The guide's commands: the redis-server line and the replicas' sandbox options. */
    private record Guide(int documentedPort, List<String> redisFlags, List<String> sandboxOptions) {

        private static final Pattern TOKEN = Pattern.compile("'([^']*)'|(\\S+)");

        static Guide read() throws IOException {
            String guide = Files.readString(GUIDE);
            Matcher block = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL).matcher(guide);
            assertThat(block.find()).as("docs/shared-limits.md shows its commands in a sh block").isTrue();
            List<String> redisFlags = null;
            List<List<String>> replicaOptions = new ArrayList<>();
            for (String line : block.group(1).split("\\n")) {
                List<String> tokens = tokens(line);
                if (!tokens.isEmpty() && tokens.get(0).equals("redis-server")) {
                    redisFlags = tokens.subList(1, tokens.size());
                } else if (tokens.size() > 1 && tokens.get(0).equals("java")) {
                    replicaOptions.add(tokens.stream().filter(token -> token.startsWith("--sandbox.")).toList());
                }
            }
            assertThat(redisFlags).as("a redis-server line").isNotNull();
            assertThat(replicaOptions).as("two replicas with the same options").hasSize(2);
            assertThat(replicaOptions.get(1)).isEqualTo(replicaOptions.get(0));
            int index = redisFlags.indexOf("--port");
            assertThat(index).as("redis-server's --port").isNotNegative();
            return new Guide(Integer.parseInt(redisFlags.get(index + 1)), redisFlags, replicaOptions.get(0));
        }

        private static List<String> tokens(String line) {
            List<String> tokens = new ArrayList<>();
            Matcher token = TOKEN.matcher(line);
            while (token.find()) {
                tokens.add(token.group(1) != null ? token.group(1) : token.group(2));
            }
            return tokens;
        }

        List<String> sandboxOptions(int port) {
            return sandboxOptions.stream().map(option -> option.replace(":" + documentedPort, ":" + port)).toList();
        }
    }
}
