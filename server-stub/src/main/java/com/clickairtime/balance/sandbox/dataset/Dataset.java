package com.clickairtime.balance.sandbox.dataset;

import com.clickairtime.balance.sandbox.net.IpRange;
import com.clickairtime.balance.server.model.Wallet;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Configuration;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.metadata.PropertyDescriptor;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
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
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

    /**
     * One wallet as the dataset writes it: the properties of the spec's {@code Wallet}, by their
     * names in the spec, so that a property the spec adds needs only its lines here. The few the
     * sandbox computes with (the id, the currency, the balance) have accessors.
     *
     * @param fields the entry's properties, in the file's order
     */
    public record WalletEntry(Map<String, Object> fields) {

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public WalletEntry {
            fields = Collections.unmodifiableMap(fields == null ? new LinkedHashMap<>() : new LinkedHashMap<>(fields));
        }

        public String id() {
            return fields.get("id") instanceof String id ? id : null;
        }

        public String currency() {
            return fields.get("currency") instanceof String currency ? currency : null;
        }

        /** The balance as written, scale and all; null when it is missing or no number. */
        public BigDecimal balance() {
            Object balance = fields.get("balance");
            return balance instanceof BigDecimal decimal ? decimal
                    : balance instanceof Number number ? new BigDecimal(number.toString()) : null;
        }
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

    /** The wallet properties the sandbox computes with (the account's total), checked before the model's constraints. */
    private static final Set<String> COMPUTED_WITH = Set.of("id", "currency", "balance");

    private void walletProblems(String entry, WalletEntry wallet, Map<String, String> walletIds, List<String> problems) {
        if (wallet == null) {
            problems.add(entry + ": empty");
            return;
        }
        // The three the sandbox computes with are needed whatever the spec requires; a missing one is named once, here.
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
            problems.add(entry + ".balance: " + (wallet.fields().get("balance") == null ? "missing" : "not a number"));
        } else if (!inRange(wallet.balance())) {
            problems.add(entry + ".balance: " + OUT_OF_RANGE);
        } else if (wallet.balance().signum() < 0) {
            problems.add(entry + ".balance: " + wallet.balance().toPlainString() + " is negative");
        } else if (wallet.currency() != null && !fitsMinorUnits(wallet.balance(), wallet.currency())) {
            problems.add(entry + ".balance: " + wallet.balance().toPlainString() + " is no amount of " + wallet.currency()
                    + " (ISO 4217 currency with that many decimal places at most)");
        }
        modelProblems(entry, wallet, problems);
    }

    /**
     * The entry against the spec's {@code Wallet}, as the generated model states it: every
     * property the entry names must be one of the model's (a typo must not silently drop what it
     * meant to set), every value must convert to the property's type (an enum value the spec
     * does not list is refused), every property the spec requires must be there, and every value
     * must keep the spec's bounds and patterns (a wallet id of at most so many characters, at
     * least one country): a wallet that breaks one could never be served or asked for.
     */
    private static void modelProblems(String entry, WalletEntry wallet, List<String> problems) {
        Map<String, String> properties = WalletModel.PROPERTIES;
        wallet.fields().forEach((field, value) -> {
            if (!properties.containsKey(field)) {
                problems.add(entry + ": unknown field '" + field + "' (the spec's Wallet has " + properties.keySet() + ")");
            } else if (value != null && !WalletModel.converts(field, value)) {
                problems.add(entry + "." + field + ": " + value + " is not one the spec documents (the spec's Wallet." + field + ")");
            }
        });
        for (PropertyDescriptor property : ModelConstraints.VALIDATOR.getConstraintsForClass(Wallet.class).getConstrainedProperties()) {
            String field = WalletModel.wireName(property.getPropertyName());
            Object value = wallet.fields().get(field);
            if (value == null) {
                if (WalletModel.required(property) && !COMPUTED_WITH.contains(field)) {
                    problems.add(entry + "." + field + ": missing (the spec requires Wallet." + field + ")");
                }
                continue;
            }
            if (!WalletModel.converts(field, value)) {
                continue;
            }
            Object typed = WalletModel.property(field, value, property.getPropertyName());
            // An amount is checked above as the currency's; the model's constraints are on what it becomes.
            if (typed == null || !property.getElementClass().isInstance(typed)) {
                continue;
            }
            Set<String> messages = new TreeSet<>();
            for (ConstraintViolation<Wallet> violation : ModelConstraints.VALIDATOR.validateValue(Wallet.class, property.getPropertyName(), typed)) {
                messages.add(violation.getMessage());
            }
            messages.forEach(message -> problems.add(entry + "." + field + ": " + message + " (the spec's Wallet." + field + ")"));
        }
    }

    /** The generated {@code Wallet}, read through Jackson as the sandbox serves it. */
    private static final class WalletModel {

        /** Reads dataset values into the model, decimals with the scale written. */
        private static final JsonMapper MODELS = JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();

        /** The model's properties: the spec's name of each, to the model's; read once. */
        static final Map<String, String> PROPERTIES = properties();

        private static Map<String, String> properties() {
            Map<String, String> properties = new LinkedHashMap<>();
            for (Method method : Wallet.class.getMethods()) {
                JsonProperty json = method.getAnnotation(JsonProperty.class);
                if (json != null && method.getParameterCount() == 0 && method.getName().startsWith("get")) {
                    String name = method.getName().substring(3);
                    properties.put(json.value(), Character.toLowerCase(name.charAt(0)) + name.substring(1));
                }
            }
            return Collections.unmodifiableMap(properties);
        }

        static String wireName(String property) {
            return PROPERTIES.entrySet().stream().filter(entry -> entry.getValue().equals(property))
                    .map(Map.Entry::getKey).findFirst().orElse(property);
        }

        /** Whether the spec requires the property: the generator marks a required one {@code @NotNull}. */
        static boolean required(PropertyDescriptor property) {
            return property.getConstraintDescriptors().stream()
                    .anyMatch(constraint -> constraint.getAnnotation() instanceof NotNull);
        }

        static boolean converts(String field, Object value) {
            try {
                MODELS.convertValue(single(field, value), Wallet.class);
                return true;
            } catch (JacksonException | IllegalArgumentException wrongTypeOrValue) {
                return false;
            }
        }

        /** The model's value of one property of the entry, converted as the whole entry would be. */
        static Object property(String field, Object value, String property) {
            Wallet one = MODELS.convertValue(single(field, value), Wallet.class);
            try {
                return Wallet.class.getMethod("get" + Character.toUpperCase(property.charAt(0)) + property.substring(1)).invoke(one);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + property + " of a dataset wallet", e);
            }
        }

        static Wallet wallet(WalletEntry entry) {
            return MODELS.convertValue(entry.fields(), Wallet.class);
        }

        private static Map<String, Object> single(String field, Object value) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put(field, value);
            return one;
        }
    }

    /** The entry as the generated model, once the dataset has been read (and so checked). */
    public static Wallet model(WalletEntry entry) {
        return WalletModel.wallet(entry);
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
