package com.clickairtime.balance.sandbox.dataset;

import com.clickairtime.balance.server.model.Wallet;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.dataformat.yaml.YAMLMapper;
import org.springframework.core.io.Resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The sandbox's data, as read from its YAML file.
 *
 * @param usdRates USD value of one unit of each currency
 * @param accounts wallets by account name
 * @param apiKeys  the demo keys
 */
public record Dataset(Map<String, BigDecimal> usdRates, Map<String, Account> accounts, List<ApiKeyEntry> apiKeys) {

    // Floats as BigDecimal, so that 1000.00 keeps its scale on the wire.
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // An absent flag such as `revoked` means false.
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    /**
     * @param wallets      the account's wallets
     * @param fromExamples the account whose wallets are the ones the spec's examples show (and no others)
     */
    public record Account(List<WalletEntry> wallets, boolean fromExamples) {

        public Account {
            wallets = wallets == null ? List.of() : wallets;
        }

        public Account(List<WalletEntry> wallets) {
            this(wallets, false);
        }
    }

    public record WalletEntry(String id, String currency, BigDecimal balance, String type, String status,
                              List<String> allowedCountries) {
    }

    /**
     * @param note a human description, printed at start-up
     */
    public record ApiKeyEntry(String key, String account, Set<String> permissions, boolean revoked,
                              Instant expiresAt, List<String> allowedIps, String note) {
    }

    /** Reads and checks a dataset; a broken file stops the start-up with every problem listed. */
    public static Dataset read(Resource resource, Pattern keyFormat) {
        Dataset dataset;
        try (InputStream in = resource.getInputStream()) {
            dataset = YAML.readValue(in, Dataset.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sandbox dataset " + resource.getDescription(), e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("the sandbox dataset " + resource.getDescription() + " is malformed: "
                    + e.getMessage(), e);
        }
        List<String> problems = dataset.problems(keyFormat);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the sandbox dataset " + resource.getDescription() + " is inconsistent:\n  - "
                    + String.join("\n  - ", problems));
        }
        return dataset;
    }

    private static boolean knownValue(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    /** Whether the amount is one of the currency's, at its scale without rounding; an unknown currency is not. */
    private static boolean fitsMinorUnits(BigDecimal amount, String currency) {
        try {
            return amount.stripTrailingZeros().scale() <= Currency.getInstance(currency).getDefaultFractionDigits();
        } catch (IllegalArgumentException | NullPointerException unknownCurrency) {
            return false;
        }
    }

    private List<String> problems(Pattern keyFormat) {
        List<String> problems = new ArrayList<>();
        if (usdRates == null || accounts == null || apiKeys == null) {
            problems.add("usd_rates, accounts and api_keys are all required");
            return problems;
        }
        Set<String> walletIds = new HashSet<>();
        if (accounts.values().stream().filter(Account::fromExamples).count() > 1) {
            problems.add("more than one account has from_examples: the examples' wallets are one account's");
        }
        accounts.forEach((name, account) -> {
            if (account.fromExamples() && !account.wallets().isEmpty()) {
                problems.add("account " + name + ": from_examples takes its wallets from the spec's examples, so it lists none");
            }
            for (WalletEntry wallet : account.wallets()) {
                if (!walletIds.add(wallet.id())) {
                    problems.add("wallet id " + wallet.id() + " occurs twice");
                }
                if (!usdRates.containsKey(wallet.currency())) {
                    problems.add("wallet " + wallet.id() + ": no USD rate for " + wallet.currency());
                }
                if (wallet.balance() == null || wallet.allowedCountries() == null || wallet.allowedCountries().isEmpty()) {
                    problems.add("wallet " + wallet.id() + ": balance and allowed_countries are required");
                } else if (!knownValue(() -> Wallet.TypeEnum.fromValue(wallet.type()))
                        || !knownValue(() -> Wallet.StatusEnum.fromValue(wallet.status()))) {
                    problems.add("wallet " + wallet.id() + ": type " + wallet.type() + " or status " + wallet.status()
                            + " is not one the spec documents");
                } else if (!fitsMinorUnits(wallet.balance(), wallet.currency())) {
                    problems.add("wallet " + wallet.id() + ": " + wallet.balance().toPlainString() + " is no amount of "
                            + wallet.currency() + " (ISO 4217 currency with that many decimal places at most)");
                }
            }
        });
        for (ApiKeyEntry key : apiKeys) {
            String shown = key.key() == null ? "(missing)" : key.key().substring(0, Math.min(12, key.key().length())) + "…";
            if (key.key() == null || !keyFormat.matcher(key.key()).matches()) {
                problems.add("api key " + shown + " does not match the spec's key format " + keyFormat);
            }
            if (!accounts.containsKey(key.account())) {
                problems.add("api key " + shown + " names unknown account " + key.account());
            }
        }
        return problems;
    }
}
