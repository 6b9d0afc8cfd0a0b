package com.clickairtime.balance.sandbox.wallet;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatasetTest {

    @Test
    void aBrokenDatasetStopsTheStartWithEveryProblem() {
        assertThatThrownBy(() -> Dataset.read(new ClassPathResource("datasets/broken.yaml")))
                .hasMessageContaining("wallet id wal_a occurs twice")
                .hasMessageContaining("wallet wal_a: no USD rate for EUR")
                .hasMessageContaining("is not ce_live_ + 32 alphanumerics")
                .hasMessageContaining("names unknown account nobody");
    }

    @Test
    void amountsKeepTheirScale() {
        Dataset dataset = Dataset.read(new ClassPathResource("sandbox/dataset.yaml"));
        assertThat(dataset.accounts().get("acme").wallets().get(0).balance()).hasToString("1000.00");
    }
}
