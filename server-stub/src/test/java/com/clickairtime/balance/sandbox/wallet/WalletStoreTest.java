package com.clickairtime.balance.sandbox.wallet;

import com.clickairtime.balance.sandbox.SandboxTestSupport;
import com.clickairtime.balance.sandbox.dataset.Dataset;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Money keeps its currency's scale (ISO 4217 minor units), not the dataset's typing. */
class WalletStoreTest {

    @Test
    void amountsAreWrittenWithTheirCurrencysMinorUnits() {
        Dataset dataset = new Dataset(Map.of("GHS", new BigDecimal("0.1"), "JPY", new BigDecimal("0.01")),
                Map.of("acme", new Dataset.Account(List.of(
                        wallet("wal_ghs", "GHS", "3090.0"), wallet("wal_jpy", "JPY", "500.00")))), List.of());
        WalletStore store = new WalletStore(dataset, SandboxTestSupport.SPEC, SandboxTestSupport.WIRE);
        assertThat(store.wallet("acme", "wal_ghs").orElseThrow().getBalance()).hasToString("3090.00");
        assertThat(store.wallet("acme", "wal_jpy").orElseThrow().getBalance()).hasToString("500");
        // 3090 x 0.1 + 500 x 0.01 = 314, in USD's two places.
        assertThat(store.summary("acme").getAvailableBalance().getAmount()).hasToString("314.00");
    }

    private static Dataset.WalletEntry wallet(String id, String currency, String balance) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", id);
        fields.put("currency", currency);
        fields.put("balance", new BigDecimal(balance));
        fields.put("type", "local");
        fields.put("status", "active");
        fields.put("allowed_countries", List.of("Somewhere"));
        return new Dataset.WalletEntry(fields);
    }
}
