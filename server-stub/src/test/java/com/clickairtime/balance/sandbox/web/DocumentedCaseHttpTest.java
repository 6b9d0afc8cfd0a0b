package com.clickairtime.balance.sandbox.web;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.clickairtime.balance.openapi.ExampleCase;
import com.clickairtime.balance.sandbox.SandboxTestSupport;
import com.clickairtime.balance.sandbox.SpecFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static com.clickairtime.balance.sandbox.SandboxTestSupport.ACME;
import static com.clickairtime.balance.sandbox.SandboxTestSupport.GLOBEX;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 24, on the real Tomcat: a documented error case that the hand-written handler knows
 * nothing of (a locked wallet, with a code no Java names) is answered as documented, status,
 * headers and body, to the account the case belongs to; another account's key gets the code's
 * answer for an id that is not its own. The case comes from the fixture locked-wallet.yaml
 * ({@link SpecFixtures#withLockedWallet}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(DocumentedCaseHttpTest.Fixture.class)
class DocumentedCaseHttpTest {

    static final BalanceSpec SPEC = SpecFixtures.withLockedWallet();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TestConfiguration(proxyBeanMethods = false)
    static class Fixture {

        @Bean
        @Primary
        BalanceSpec fixtureSpec() {
            return SPEC;
        }
    }

    @LocalServerPort
    int port;

    @Test
    void aDocumentedCaseTheCodeKnowsNothingOfIsAnsweredAsDocumented() throws Exception {
        // The operation with a hand-written handler: the one the spec had before the case.
        ExampleCase locked = SPEC.cases().stream().filter(c -> c.status() == 423
                && SandboxTestSupport.SPEC.cases().stream().anyMatch(old -> old.operationId().equals(c.operationId()))).findFirst().orElseThrow();
        HttpResponse<String> response = get(locked.path(), ACME);
        assertThat(response.statusCode()).isEqualTo(locked.status());
        assertThat(response.headers().firstValue("Content-Type")).contains(locked.mediaType());
        locked.requiredHeaders().keySet().forEach(header -> assertThat(response.headers().firstValue(header)).as(header).isPresent());
        assertThat(SandboxTestSupport.withoutMeta(response.body())).isEqualTo(SandboxTestSupport.withoutMeta(locked.body().toString()));
        assertThat(SandboxTestSupport.exact(response.body()).at("/meta/request_id").asText()).matches(SandboxTestSupport.REQUEST_ID);
    }

    @Test
    void anotherAccountGetsWhatAnIdThatIsNotItsOwnGets() throws Exception {
        ExampleCase locked = SPEC.cases().stream().filter(c -> c.status() == 423).findFirst().orElseThrow();
        ExampleCase unknown = SPEC.cases().stream().filter(c -> c.operationId().equals(locked.operationId())
                && c.status() == 404 && !c.anyValueOf().isEmpty()).findFirst().orElseThrow();
        HttpResponse<String> other = get(locked.path(), GLOBEX);
        assertThat(other.statusCode()).isEqualTo(unknown.status());
        assertThat(SandboxTestSupport.withoutMeta(other.body())).isEqualTo(SandboxTestSupport.withoutMeta(unknown.body().toString()));
    }

    @Test
    void aWalletIdIsCountedInCharactersAsJsonSchemaCountsThem() throws Exception {
        ExampleCase unknown = SPEC.cases().stream().filter(c -> c.status() == 404 && !c.anyValueOf().isEmpty()
                && !c.pathParameters().isEmpty()).findFirst().orElseThrow();
        String parameter = unknown.pathParameters().keySet().iterator().next();
        int bound = SPEC.deref(SPEC.deref(SPEC.raw().at("/components/parameters/WalletId")).path("schema")).path("maxLength").asInt();
        assertThat(bound).isPositive();
        // Each emoji is one character and two UTF-16 units: the bound in characters is within the schema.
        String emoji = "\uD83D\uDE00";
        HttpResponse<String> within = get(unknown.requestTarget(java.util.Map.of(parameter, emoji.repeat(bound)), java.util.Map.of()), ACME);
        assertThat(within.statusCode()).isEqualTo(unknown.status());
        HttpResponse<String> over = get(unknown.requestTarget(java.util.Map.of(parameter, emoji.repeat(bound + 1)), java.util.Map.of()), ACME);
        assertThat(over.statusCode()).isEqualTo(400);
        assertThat(SandboxTestSupport.exact(over.body()).at("/error/details/parameter").asText()).isEqualTo(parameter);
    }

    private HttpResponse<String> get(String target, String key) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + target))
                .header("Authorization", SandboxTestSupport.bearer(key)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
