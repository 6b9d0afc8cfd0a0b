package com.clickairtime.balance.client;

import com.clickairtime.balance.client.error.AuthenticationException;
import com.clickairtime.balance.client.error.UnexpectedResponseException;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The key never shows in toString(), exception messages or console output; where shown, it is masked. */
class KeySafetyTest {

    static final String KEY = "ce_live_SecretKeyThatMustNeverLeak000001";
    static final String SECRET_PART = "SecretKeyThatMustNeverLeak";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void theClientAndTheKeyPrintMasked() {
        BalanceClient client = BalanceClient.builder().apiKey(KEY).baseUrl(server.baseUrl()).build();
        assertThat(client.toString()).contains("ce_live_\u20260001").doesNotContain(SECRET_PART);
        assertThat(ApiKey.of(KEY).toString()).isEqualTo("ce_live_\u20260001");
    }

    @Test
    void aMalformedKeyIsRejectedWithoutRepeatingIt() {
        String almost = "ce_live_SecretKeyThatMustNeverLeak00001";
        assertThatThrownBy(() -> BalanceClient.builder().apiKey(almost))
                .isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain(SECRET_PART);
        assertThatThrownBy(() -> BalanceClient.builder().build()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void failuresNeitherThrowNorPrintTheKey() {
        server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody(SpecBodies.json(SpecBodies.named("getBalance_missing_api_key").body()))));
        BalanceClient client = BalanceClient.builder().apiKey(KEY).baseUrl(server.baseUrl())
                .retryPolicy(RetryPolicy.none()).build();
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        AuthenticationException e;
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
            e = catchThrowableOfType(AuthenticationException.class, client::getBalance);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertThat(e.getMessage()).doesNotContain(SECRET_PART);
        assertThat(e.toString()).doesNotContain(SECRET_PART);
        assertThat(printed.toString(StandardCharsets.UTF_8)).doesNotContain(SECRET_PART);
    }

    /** A key in the wrong builder call, or echoed back by a proxy's error page, comes out masked. */
    @Test
    void aKeyQuotedBackInAMessageIsMasked() {
        assertThatThrownBy(() -> BalanceClient.builder().baseUrl(KEY)).isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain(SECRET_PART);
        server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(502).withHeader("Content-Type", "text/plain")
                .withBody("upstream refused: Authorization: Bearer " + KEY)));
        BalanceClient client = BalanceClient.builder().apiKey(KEY).baseUrl(server.baseUrl())
                .retryPolicy(RetryPolicy.none()).build();
        UnexpectedResponseException e = catchThrowableOfType(UnexpectedResponseException.class, client::getBalance);
        assertThat(e.bodyExcerpt()).contains("Bearer ce_live_\u20260001").doesNotContain(SECRET_PART);
        assertThat(e.getMessage()).doesNotContain(SECRET_PART);
    }
}
