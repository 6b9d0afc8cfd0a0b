package com.clickairtime.balance.client;

import com.clickairtime.balance.client.error.BalanceClientException;
import com.clickairtime.balance.client.network.RecordingServer;
import com.clickairtime.balance.client.network.SelfSignedTls;
import com.clickairtime.balance.client.network.TunnelProxy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * An {@code https://} API through a proxy that demands Basic credentials for its CONNECT tunnel, as docs/sdk.md's
 * "Production networks" says. The JDK does not send Basic credentials to open a tunnel unless the system property
 * {@value #PROPERTY} allows it, and it reads that property once, when its HTTP client's classes load: a test cannot
 * set it for itself in a JVM where another test has already made a request. So this class runs twice: in the
 * default surefire execution, where the property is unset as on most JVMs and the proxy keeps answering 407, and
 * in the {@code https-proxy-basic} execution, a JVM of its own started with {@code -D}{@value #PROPERTY}{@code =},
 * where the tunnel opens. Each test runs only in its JVM.
 */
class HttpsProxyAuthenticationTest {

    static final String PROPERTY = "jdk.http.auth.tunneling.disabledSchemes";
    static final String USER = "proxy-user";
    static final String PASSWORD = "proxy-secret";

    @TempDir
    static Path keys;
    static SelfSignedTls tls;
    static String balance;

    @BeforeAll
    static void setUp() throws Exception {
        tls = new SelfSignedTls(keys);
        balance = SpecBodies.json(SpecBodies.named("getBalance_acme_balance").body());
    }

    private static BalanceClient client(RecordingServer api, TunnelProxy proxy) {
        Authenticator credentials = new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return getRequestorType() == RequestorType.PROXY ? new PasswordAuthentication(USER, PASSWORD.toCharArray()) : null;
            }
        };
        return BalanceClient.builder().apiKey(BalanceClientTest.KEY).baseUrl(api.baseUrl()).retryPolicy(RetryPolicy.none())
                .proxy(proxy.selector()).proxyAuthenticator(credentials).sslContext(tls.client).build();
    }

    @Test
    @EnabledIfSystemProperty(named = PROPERTY, matches = "^$")
    void withThePropertyBasicCredentialsOpenTheTunnel() throws Exception {
        try (RecordingServer api = RecordingServer.https(tls.server, balance); TunnelProxy proxy = new TunnelProxy(USER, PASSWORD)) {
            assertThat(client(api, proxy).getBalance().getWallets()).isNotEmpty();

            String target = api.baseUrl().substring("https://".length());
            String basic = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            // Sent with the first CONNECT: the SDK asks the authenticator itself (see proxyAuthenticator's javadoc).
            assertThat(proxy.received).containsExactly("CONNECT " + target + " " + basic);
            assertThat(proxy.tunnelled).containsExactly(target);
            // Through the tunnel the API sees its own key and nothing of the proxy's credentials.
            assertThat(api.requests).singleElement().satisfies(request -> {
                assertThat(request.getFirst("Authorization")).isEqualTo("Bearer " + BalanceClientTest.KEY);
                assertThat(request.containsKey("Proxy-Authorization")).isFalse();
            });
            assertThat(api.tlsProtocols).hasSize(1);
        }
    }

    @Test
    @DisabledIfSystemProperty(named = PROPERTY, matches = ".*")
    void withoutThePropertyTheJdkKeepsBasicCredentialsOffTheTunnel() throws Exception {
        try (RecordingServer api = RecordingServer.https(tls.server, balance); TunnelProxy proxy = new TunnelProxy(USER, PASSWORD)) {
            BalanceClientException refused = catchThrowableOfType(BalanceClientException.class, client(api, proxy)::getBalance);
            assertThat(refused).as("the call through the proxy").isNotNull().hasMessageContaining("407");
            assertThat(proxy.received).isNotEmpty().allSatisfy(connect -> assertThat(connect).endsWith(" none"));
            assertThat(proxy.tunnelled).isEmpty();
            assertThat(api.requests).isEmpty();
        }
    }
}
