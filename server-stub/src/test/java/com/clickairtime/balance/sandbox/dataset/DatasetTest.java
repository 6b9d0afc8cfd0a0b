package com.clickairtime.balance.sandbox.dataset;

import com.clickairtime.balance.sandbox.SandboxTestSupport;

import org.junit.jupiter.api.Test;
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
    void amountsKeepTheirScale() {
        Dataset dataset = Dataset.read(new ClassPathResource("sandbox/dataset.yaml"), SandboxTestSupport.SPEC.apiKeyPattern());
        assertThat(dataset.accounts().get("acme").wallets().get(0).balance()).hasToString("1000.00");
    }
}
