package com.clickairtime.balance.sandbox.dataset;

import com.clickairtime.balance.sandbox.net.IpRange;
import com.clickairtime.balance.server.model.Wallet;
import com.clickairtime.balance.server.model.WalletStatus;
import com.clickairtime.balance.server.model.WalletType;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Configuration;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.metadata.PropertyDescriptor;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.dataformat.yaml.YAMLMapper;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.springframework.core.io.Resource;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
            // A typo (allowed_ip for allowed_ips) must not silently drop what it meant to set.
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    /**
     * The largest number of digits a dataset number may have before its decimal point, and after
     * it. Far beyond any balance or rate, and small enough that every sum, product and message
     * made from such numbers stays small: {@code 1e999999999} is a valid YAML number whose plain
     * form is a billion digits long, which ran the sandbox out of memory, or made the wallets'
     * totals overflow.
     */
    static final int MAX_DIGITS = 18;

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

    /**
     * Reads and checks a dataset strictly: an unknown field (a typo such as {@code allowed_ip}), a
     * missing one, a malformed address, a duplicate or a negative amount or rate stops the start
     * with one {@link DatasetException} that names the file, and for each problem the entry and
     * the field.
     */
    public static Dataset read(Resource resource, Pattern keyFormat) {
        String file = resource.getDescription();
        refuseAliases(resource, file);
        Dataset dataset;
        try (InputStream in = resource.getInputStream()) {
            dataset = YAML.readValue(in, Dataset.class);
        } catch (IOException e) {
            throw new DatasetException("the sandbox dataset " + file + " cannot be read: " + e.getMessage());
        } catch (JacksonException e) {
            throw new DatasetException("the sandbox dataset " + file + " is malformed:\n  - " + describe(e));
        }
        if (dataset == null) {
            throw new DatasetException("the sandbox dataset " + file + " is empty");
        }
        List<String> problems = dataset.problems(keyFormat);
        if (!problems.isEmpty()) {
            throw new DatasetException("the sandbox dataset " + file + " is inconsistent:\n  - " + String.join("\n  - ", problems));
        }
        return dataset;
    }

    /**
     * A YAML alias ({@code *name}) would be read as the text of its name, not as the value it
     * refers to: Jackson resolves aliases only for its own object ids. The dataset is read without
     * them, like every other construct it does not support, instead of a value silently wrong.
     */
    private static void refuseAliases(Resource resource, String file) {
        List<String> aliases = new ArrayList<>();
        try (InputStream in = resource.getInputStream()) {
            for (Event event : new Parse(LoadSettings.builder().build()).parseInputStream(in)) {
                if (event instanceof AliasEvent) {
                    aliases.add(event.getStartMark().map(mark -> "(line " + (mark.getLine() + 1) + ") ").orElse("")
                            + "a YAML alias; the dataset takes no anchors and aliases: write the value out");
                }
            }
        } catch (IOException e) {
            throw new DatasetException("the sandbox dataset " + file + " cannot be read: " + e.getMessage());
        } catch (YamlEngineException notYaml) {
            // Reported with its place by the reading proper.
            return;
        }
        if (!aliases.isEmpty()) {
            throw new DatasetException("the sandbox dataset " + file + " is malformed:\n  - " + String.join("\n  - ", aliases));
        }
    }

    /** Where in the file, and what: the entry's path and field, never Jackson's stack or the value's class. */
    private static String describe(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        String where = (path.isEmpty() ? "" : path + ": ")
                + (e.getLocation() == null || e.getLocation().getLineNr() < 1 ? "" : "(line " + e.getLocation().getLineNr() + ") ");
        if (e instanceof UnrecognizedPropertyException unknown) {
            return where + "unknown field '" + unknown.getPropertyName() + "'";
        }
        // Jackson's own text may quote the value, and a value may be a key: say what is wrong, not what was there.
        return where + (e instanceof MismatchedInputException ? "a value of the wrong type or shape" : "not valid YAML");
    }

    private static final String OUT_OF_RANGE = "out of range: at most " + MAX_DIGITS + " digits before the decimal point and "
            + MAX_DIGITS + " after it";

    /** Checked before anything else computes with the number or prints it; never by printing it. */
    static boolean inRange(BigDecimal number) {
        BigDecimal stripped = number.signum() == 0 ? BigDecimal.ZERO : number.stripTrailingZeros();
        long integerDigits = (long) stripped.precision() - stripped.scale();
        return integerDigits <= MAX_DIGITS && stripped.scale() <= MAX_DIGITS;
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
            problems.add("usd_rates, accounts and api_keys: all three are required");
            return problems;
        }
        usdRates.forEach((currency, rate) -> {
            if (rate != null && !inRange(rate)) {
                problems.add("usd_rates." + currency + ": " + OUT_OF_RANGE);
            } else if (rate == null || rate.signum() <= 0) {
                problems.add("usd_rates." + currency + ": " + rate + " is not a positive rate");
            }
        });
        if (accounts.values().stream().filter(Account::fromExamples).count() > 1) {
            problems.add("accounts: more than one has from_examples; the examples' wallets are one account's");
        }
        Map<String, String> walletIds = new HashMap<>();
        accounts.forEach((name, account) -> {
            if (account == null) {
                problems.add("accounts." + name + ": empty; give it wallets or from_examples: true");
                return;
            }
            if (account.fromExamples() && !account.wallets().isEmpty()) {
                problems.add("accounts." + name + ".wallets: from_examples takes the wallets from the spec's examples, so it lists none");
            }
            for (int i = 0; i < account.wallets().size(); i++) {
                walletProblems("accounts." + name + ".wallets[" + i + "]", account.wallets().get(i), walletIds, problems);
            }
        });
        Map<String, String> keys = new HashMap<>();
        for (int i = 0; i < apiKeys.size(); i++) {
            keyProblems("api_keys[" + i + "]", apiKeys.get(i), keyFormat, keys, problems);
        }
        return problems;
    }

    private void walletProblems(String entry, WalletEntry wallet, Map<String, String> walletIds, List<String> problems) {
        if (wallet == null) {
            problems.add(entry + ": empty");
            return;
        }
        if (wallet.id() == null || wallet.id().isBlank()) {
            problems.add(entry + ".id: missing");
        } else if (walletIds.putIfAbsent(wallet.id(), entry) != null) {
            problems.add(entry + ".id: " + wallet.id() + " is already the id of " + walletIds.get(wallet.id()));
        }
        if (wallet.currency() == null) {
            problems.add(entry + ".currency: missing");
        } else if (!usdRates.containsKey(wallet.currency())) {
            problems.add(entry + ".currency: no USD rate for " + wallet.currency() + " in usd_rates");
        }
        if (wallet.balance() == null) {
            problems.add(entry + ".balance: missing");
        } else if (!inRange(wallet.balance())) {
            problems.add(entry + ".balance: " + OUT_OF_RANGE);
        } else if (wallet.balance().signum() < 0) {
            problems.add(entry + ".balance: " + wallet.balance().toPlainString() + " is negative");
        } else if (wallet.currency() != null && !fitsMinorUnits(wallet.balance(), wallet.currency())) {
            problems.add(entry + ".balance: " + wallet.balance().toPlainString() + " is no amount of " + wallet.currency()
                    + " (ISO 4217 currency with that many decimal places at most)");
        }
        if (!knownValue(() -> WalletType.fromValue(wallet.type()))) {
            problems.add(entry + ".type: " + wallet.type() + " is not one the spec documents");
        }
        if (!knownValue(() -> WalletStatus.fromValue(wallet.status()))) {
            problems.add(entry + ".status: " + wallet.status() + " is not one the spec documents");
        }
        if (wallet.allowedCountries() == null) {
            problems.add(entry + ".allowed_countries: missing");
        }
        schemaProblems(entry, wallet, problems);
    }

    /**
     * The spec's bounds and patterns on Wallet's fields (a wallet id of at most so many
     * characters, at least one country) are the generated model's constraints, so each field the
     * entry holds as the model does is checked against them: a wallet that breaks one could never
     * be served or asked for. A missing field is named above; a converted one (the amount, the
     * enums) is checked above as what it becomes.
     */
    private static void schemaProblems(String entry, WalletEntry wallet, List<String> problems) {
        for (PropertyDescriptor property : ModelConstraints.VALIDATOR.getConstraintsForClass(Wallet.class).getConstrainedProperties()) {
            String name = property.getPropertyName();
            Object value = entryValue(wallet, name);
            if (value == null || !property.getElementClass().isInstance(value)) {
                continue;
            }
            String field = wireName(name);
            Set<String> messages = new TreeSet<>();
            for (ConstraintViolation<Wallet> violation : ModelConstraints.VALIDATOR.validateValue(Wallet.class, name, value)) {
                messages.add(violation.getMessage());
            }
            messages.forEach(message -> problems.add(entry + "." + field + ": " + message + " (the spec's Wallet." + field + ")"));
        }
    }

    /** The spec's name of a model property, as its getter's {@code @JsonProperty} holds it; the dataset's fields have the same names. */
    private static String wireName(String property) {
        for (Method method : Wallet.class.getMethods()) {
            JsonProperty json = method.getAnnotation(JsonProperty.class);
            if (json != null && method.getParameterCount() == 0 && method.getName().equalsIgnoreCase("get" + property)) {
                return json.value();
            }
        }
        return property;
    }

    /** The entry's field of the model property's name, if it has one. */
    private static Object entryValue(WalletEntry wallet, String property) {
        for (RecordComponent component : WalletEntry.class.getRecordComponents()) {
            if (component.getName().equals(property)) {
                try {
                    return component.getAccessor().invoke(wallet);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + property + " of a dataset wallet", e);
                }
            }
        }
        return null;
    }

    /** One validator for the JVM's life (its factory must stay open), messages in one language on every machine. */
    private static final class ModelConstraints {
        static final Validator VALIDATOR;

        static {
            Configuration<?> configuration = Validation.byDefaultProvider().configure();
            MessageInterpolator messages = configuration.getDefaultMessageInterpolator();
            VALIDATOR = configuration.messageInterpolator(new MessageInterpolator() {
                @Override
                public String interpolate(String template, Context context) {
                    return messages.interpolate(template, context, Locale.ROOT);
                }

                @Override
                public String interpolate(String template, Context context, Locale locale) {
                    return messages.interpolate(template, context, Locale.ROOT);
                }
            }).buildValidatorFactory().getValidator();
        }
    }

    private void keyProblems(String entry, ApiKeyEntry key, Pattern keyFormat, Map<String, String> keys, List<String> problems) {
        if (key == null) {
            problems.add(entry + ": empty");
            return;
        }
        // Never the key itself in a message: the log masks key-shaped text, and a broken key is still a secret.
        if (key.key() == null) {
            problems.add(entry + ".key: missing");
        } else if (!keyFormat.matcher(key.key()).matches()) {
            problems.add(entry + ".key: does not have the spec's key format (the bearer scheme's x-key-pattern)");
        } else if (keys.putIfAbsent(key.key(), entry) != null) {
            problems.add(entry + ".key: the same key as " + keys.get(key.key()));
        }
        if (key.account() == null) {
            problems.add(entry + ".account: missing");
        } else if (!accounts.containsKey(key.account())) {
            problems.add(entry + ".account: no account " + key.account() + " in accounts");
        }
        if (key.permissions() == null) {
            problems.add(entry + ".permissions: missing (an empty list for none)");
        }
        List<String> ips = key.allowedIps() == null ? List.of() : key.allowedIps();
        for (int j = 0; j < ips.size(); j++) {
            if (IpRange.parse(ips.get(j)).isEmpty()) {
                problems.add(entry + ".allowed_ips[" + j + "]: '" + ips.get(j) + "' is no IP address or CIDR range");
            }
        }
    }
}
