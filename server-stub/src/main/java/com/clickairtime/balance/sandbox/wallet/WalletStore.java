package com.clickairtime.balance.sandbox.wallet;

import com.clickairtime.balance.sandbox.dataset.Dataset;
import com.clickairtime.balance.server.model.BalanceSummary;
import com.clickairtime.balance.server.model.Money;
import com.clickairtime.balance.server.model.Wallet;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The in-memory store: wallets by account, read once at start-up. It is immutable after
 * construction, so concurrent requests need no locking; the totals are computed once too.
 */
@Component
public class WalletStore {

    /** The currency of every account's total, as the spec's BalanceSummary describes it. */
    private static final String USD = "USD";

    private final Map<String, Map<String, Wallet>> walletsByAccount = new LinkedHashMap<>();
    private final Map<String, BalanceSummary> summaries = new LinkedHashMap<>();

    public WalletStore(Dataset dataset) {
        dataset.accounts().forEach((account, entries) -> {
            Map<String, Wallet> wallets = new LinkedHashMap<>();
            BigDecimal usd = BigDecimal.ZERO;
            for (Dataset.WalletEntry entry : entries.wallets()) {
                wallets.put(entry.id(), toWallet(entry));
                usd = usd.add(entry.balance().multiply(dataset.usdRates().get(entry.currency())));
            }
            walletsByAccount.put(account, Map.copyOf(wallets));
            summaries.put(account, new BalanceSummary(
                    new Money(usd.setScale(minorUnits(USD), RoundingMode.HALF_EVEN), USD),
                    List.copyOf(wallets.values())));
        });
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
     * Money is written with its currency's ISO 4217 minor units (GHS 3090.00, JPY 500), whatever
     * the dataset's typing: {@code 3090.0} there is served as {@code 3090.00}. The dataset refuses
     * an amount that would need rounding.
     */
    static int minorUnits(String currency) {
        return Currency.getInstance(currency).getDefaultFractionDigits();
    }

    private static Wallet toWallet(Dataset.WalletEntry entry) {
        return new Wallet(entry.id(), entry.currency(), entry.balance().setScale(minorUnits(entry.currency())), Wallet.TypeEnum.fromValue(entry.type()),
                Wallet.StatusEnum.fromValue(entry.status()), List.copyOf(entry.allowedCountries()));
    }
}
