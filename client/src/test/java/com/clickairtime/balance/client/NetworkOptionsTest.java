package com.clickairtime.balance.client;

import com.clickairtime.balance.client.error.BalanceApiException;
import com.clickairtime.balance.client.error.BalanceTransportException;
import com.clickairtime.balance.client.network.ForwardProxy;
import com.clickairtime.balance.client.network.RecordingServer;
import com.clickairtime.balance.client.network.SelfSignedTls;
import com.clickairtime.balance.openapi.ExampleCase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLParameters;
import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Each builder option against a real loopback server: a forward proxy, TLS with a self-signed certificate... */
class NetworkOptionsTest {

    static final String KEY = BalanceClientTest.KEY;
    static String balance;

    @TempDir
    static Path keys;
    static SelfSignedTls tls;

    @BeforeAll
    static void setUp() throws Exception {
        balance = SpecBodies.json(SpecBodies.success("getBalance").body());
        tls = new SelfSignedTls(keys);
    }

    private static BalanceClient.Builder client(String baseUrl) {
        return BalanceClient.builder().apiKey(KEY).baseUrl(baseUrl).retryPolicy(RetryPolicy.none());
    }

    @Test
    void aProxyCarriesEveryRequest() throws Exception {
        try (RecordingServer api = RecordingServer.http(200, balance, Map.of()); ForwardProxy proxy = new ForwardProxy(null, null)) {
            BalanceClient client = client(api.baseUrl()).proxy(proxy.selector()).build();
            client.getBalance();
            ExampleCase wallet = SpecBodies.success("getWalletBalance");
            client.getWalletBalanceResult(wallet.pathParameters().get("wallet_id")).status();
            assertThat(proxy.forwarded).containsExactly("GET " + api.baseUrl() + SpecBodies.success("getBalance").path(),
                    "GET " + api.baseUrl() + wallet.path());
            assertThat(api.requests).hasSize(2);
        }
    }

    @Test
    void aProxyThatWantsCredentialsGetsThemFromTheAuthenticator() throws Exception {
        try (RecordingServer api = RecordingServer.http(200, balance, Map.of());
             ForwardProxy proxy = new ForwardProxy("proxy-user", "proxy-secret")) {
            BalanceApiException refused = catchThrowableOfType(BalanceApiException.class,
                    () -> client(api.baseUrl()).proxy(proxy.selector()).build().getBalance());
            assertThat(refused.status()).isEqualTo(407);

            Authenticator credentials = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return getRequestorType() == RequestorType.PROXY
                            ? new PasswordAuthentication("proxy-user", "proxy-secret".toCharArray()) : null;
                }
            };
            java.util.List<Attempt> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
            client(api.baseUrl()).proxy(proxy.selector()).proxyAuthenticator(credentials).listener(heard::add).build().getBalance();
            assertThat(proxy.forwarded).hasSize(1);
            assertThat(api.requests).hasSize(1);
            // The API gets its key (JDKs before 24 drop it when HttpClient has an authenticator) and not the proxy's.
            assertThat(api.requests.get(0).getFirst("Authorization")).isEqualTo("Bearer " + KEY);
            assertThat(api.requests.get(0).containsKey("Proxy-authorization")).isFalse();
            assertThat(heard).singleElement().satisfies(attempt -> assertThat(attempt.requestHeaders().get("Proxy-Authorization"))
                    .containsExactly("Basic \u2026"));
        }
    }

    @Test
    void tlsWithTheCallersTrustStore() throws Exception {
        try (RecordingServer api = RecordingServer.https(tls.server, balance)) {
            BalanceTransportException untrusted = catchThrowableOfType(BalanceTransportException.class,
                    () -> client(api.baseUrl()).build().getBalance());
            assertThat(untrusted).isNotNull();

            assertThat(client(api.baseUrl()).sslContext(tls.client).build().getBalance().getWallets()).isNotEmpty();
            SSLParameters tls12 = new SSLParameters();
            tls12.setProtocols(new String[] {"TLSv1.2"});
            client(api.baseUrl()).sslContext(tls.client).sslParameters(tls12).build().getBalance();
            assertThat(api.tlsProtocols).containsExactly("TLSv1.3", "TLSv1.2");
        }
    }

    @Test
    void theExecutorRunsTheClientsWork() throws Exception {
        AtomicInteger tasks = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (RecordingServer api = RecordingServer.http(200, balance, Map.of())) {
            client(api.baseUrl()).executor(task -> {
                tasks.incrementAndGet();
                pool.execute(task);
            }).build().getBalance();
            assertThat(tasks).hasPositiveValue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void http11StopsTheH2cUpgrade() throws Exception {
        try (RecordingServer api = RecordingServer.http(200, balance, Map.of())) {
            client(api.baseUrl()).build().getBalance();
            client(api.baseUrl()).httpVersion(HttpClient.Version.HTTP_1_1).build().getBalance();
            assertThat(api.requests.get(0).getFirst("Upgrade")).isEqualTo("h2c");
            assertThat(api.requests.get(1).containsKey("Upgrade")).isFalse();
        }
    }

    @Test
    void theCallersOwnHttpClientIsUsedAsConfigured() throws Exception {
        try (RecordingServer api = RecordingServer.http(200, balance, Map.of()); ForwardProxy proxy = new ForwardProxy(null, null)) {
            HttpClient own = HttpClient.newBuilder().proxy(proxy.selector()).build();
            BalanceClient client = client(api.baseUrl()).httpClient(own).build();
            client.getBalance();
            client.close();
            assertThat(proxy.forwarded).hasSize(1);
            // Not the SDK's to close: the caller's client still works.
            assertThat(own.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.baseUrl() + "/v2/balance")).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        }
        assertThatThrownBy(() -> client("http://127.0.0.1:1").httpClient(HttpClient.newHttpClient())
                .proxy(java.net.ProxySelector.of(null)).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("proxy");
    }

    @Test
    void defaultHeadersAndAUserAgentSuffixGoWithEveryRequest() throws Exception {
        try (RecordingServer api = RecordingServer.http(200, balance, Map.of())) {
            client(api.baseUrl()).defaultHeader("X-Correlation-Id", "corr-42").userAgentSuffix("my-app/1.4").build().getBalance();
            assertThat(api.requests.get(0).getFirst("X-Correlation-Id")).isEqualTo("corr-42");
            assertThat(api.requests.get(0).getFirst("User-Agent")).isEqualTo(BalanceClient.USER_AGENT + " my-app/1.4");
            assertThat(api.requests.get(0).getFirst("Authorization")).isEqualTo("Bearer " + KEY);
        }
        assertThatThrownBy(() -> BalanceClient.builder().defaultHeader("authorization", "Bearer x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BalanceClient.builder().defaultHeader("X-Bad", "a\r\nInjected: yes"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BalanceClient.builder().userAgentSuffix("bad\nsuffix")).isInstanceOf(IllegalArgumentException.class);
    }
}
