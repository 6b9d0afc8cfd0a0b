package com.clickairtime.balance.sandbox.wallet;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.clickairtime.balance.openapi.ExampleCase;
import com.clickairtime.balance.sandbox.SandboxTestSupport;
import com.clickairtime.balance.sandbox.SpecFixtures;
import com.clickairtime.balance.sandbox.dataset.Dataset;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 15's drift journey: the wallets the examples show are the sandbox's data, so an
 * example changed is served with no other edit, and examples that disagree stop the start
 * with one message naming both and both values. What names an example or a wallet is tested on
 * the frozen copy of the spec ({@link SpecFixtures#FROZEN}); the live spec is only served.
 */
class ExampleWalletsTest {

    /** The account the dataset gives the examples' wallets to. */
    private static final String EXAMPLES_ACCOUNT = SandboxTestSupport.DATASET.accounts().entrySet().stream()
            .filter(account -> account.getValue().fromExamples()).map(Map.Entry::getKey).findFirst().orElseThrow();

    @Test
    void theExamplesAccountServesExactlyWhatTheExamplesShow() {
        WalletStore store = new WalletStore(SandboxTestSupport.DATASET, SandboxTestSupport.SPEC, SandboxTestSupport.WIRE);
        assertServesTheExamples(store, SandboxTestSupport.SPEC);
    }

    @Test
    void aBalanceChangedInTheExamplesIsServedWithNoOtherEdit() {
        String changed = changedAmount(ghsBalance(SpecFixtures.FROZEN));
        BalanceSpec spec = SpecFixtures.frozenEdited(tree -> everyGhsWallet(tree).forEach(wallet ->
                wallet.put("balance", new BigDecimal(changed))));
        WalletStore store = new WalletStore(SandboxTestSupport.DATASET, spec, SandboxTestSupport.WIRE);
        assertThat(store.wallet(EXAMPLES_ACCOUNT, "wal_ghs_001").orElseThrow().getBalance()).hasToString(changed);
        assertServesTheExamples(store, spec);
    }

    @Test
    void examplesThatDisagreeStopTheStartNamingBothAndBothValues() {
        String documented = ghsBalance(SpecFixtures.FROZEN);
        String changed = changedAmount(documented);
        // Only the one-wallet example changes; the list still shows the old balance.
        BalanceSpec spec = SpecFixtures.frozenEdited(tree -> ((ObjectNode) tree.at("/components/examples/GhsWallet/value/data"))
                .put("balance", new BigDecimal(changed)));
        assertThatThrownBy(() -> new WalletStore(SandboxTestSupport.DATASET, spec, SandboxTestSupport.WIRE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("wallet wal_ghs_001: balance is " + documented + " in example getBalance acme_balance at /data/wallets/")
                .hasMessageContaining("but " + changed + " in example getWalletBalance ghs_wallet at /data")
                .hasMessageNotContaining("Exception");
    }

    @Test
    void aDatasetWalletThatAnExampleShowsIsRefused() {
        Map<String, Dataset.Account> accounts = new LinkedHashMap<>(SandboxTestSupport.DATASET.accounts());
        // What the store computes with; the dataset's own check of the rest is DatasetTest's.
        accounts.put("copycat", new Dataset.Account(List.of(new Dataset.WalletEntry(Map.of("id", "wal_ghs_001", "currency", "GHS",
                "balance", BigDecimal.ONE)))));
        Dataset dataset = new Dataset(SandboxTestSupport.DATASET.usdRates(), accounts, SandboxTestSupport.DATASET.apiKeys());
        assertThatThrownBy(() -> new WalletStore(dataset, SpecFixtures.FROZEN, SandboxTestSupport.WIRE))
                .hasMessageContaining("wallet wal_ghs_001 is in the dataset under account copycat")
                .hasMessageContaining("example getBalance acme_balance at /data/wallets/");
    }

    @Test
    void aWalletMissingFromTheAccountsListStopsTheStartNamingBothExamples() {
        // The list loses the GHS wallet that the one-wallet example still shows: its total would be recomputed.
        BalanceSpec spec = SpecFixtures.frozenEdited(tree -> {
            ArrayNode list = (ArrayNode) tree.at("/components/examples/AcmeBalance/value/data/wallets");
            for (int i = list.size() - 1; i >= 0; i--) {
                if ("wal_ghs_001".equals(list.get(i).path("id").asText())) {
                    list.remove(i);
                }
            }
        });
        assertThatThrownBy(() -> new WalletStore(SandboxTestSupport.DATASET, spec, SandboxTestSupport.WIRE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("wallet wal_ghs_001 is shown in example getWalletBalance ghs_wallet at /data")
                .hasMessageContaining("but missing from the account's wallets in example getBalance acme_balance at /data/wallets")
                .hasMessageNotContaining("Exception");
    }

    @Test
    void theListIsServedInTheDocumentedOrderWhereverAWalletIsShownFirst() {
        // The one-wallet operation's path sorts before the list's: its wallet is seen first.
        BalanceSpec spec = SpecFixtures.frozenEdited(tree -> {
            ObjectNode paths = (ObjectNode) tree.get("paths");
            ObjectNode one = (ObjectNode) paths.remove("/v2/balance/{wallet_id}");
            ObjectNode reordered = paths.objectNode();
            reordered.set("/v2/balance/{wallet_id}", one);
            reordered.setAll(paths);
            paths.removeAll();
            paths.setAll(reordered);
        });
        WalletStore store = new WalletStore(SandboxTestSupport.DATASET, spec, SandboxTestSupport.WIRE);
        assertThat(SandboxTestSupport.exact(SandboxTestSupport.WIRE.writeValueAsString(store.summary(EXAMPLES_ACCOUNT))).toString())
                .isEqualTo(spec.raw().at("/components/examples/AcmeBalance/value/data").toString());
    }

    @Test
    void aWalletTheWireFormatWouldWriteOtherwiseStopsTheStartNamingTheExample() {
        // A field the sandbox's model does not have (as a timestamp without milliseconds is one it writes otherwise).
        BalanceSpec spec = SpecFixtures.frozenEdited(tree -> everyGhsWallet(tree).forEach(wallet -> wallet.put("nickname", "Accra")));
        assertThatThrownBy(() -> new WalletStore(SandboxTestSupport.DATASET, spec, SandboxTestSupport.WIRE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("example getBalance acme_balance at /data/wallets/")
                .hasMessageContaining("cannot be served as written: nickname is \"Accra\" in the example but absent in the sandbox's wire format");
    }

    /** Each success example's data, as the store would serve it to the examples' account. */
    private static void assertServesTheExamples(WalletStore store, BalanceSpec spec) {
        int checked = 0;
        for (ExampleCase example : spec.cases()) {
            String data = spec.deref(example.bodySchema()).at("/properties/data/$ref").asText();
            // A request with query or header values asks for a view of the data (a filter, say); the
            // verifier checks those answers against their examples (SandboxProviderTest).
            if (example.status() != 200 || !(data.endsWith("/Wallet") || data.endsWith("/BalanceSummary"))
                    || !example.queryParameters().isEmpty() || !example.headerParameters().isEmpty()) {
                continue;
            }
            Object served = example.pathParameters().isEmpty() ? store.summary(EXAMPLES_ACCOUNT)
                    : store.wallet(EXAMPLES_ACCOUNT, example.pathParameters().values().iterator().next()).orElseThrow();
            assertThat(SandboxTestSupport.exact(SandboxTestSupport.WIRE.writeValueAsString(served)).toString()).as(example.contractName())
                    .isEqualTo(example.body().get("data").toString());
            checked++;
        }
        assertThat(checked).isPositive();
    }

    private static String ghsBalance(BalanceSpec spec) {
        return spec.raw().at("/components/examples/GhsWallet/value/data/balance").decimalValue().toPlainString();
    }

    /** Another amount of the same scale. */
    private static String changedAmount(String amount) {
        return new BigDecimal(amount).add(BigDecimal.TEN).toPlainString();
    }

    /** Every object in the document that shows the GHS wallet's balance: any example, wherever it is written. */
    private static List<ObjectNode> everyGhsWallet(JsonNode tree) {
        List<ObjectNode> wallets = new ArrayList<>();
        if (tree instanceof ObjectNode object && "wal_ghs_001".equals(object.path("id").asText()) && object.has("balance")) {
            wallets.add(object);
        }
        tree.forEach(child -> wallets.addAll(everyGhsWallet(child)));
        return wallets;
    }
}
