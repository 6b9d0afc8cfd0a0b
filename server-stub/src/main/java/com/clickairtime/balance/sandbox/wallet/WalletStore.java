package com.clickairtime.balance.sandbox.wallet;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.clickairtime.balance.sandbox.dataset.Dataset;
import com.clickairtime.balance.server.model.BalanceSummary;
import com.clickairtime.balance.server.model.Money;
import com.clickairtime.balance.server.model.Wallet;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The in-memory store: wallets by account, read once at start-up. It is immutable after
 * construction, so concurrent requests need no locking; the totals are computed once too.
 *
 * <p>The account the dataset marks {@code from_examples} holds exactly the wallets the spec's
 * examples show, with their values and the total they show, so that the sandbox and its
 * documentation cannot drift apart: an example changed is what the sandbox serves next.
 */
@Component
public class WalletStore {

    /** The currency of every account's total, as the spec's BalanceSummary describes it. */
    private static final String USD = "USD";

    /** Reads example values into the generated models, decimals with the scale written. */
    private static final JsonMapper MODELS = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final Map<String, Map<String, Wallet>> walletsByAccount = new LinkedHashMap<>();
    private final Map<String, BalanceSummary> summaries = new LinkedHashMap<>();

    /**
     * @param wire the mapper the sandbox answers with: a wallet the examples show must come out of
     *             it as the examples write it, or the start stops naming the example and the field
     */
    public WalletStore(Dataset dataset, BalanceSpec spec, JsonMapper wire) {
        ExampleWallets examples = dataset.accounts().values().stream().anyMatch(Dataset.Account::fromExamples)
                ? ExampleWallets.of(spec) : null;
        dataset.accounts().forEach((account, entries) -> {
            Map<String, Wallet> wallets = new LinkedHashMap<>();
            if (entries.fromExamples()) {
                examples.wallets().forEach((id, shown) -> wallets.put(id, served(shown, wire)));
            } else {
                for (Dataset.WalletEntry entry : entries.wallets()) {
                    wallets.put(entry.id(), toWallet(entry));
                }
            }
            walletsByAccount.put(account, Map.copyOf(wallets));
            Money total = entries.fromExamples() ? documentedTotal(examples, wallets) : null;
            summaries.put(account, new BalanceSummary().availableBalance(total != null ? total : usdTotal(dataset, account, wallets))
                    .wallets(List.copyOf(wallets.values())));
        });
        if (examples != null) {
            dataset.accounts().forEach((account, entries) -> {
                for (Dataset.WalletEntry entry : entries.fromExamples() ? List.<Dataset.WalletEntry>of() : entries.wallets()) {
                    if (examples.wallets().containsKey(entry.id())) {
                        throw new IllegalStateException("wallet " + entry.id() + " is in the dataset under account " + account
                                + " and in balance.yaml's " + examples.wallets().get(entry.id()).where()
                                + ", which are the from_examples account's wallets; remove it from the dataset");
                    }
                }
            });
        }
    }

    /** The account's total and wallets. */
    public BalanceSummary summary(String account) {
        return summaries.get(account);
    }

    /** The wallet, if it exists and belongs to this account; another account's wallet is absent alike. */
    public Optional<Wallet> wallet(String account, String walletId) {
        return Optional.ofNullable(walletsByAccount.getOrDefault(account, Map.of()).get(walletId));
    }

    /**
     * The total an example shows for exactly these wallets; none if no example shows them all.
     * Two that show different totals for the same wallets stop the start.
     */
    private static Money documentedTotal(ExampleWallets examples, Map<String, Wallet> wallets) {
        ExampleWallets.Shown documented = null;
        for (ExampleWallets.Shown summary : examples.summaries()) {
            List<String> ids = new ArrayList<>();
            summary.value().path("wallets").forEach(wallet -> ids.add(wallet.path("id").asText()));
            if (!ids.equals(List.copyOf(wallets.keySet()))) {
                continue;
            }
            if (documented != null && !documented.value().path("available_balance")
                    .equals(summary.value().path("available_balance"))) {
                throw new IllegalStateException("balance.yaml's examples disagree, so the sandbox cannot serve both:\n  - "
                        + "the total of wallets " + ids + ": " + ExampleWallets.difference(documented, summary));
            }
            documented = summary;
        }
        return documented == null ? null : model(documented.value().path("available_balance"), Money.class);
    }

    /** The USD sum of the wallets at the dataset's rates, rounded half-even to USD's places. */
    private static Money usdTotal(Dataset dataset, String account, Map<String, Wallet> wallets) {
        BigDecimal usd = BigDecimal.ZERO;
        for (Wallet wallet : wallets.values()) {
            BigDecimal rate = dataset.usdRates().get(wallet.getCurrency());
            if (rate == null) {
                throw new IllegalStateException("account " + account + ", wallet " + wallet.getId() + ": the dataset has no"
                        + " USD rate for " + wallet.getCurrency() + " (usd_rates)");
            }
            usd = usd.add(wallet.getBalance().multiply(rate));
        }
        return new Money().amount(usd.setScale(minorUnits(USD), RoundingMode.HALF_EVEN)).currency(USD);
    }

    private static <T> T model(JsonNode value, Class<T> type) {
        try {
            return MODELS.readValue(BalanceSpec.EXACT_JSON.writeValueAsString(value), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Money is written with its currency's ISO 4217 minor units (GHS 3090.00, JPY 500), whatever
     * the dataset's typing: {@code 3090.0} there is served as {@code 3090.00}. The dataset refuses
     * an amount that would need rounding.
     */
    static int minorUnits(String currency) {
        return Currency.getInstance(currency).getDefaultFractionDigits();
    }

    private static Wallet toWallet(Dataset.WalletEntry entry) {
        return Dataset.model(entry).balance(entry.balance().setScale(minorUnits(entry.currency())));
    }

    /**
     * A wallet an example shows, as the sandbox will serve it. What the wire format would write
     * otherwise (a timestamp without its milliseconds, say) cannot be served as documented, so it
     * stops the start with the example, the field and both writings.
     */
    private static Wallet served(ExampleWallets.Shown shown, JsonMapper wire) {
        Wallet wallet = model(shown.value(), Wallet.class);
        JsonNode written;
        try {
            written = BalanceSpec.EXACT_JSON.readTree(wire.writeValueAsString(wallet));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!written.equals(shown.value())) {
            throw new IllegalStateException("balance.yaml's " + shown.where() + " cannot be served as written: "
                    + ExampleWallets.difference(shown.value(), "the example", written, "the sandbox's wire format")
                    + ". Write the example as the API writes it (timestamps with milliseconds, money at its currency's scale).");
        }
        return wallet;
    }
}
