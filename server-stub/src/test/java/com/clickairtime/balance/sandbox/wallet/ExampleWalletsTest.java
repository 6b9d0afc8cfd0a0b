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
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 15's drift journey: the wallets the examples show are the sandbox's data, so an
 * example changed is served with no other edit, and examples that disagree stop the start
 * with one message naming both and both values. Every example, wallet and value is found in the
 * live spec by its role (the account's list, a one-wallet example of a wallet in it), never by
 * its name, so that any honest version of the spec runs these tests.
 */
class ExampleWalletsTest {

    /** The account the dataset gives the examples' wallets to. */
    private static final String EXAMPLES_ACCOUNT = SandboxTestSupport.DATASET.accounts().entrySet().stream()
            .filter(account -> account.getValue().fromExamples()).map(Map.Entry::getKey).findFirst().orElseThrow();

    private static final BalanceSpec SPEC = SandboxTestSupport.SPEC;

    /** The account's list: a success case with no parameters whose data holds wallets. */
    private static final ExampleCase LIST = SPEC.cases().stream().filter(c -> c.status() / 100 == 2 && c.pathParameters().isEmpty()
            && c.queryParameters().isEmpty() && c.headerParameters().isEmpty() && c.body().at("/data/wallets").isArray())
            .findFirst().orElseThrow();

    /** A one-wallet case of a wallet that the list shows too. */
    private static final ExampleCase ONE = SPEC.cases().stream().filter(c -> c.status() / 100 == 2 && !c.pathParameters().isEmpty()
            && c.body().at("/data/id").isTextual() && listed(c.body().at("/data/id").asText())).findFirst().orElseThrow();

    private static final String WALLET = ONE.body().at("/data/id").asText();

    @Test
    void theExamplesAccountServesExactlyWhatTheExamplesShow() {
        WalletStore store = new WalletStore(SandboxTestSupport.DATASET, SPEC, SandboxTestSupport.WIRE);
        assertServesTheExamples(store, SPEC);
    }

    @Test
    void aBalanceChangedInTheExamplesIsServedWithNoOtherEdit() {
        String changed = changedAmount(balance());
        BalanceSpec spec = SpecFixtures.edited(tree -> everyShowing(tree, WALLET).forEach(wallet ->
                wallet.put("balance", new BigDecimal(changed))));
        WalletStore store = new WalletStore(SandboxTestSupport.DATASET, spec, SandboxTestSupport.WIRE);
        assertThat(store.wallet(EXAMPLES_ACCOUNT, WALLET).orElseThrow().getBalance()).hasToString(changed);
        assertServesTheExamples(store, spec);
    }

    @Test
    void examplesThatDisagreeStopTheStartNamingBothAndBothValues() {
        String documented = balance();
        String changed = changedAmount(documented);
        // Only the one-wallet example changes; the list still shows the old balance.
        BalanceSpec spec = SpecFixtures.edited(tree -> each(tree, ONE.body(), body -> ((ObjectNode) body.get("data"))
                .put("balance", new BigDecimal(changed))));
        assertThatThrownBy(() -> new WalletStore(SandboxTestSupport.DATASET, spec, SandboxTestSupport.WIRE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("wallet " + WALLET + ": balance is ")
                .hasMessageContaining(documented + " in example " + where(LIST) + " at /data/wallets/")
                .hasMessageContaining(changed + " in example " + where(ONE) + " at /data")
                .hasMessageNotContaining("Exception");
    }

    @Test
    void aDatasetWalletThatAnExampleShowsIsRefused() {
        Map<String, Dataset.Account> accounts = new LinkedHashMap<>(SandboxTestSupport.DATASET.accounts());
        // What the store computes with; the dataset's own check of the rest is DatasetTest's.
        accounts.put("copycat", new Dataset.Account(List.of(new Dataset.WalletEntry(Map.of("id", WALLET,
                "currency", ONE.body().at("/data/currency").asText(), "balance", BigDecimal.ONE)))));
        Dataset dataset = new Dataset(SandboxTestSupport.DATASET.usdRates(), accounts, SandboxTestSupport.DATASET.apiKeys());
        assertThatThrownBy(() -> new WalletStore(dataset, SPEC, SandboxTestSupport.WIRE))
                .hasMessageContaining("wallet " + WALLET + " is in the dataset under account copycat")
                .hasMessageContaining("example " + where(LIST) + " at /data/wallets/");
    }

    @Test
    void aWalletMissingFromTheAccountsListStopsTheStartNamingBothExamples() {
        // The list loses a wallet that a one-wallet example still shows: its total would be recomputed.
        BalanceSpec spec = SpecFixtures.edited(tree -> each(tree, LIST.body(), body -> {
            ArrayNode list = (ArrayNode) body.at("/data/wallets");
            for (int i = list.size() - 1; i >= 0; i--) {
                if (WALLET.equals(list.get(i).path("id").asText())) {
                    list.remove(i);
                }
            }
        }));
        assertThatThrownBy(() -> new WalletStore(SandboxTestSupport.DATASET, spec, SandboxTestSupport.WIRE))
                .isInstanceOf(IllegalStateException.class)
                // Named where the examples first show it: the one-wallet example, or a filtered list before it.
                .hasMessageContaining("wallet " + WALLET + " is shown in example ")
                .hasMessageContaining("but missing from the account's wallets in example " + where(LIST) + " at /data/wallets")
                .hasMessageNotContaining("Exception");
    }

    @Test
    void theListIsServedInTheDocumentedOrderWhereverAWalletIsShownFirst() {
        // The one-wallet operation's path moved before the list's: its wallet is seen first.
        BalanceSpec spec = SpecFixtures.edited(tree -> {
            ObjectNode paths = (ObjectNode) tree.get("paths");
            String onePath = ONE.pathTemplate();
            JsonNode one = paths.remove(onePath);
            ObjectNode reordered = paths.objectNode();
            reordered.set(onePath, one);
            reordered.setAll(paths);
            paths.removeAll();
            paths.setAll(reordered);
        });
        WalletStore store = new WalletStore(SandboxTestSupport.DATASET, spec, SandboxTestSupport.WIRE);
        assertThat(SandboxTestSupport.exact(SandboxTestSupport.WIRE.writeValueAsString(store.summary(EXAMPLES_ACCOUNT))).toString())
                .isEqualTo(LIST.body().get("data").toString());
    }

    @Test
    void aWalletTheWireFormatWouldWriteOtherwiseStopsTheStartNamingTheExample() {
        // A field the sandbox's model does not have (as a timestamp without milliseconds is one it writes otherwise).
        String field = unlistedProperty();
        BalanceSpec spec = SpecFixtures.edited(tree -> everyShowing(tree, WALLET).forEach(wallet -> wallet.put(field, "Accra")));
        assertThatThrownBy(() -> new WalletStore(SandboxTestSupport.DATASET, spec, SandboxTestSupport.WIRE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("example " + where(LIST) + " at /data/wallets/")
                .hasMessageContaining("cannot be served as written: " + field + " is \"Accra\" in the example but absent in the sandbox's wire format");
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

    private static boolean listed(String id) {
        for (JsonNode wallet : LIST.body().at("/data/wallets")) {
            if (id.equals(wallet.path("id").asText())) {
                return true;
            }
        }
        return false;
    }

    /** How the sandbox's messages name a case's example: its operation and its name. */
    private static String where(ExampleCase example) {
        return example.operationId() + " " + example.name();
    }

    private static String balance() {
        return ONE.body().at("/data/balance").decimalValue().toPlainString();
    }

    /** Another amount of the same scale. */
    private static String changedAmount(String amount) {
        return new BigDecimal(amount).add(BigDecimal.TEN).toPlainString();
    }

    /** A property name the spec's Wallet does not have. */
    private static String unlistedProperty() {
        JsonNode properties = SPEC.raw().at("/components/schemas/Wallet/properties");
        String name = "unlisted";
        while (properties.has(name)) {
            name += "_";
        }
        return name;
    }

    /** Every object in the document equal to this example body, wherever it is written (a named example, or inline). */
    private static void each(JsonNode tree, JsonNode body, Consumer<ObjectNode> edit) {
        List<ObjectNode> found = new ArrayList<>();
        collect(tree, node -> node.equals(body), found);
        assertThat(found).as("the example body in the document").isNotEmpty();
        found.forEach(edit);
    }

    /** Every object in the document that shows this wallet's balance: any example, wherever it is written. */
    private static List<ObjectNode> everyShowing(JsonNode tree, String id) {
        List<ObjectNode> wallets = new ArrayList<>();
        collect(tree, node -> id.equals(node.path("id").asText()) && node.has("balance"), wallets);
        return wallets;
    }

    private static void collect(JsonNode tree, java.util.function.Predicate<JsonNode> match, List<ObjectNode> found) {
        if (tree instanceof ObjectNode object && match.test(object)) {
            found.add(object);
        }
        tree.forEach(child -> collect(child, match, found));
    }
}
