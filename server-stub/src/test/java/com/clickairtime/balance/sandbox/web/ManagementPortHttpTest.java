package com.clickairtime.balance.sandbox.web;

import com.clickairtime.balance.sandbox.SandboxTestSupport;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health and metrics on the management port, over real HTTP on both ports: the probes and the
 * Prometheus text answer there only, the API port answers {@code /actuator} as any unknown path,
 * the management port answers no path of the API, and it listens on loopback. The counts are
 * read as Prometheus shows them, before and after each request, so no other request of the
 * context can make them pass. The limits are low (3 a minute per key and per address, 2 failed
 * authentications) and the clock stands still, so one minute's budgets are spent on purpose.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        "sandbox.rate-limit.requests-per-minute=3",
        "sandbox.rate-limit.failed-authentications-per-minute=2"})
@Import({SandboxTestSupport.MutableClockConfiguration.class, ManagementPortHttpTest.ServerAddresses.class})
class ManagementPortHttpTest {

    @LocalServerPort
    int apiPort;

    @LocalManagementPort
    int managementPort;

    @Autowired
    ServerAddresses addresses;

    @Autowired
    SandboxTestSupport.MutableClock clock;

    /** Each test starts in a minute of its own: fresh budgets, no lockout. */
    @BeforeEach
    void nextMinute() {
        clock.advance(Duration.ofMinutes(2));
    }

    @Test
    void readinessAndLivenessAnswerOnTheManagementPort() throws IOException {
        for (String probe : new String[] {"/actuator/health/readiness", "/actuator/health/liveness"}) {
            RawHttp.Response response = get(managementPort, probe, null);
            assertThat(response.status()).as(probe).isEqualTo(200);
            assertThat(SandboxTestSupport.exact(response.body()).path("status").asText()).as(probe).isEqualTo("UP");
        }
    }

    @Test
    void theApiPortAnswersActuatorPathsAsAnyUnknownPath() throws IOException {
        RawHttp.Response unknown = get(apiPort, "/no-such-path", null);
        for (String path : new String[] {"/actuator", "/actuator/health", "/actuator/health/readiness", "/actuator/prometheus"}) {
            nextMinute();
            RawHttp.Response response = get(apiPort, path, null);
            assertThat(response.status()).as(path).isEqualTo(unknown.status()).isEqualTo(404);
            assertThat(SandboxTestSupport.withoutMeta(response.body())).as(path).isEqualTo(SandboxTestSupport.withoutMeta(unknown.body()));
        }
    }

    @Test
    void theManagementPortAnswersNoPathOfTheApi() throws IOException {
        for (String path : new String[] {"/v2/balance", "/openapi.yaml", "/docs"}) {
            RawHttp.Response response = get(managementPort, path, SandboxTestSupport.ACME);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.head()).as(path).doesNotContainIgnoringCase("X-RateLimit");
        }
    }

    @Test
    void theManagementPortListensOnLoopbackUnlessConfigured() {
        assertThat(addresses.byNamespace).containsKey("management");
        assertThat(addresses.byNamespace.get("management")).isNotNull().matches(InetAddress::isLoopbackAddress, "a loopback address");
    }

    @Test
    void prometheusCountsRequestsByOperationAndStatusAndRefusalsByLimit() throws IOException {
        String ok = "sandbox_requests_seconds_count{operation=\"getBalance\",status=\"200\"}";
        String okSum = "sandbox_requests_seconds_sum{operation=\"getBalance\",status=\"200\"}";
        String keySpent = "sandbox_refusals_total{code=\"RATE_LIMIT_EXCEEDED\",limit=\"key\"}";
        String wrongKey = "sandbox_refusals_total{code=\"INVALID_API_KEY\",limit=\"none\"}";
        String lockedOut = "sandbox_refusals_total{code=\"RATE_LIMIT_EXCEEDED\",limit=\"failed-authentications\"}";
        String refused429 = "sandbox_requests_seconds_count{operation=\"getBalance\",status=\"429\"}";

        Map<String, Double> before = scrape(ok, okSum, keySpent, wrongKey, lockedOut, refused429);
        for (int i = 0; i < 3; i++) {
            assertThat(get(apiPort, "/v2/balance", SandboxTestSupport.ACME).status()).isEqualTo(200);
        }
        assertThat(get(apiPort, "/v2/balance", SandboxTestSupport.ACME).status()).isEqualTo(429);
        String wrong = "ce_live_" + "Z".repeat(32);
        assertThat(get(apiPort, "/v2/balance", wrong).status()).isEqualTo(401);
        assertThat(get(apiPort, "/v2/balance", wrong).status()).isEqualTo(401);
        assertThat(get(apiPort, "/v2/balance", wrong).status()).isEqualTo(429);
        Map<String, Double> after = scrape(ok, okSum, keySpent, wrongKey, lockedOut, refused429);

        assertThat(after.get(ok) - before.get(ok)).as(ok).isEqualTo(3.0);
        assertThat(after.get(okSum) - before.get(okSum)).as("answer times").isGreaterThan(0.0);
        assertThat(after.get(keySpent) - before.get(keySpent)).as(keySpent).isEqualTo(1.0);
        assertThat(after.get(wrongKey) - before.get(wrongKey)).as(wrongKey).isEqualTo(2.0);
        assertThat(after.get(lockedOut) - before.get(lockedOut)).as(lockedOut).isEqualTo(1.0);
        // Both 429s were asked of getBalance: a refusal before routing is timed under the operation asked for.
        assertThat(after.get(refused429) - before.get(refused429)).as(refused429).isEqualTo(2.0);
        assertThat(get(managementPort, "/actuator/prometheus", null).body())
                .contains("sandbox_requests_seconds_bucket{operation=\"getBalance\",status=\"200\",le=");
    }

    private Map<String, Double> scrape(String... series) throws IOException {
        RawHttp.Response response = get(managementPort, "/actuator/prometheus", null);
        assertThat(response.status()).isEqualTo(200);
        Map<String, Double> values = new java.util.HashMap<>();
        for (String name : series) {
            Matcher value = Pattern.compile("(?m)^" + Pattern.quote(name) + " (\\S+)$").matcher(response.body());
            values.put(name, value.find() ? Double.parseDouble(value.group(1)) : 0.0);
        }
        return values;
    }

    private static RawHttp.Response get(int port, String path, String key) throws IOException {
        return RawHttp.send(port, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + (key == null ? "" : "Authorization: Bearer " + key + "\r\n") + "Connection: close\r\n\r\n");
    }

    /** The address each web server's connector is bound to, by server namespace (the management one's events reach the parent). */
    @TestConfiguration(proxyBeanMethods = false)
    static class ServerAddresses implements ApplicationListener<WebServerInitializedEvent> {

        final Map<String, InetAddress> byNamespace = new ConcurrentHashMap<>();

        @Override
        public void onApplicationEvent(WebServerInitializedEvent event) {
            if (event.getWebServer() instanceof TomcatWebServer tomcat) {
                Connector connector = tomcat.getTomcat().getConnector();
                Object address = connector.getProperty("address");
                String namespace = event.getApplicationContext().getServerNamespace();
                if (address instanceof InetAddress bound) {
                    byNamespace.put(namespace == null ? "server" : namespace, bound);
                }
            }
        }
    }
}
