package com.clickairtime.balance.client;

import com.clickairtime.balance.client.network.RecordingServer;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A key supplier is read for every call; a closed client refuses calls. */
class KeyRotationAndCloseTest {

    static final String FIRST = "ce_live_RotatingKeyNumberOne000000000001";
    static final String SECOND = "ce_live_RotatingKeyNumberTwo000000000002";

    private static String balance() {
        return SpecBodies.json(SpecBodies.success("getBalance").body());
    }

    @Test
    void aRotatedKeyIsUsedFromTheNextCall() throws Exception {
        AtomicReference<String> key = new AtomicReference<>(FIRST);
        try (RecordingServer api = RecordingServer.http(200, balance(), Map.of())) {
            BalanceClient client = BalanceClient.builder().apiKey(key::get).baseUrl(api.baseUrl()).build();
            client.getBalance();
            key.set(SECOND);
            client.getBalance();
            assertThat(api.requests).extracting(h -> h.getFirst("Authorization"))
                    .containsExactly("Bearer " + FIRST, "Bearer " + SECOND);
            assertThat(client.toString()).doesNotContain("RotatingKey");
        }
    }

    @Test
    void anInvalidSuppliedKeyFailsBeforeAnyRequestWithoutRepeatingIt() throws Exception {
        try (RecordingServer api = RecordingServer.http(200, balance(), Map.of())) {
            BalanceClient client = BalanceClient.builder().apiKey(() -> "ce_live_RotatingKeyTooShort").baseUrl(api.baseUrl()).build();
            assertThatThrownBy(client::getBalance).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("API key supplier").message().doesNotContain("RotatingKeyTooShort");
            assertThatThrownBy(client::getBalanceAsync).isInstanceOf(IllegalStateException.class);
            assertThat(api.requests).isEmpty();
        }
    }

    @Test
    void aClosedClientRefusesCalls() throws Exception {
        try (RecordingServer api = RecordingServer.http(200, balance(), Map.of())) {
            BalanceClient client = BalanceClient.builder().apiKey(FIRST).baseUrl(api.baseUrl()).build();
            client.getBalance();
            client.close();
            client.close();
            assertThatThrownBy(client::getBalance).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
            assertThat(api.requests).hasSize(1);
        }
    }

    /**
     * On JDK 21+ the SDK's own HttpClient is closed (terminated), a caller's is not. The build runs on 17, so this
     * forks a JDK 21+ found next to it, and is skipped where there is none.
     */
    @Test
    void onJdk21TheSdksHttpClientIsClosedAndTheCallersIsNot() throws Exception {
        Path java = CloseCheck.jdk21OrLater();
        org.junit.jupiter.api.Assumptions.assumeTrue(java != null, "no JDK 21+ next to " + System.getProperty("java.home"));
        Process check = new ProcessBuilder(java.toString(), "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                CloseCheck.class.getName()).redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes());
        assertThat(check.waitFor()).as(output).isZero();
        assertThat(output).contains("sdk client terminated: true").contains("caller's client terminated: false");
    }
}
