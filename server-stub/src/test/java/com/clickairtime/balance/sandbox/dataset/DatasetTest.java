package com.clickairtime.balance.sandbox.dataset;

import com.clickairtime.balance.sandbox.SandboxTestSupport;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatasetTest {

    @Test
    void aBrokenDatasetStopsTheStartWithEveryProblem() {
        assertThatThrownBy(() -> Dataset.read(new ClassPathResource("datasets/broken.yaml"), SandboxTestSupport.SPEC.apiKeyPattern()))
                .hasMessageContaining("wallet id wal_a occurs twice")
                .hasMessageContaining("wallet wal_a: no USD rate for EUR")
                .hasMessageContaining("wallet wal_b: 2.005 is no amount of USD")
                .hasMessageContaining("does not match the spec's key format")
                .hasMessageContaining("names unknown account nobody");
    }

    @Test
    void amountsKeepTheirScale() throws IOException {
        Dataset dataset = Dataset.read(new ClassPathResource("sandbox/dataset.yaml"), SandboxTestSupport.SPEC.apiKeyPattern());
        Dataset.WalletEntry wallet = dataset.accounts().values().stream().flatMap(account -> account.wallets().stream())
                .findFirst().orElseThrow();
        // The file's own text for that wallet's balance, scale and all.
        String written = new String(new ClassPathResource("sandbox/dataset.yaml").getContentAsByteArray(), StandardCharsets.UTF_8)
                .lines().dropWhile(line -> !line.contains(wallet.id())).filter(line -> line.strip().startsWith("balance:"))
                .findFirst().orElseThrow().strip().substring("balance:".length()).strip();
        assertThat(wallet.balance()).hasToString(written);
    }
}
