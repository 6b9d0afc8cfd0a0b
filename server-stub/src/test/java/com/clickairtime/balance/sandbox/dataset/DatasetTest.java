package com.clickairtime.balance.sandbox.dataset;

import com.clickairtime.balance.sandbox.SandboxTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Issue 17's strict datasets: each mistake refuses to start, naming the file, the entry and the field. */
class DatasetTest {

    private static final tools.jackson.dataformat.yaml.YAMLMapper YAML = tools.jackson.dataformat.yaml.YAMLMapper.builder().build();

    private static final String GOOD_KEY = "ce_live_" + "A".repeat(32);

    @TempDir
    Path directory;

    @Test
    void aBrokenDatasetStopsTheStartWithEveryProblem() {
        assertThatThrownBy(() -> Dataset.read(new ClassPathResource("datasets/broken.yaml"), SandboxTestSupport.SPEC.apiKeyPattern()))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("datasets/broken.yaml")
                .hasMessageContaining("accounts.initech.wallets[1].id: wal_a is already the id of accounts.initech.wallets[0]")
                .hasMessageContaining("accounts.initech.wallets[0].currency: no USD rate for EUR")
                .hasMessageContaining("accounts.initech.wallets[2].balance: 2.005 is no amount of USD")
                .hasMessageContaining("api_keys[0].key: does not have the spec's key format")
                .hasMessageContaining("api_keys[0].account: no account nobody");
    }

    @Test
    void anUnknownFieldIsRefusedNotIgnored() throws IOException {
        Path file = write(keys("  - key: " + GOOD_KEY + "\n    account: a\n    permissions: [wallets.read]\n    allowed_ip: [203.0.113.7]\n"));
        assertThatThrownBy(() -> read(file)).isInstanceOf(DatasetException.class)
                .hasMessageContaining(file.getFileName().toString())
                .hasMessageContaining("api_keys[0]")
                .hasMessageContaining("unknown field 'allowed_ip'");
    }

    @Test
    void addressesMustBeAddressesOrCidrRanges() throws IOException {
        Path file = write(keys("  - key: " + GOOD_KEY + "\n    account: a\n    permissions: [wallets.read]\n"
                + "    allowed_ips: [203.0.113.0/24, not-an-ip, 203.0.113.7/33, 2001:db8::/32]\n"));
        assertThatThrownBy(() -> read(file)).hasMessageContaining("api_keys[0].allowed_ips[1]: 'not-an-ip' is no IP address or CIDR range")
                .hasMessageContaining("api_keys[0].allowed_ips[2]: '203.0.113.7/33'")
                .hasMessageNotContaining("allowed_ips[0]").hasMessageNotContaining("allowed_ips[3]");
    }

    @Test
    void missingFieldsDuplicatesAndNegativeAmountsAreRefused() throws IOException {
        Path file = write("""
                usd_rates:
                  USD: 1
                  EUR: -1.1
                accounts:
                  a:
                    wallets:
                      - currency: USD
                        balance: -5.00
                        type: local
                        status: active
                        allowed_countries: [France]
                api_keys:
                  - key: %1$s
                    account: a
                    permissions: [wallets.read]
                  - key: %1$s
                    account: a
                    permissions: [wallets.read]
                """.formatted(GOOD_KEY));
        assertThatThrownBy(() -> read(file))
                .hasMessageContaining("usd_rates.EUR: -1.1 is not a positive rate")
                .hasMessageContaining("accounts.a.wallets[0].id: missing")
                .hasMessageContaining("accounts.a.wallets[0].balance: -5.00 is negative")
                .hasMessageContaining("api_keys[1].key: the same key as api_keys[0]")
                // Never a key in the message: the log would mask it into nonsense anyway.
                .hasMessageNotContaining(GOOD_KEY);
    }

    /** The spec's own bounds on a wallet's fields (read from it, as the generated model holds them) hold for a dataset's wallets. */
    @Test
    void aWalletIdTheSpecCouldNeverServeIsRefused() throws IOException {
        int bound = SandboxTestSupport.SPEC.deref(SandboxTestSupport.SPEC.raw().at("/components/schemas/Wallet/properties/id"))
                .path("maxLength").asInt(0);
        assumeTrue(bound > 0, "the spec bounds no wallet id");
        // Two wallets as the default dataset writes its own (every property the spec requires), but for their ids.
        String wallets = twoWallets();
        assertThat(read(write(wallets.formatted("a".repeat(bound), "b".repeat(bound - 1)))).accounts()).containsKey("a");
        assertThatThrownBy(() -> read(write(wallets.formatted("a".repeat(bound + 1), "b".repeat(bound)))))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("accounts.a.wallets[0].id: ")
                .hasMessageContaining(" " + bound + " (the spec's Wallet.id)")
                .hasMessageNotContaining("wallets[1]")
                .hasMessageNotContaining(".type:").hasMessageNotContaining(".balance:")
                .hasMessageNotContaining("a".repeat(bound + 1));
    }

    /**
     * Issue 24: a property the spec requires of a Wallet is required of a dataset's wallet, read
     * from the spec, so that a new required property stops a dataset without it at start instead
     * of serving a 200 without it. Only the three the sandbox computes with are written here.
     */
    @Test
    void everyPropertyTheSpecRequiresIsNamedWhereAWalletLacksIt() throws IOException {
        List<String> required = new ArrayList<>();
        SandboxTestSupport.SPEC.raw().at("/components/schemas/Wallet/required").forEach(name -> required.add(name.asText()));
        required.removeAll(List.of("id", "currency", "balance"));
        assumeTrue(!required.isEmpty(), "the spec requires nothing else of a wallet");
        Path file = write("""
                usd_rates:
                  USD: 1
                accounts:
                  a:
                    wallets:
                      - id: w1
                        currency: USD
                        balance: 5.00
                api_keys: []
                """);
        var refused = assertThatThrownBy(() -> read(file)).isInstanceOf(DatasetException.class)
                .hasMessageContaining(file.getFileName().toString());
        for (String property : required) {
            refused.hasMessageContaining("accounts.a.wallets[0]." + property + ": missing (the spec requires Wallet." + property + ")");
        }
    }

    @Test
    void aWalletPropertyTheSpecDoesNotHaveOrAValueItsEnumDoesNotListIsRefused() throws IOException {
        Path file = write("""
                usd_rates:
                  USD: 1
                accounts:
                  a:
                    wallets:
                      - id: w1
                        currency: USD
                        balance: 5.00
                        type: global
                        status: bogus-status
                        allowed_countries: [All Countries]
                        nick_name: Savings
                api_keys: []
                """);
        assertThatThrownBy(() -> read(file)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("accounts.a.wallets[0]: unknown field 'nick_name'")
                .hasMessageContaining("accounts.a.wallets[0].status: bogus-status is not one the spec documents (the spec's Wallet.status)")
                .hasMessageNotContaining("Exception");
    }

    /** Every bound of the model, not a list of chosen fields: the spec's minItems on the countries too. */
    @Test
    void anEmptyCountryListBreaksTheSpecsMinItems() throws IOException {
        Path file = write("""
                usd_rates:
                  USD: 1
                accounts:
                  a:
                    wallets:
                      - id: w1
                        currency: USD
                        balance: 5.00
                        type: global
                        allowed_countries: []
                api_keys: []
                """);
        assertThatThrownBy(() -> read(file)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("accounts.a.wallets[0].allowed_countries: ")
                .hasMessageContaining("(the spec's Wallet.allowed_countries)");
    }

    /** The process a user starts: one message, no stack trace, exit code 1. */
    @Test
    void theSandboxRefusesToStartWithOneMessageAndExitCodeOne() throws Exception {
        Path file = write(keys("  - key: " + GOOD_KEY + "\n    account: a\n    permissions: [wallets.read]\n    allowed_ip: [203.0.113.7]\n"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "com.clickairtime.balance.sandbox.SandboxApplication",
                "--server.port=0", "--sandbox.dataset=file:" + file));
        Path log = directory.resolve("start.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly().waitFor();
        }
        String output = Files.readString(log);
        assertThat(exited).as("the sandbox stopped by itself: " + output).isTrue();
        assertThat(process.exitValue()).as(output).isEqualTo(1);
        assertThat(output).contains(file.getFileName().toString()).contains("api_keys[0]").contains("unknown field 'allowed_ip'");
        assertThat(output).doesNotContain("\tat ", "Exception");
    }

    @Test
    void amountsKeepTheirScale() throws IOException {
        Dataset dataset = Dataset.read(new ClassPathResource("sandbox/dataset.yaml"), SandboxTestSupport.SPEC.apiKeyPattern());
        Dataset.WalletEntry wallet = dataset.accounts().values().stream().flatMap(account -> account.wallets().stream())
                .findFirst().orElseThrow();
        // The file's own text for that wallet's balance, scale and all.
        String written = new String(new ClassPathResource("sandbox/dataset.yaml").getContentAsByteArray(), StandardCharsets.UTF_8)
                .lines().dropWhile(line -> !line.contains(wallet.id())).filter(line -> line.strip().startsWith("balance:"))
                .findFirst().orElseThrow().strip().substring("balance:".length()).strip();
        assertThat(wallet.balance()).hasToString(written);
    }

    /**
     * A dataset of two wallets, each the default dataset's first wallet of its own (so with every
     * property the spec requires, whatever it requires) with an id to fill in ({@code %s}).
     */
    private static String twoWallets() {
        Dataset.WalletEntry template = SandboxTestSupport.DATASET.accounts().values().stream()
                .flatMap(account -> account.wallets().stream()).findFirst().orElseThrow();
        Map<String, Object> one = new LinkedHashMap<>(template.fields());
        one.put("id", "WALLET_ID_HERE");
        String rates = "usd_rates:\n  " + template.currency() + ": 1\n";
        String entry = YAML.writeValueAsString(List.of(one)).replaceFirst("^---\\s*\n", "").replace("\"WALLET_ID_HERE\"", "%s").replace("WALLET_ID_HERE", "%s");
        String indented = entry.lines().map(line -> "      " + line).collect(java.util.stream.Collectors.joining("\n"));
        return rates + "accounts:\n  a:\n    wallets:\n" + indented + "\n" + indented + "\napi_keys: []\n";
    }

    private static String keys(String apiKeys) {
        return "usd_rates:\n  USD: 1\naccounts:\n  a:\n    wallets: []\napi_keys:\n" + apiKeys;
    }

    private Path write(String yaml) throws IOException {
        Path file = directory.resolve("dataset-" + System.nanoTime() + ".yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private static Dataset read(Path file) {
        return Dataset.read(new FileSystemResource(file), SandboxTestSupport.SPEC.apiKeyPattern());
    }
}
