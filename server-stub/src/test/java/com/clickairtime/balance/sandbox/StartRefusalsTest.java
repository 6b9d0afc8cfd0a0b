package com.clickairtime.balance.sandbox;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 25's start-up findings, and issue 29's settings of a shared deployment, on the process a user starts: a dataset value or an option that
 * once ran the sandbox out of memory, overflowed, was silently misread or started a sandbox that
 * closed every slow head stops the start with exit code 1 and one message naming the entry or
 * the option, without a stack trace. The heap is docs/sandbox.md's ({@code -Xmx256m}), where the
 * billion-digit number of {@code -1e999999999} ran out of it.
 */
class StartRefusalsTest {

    private static final String KEY = "ce_live_" + "A".repeat(32);

    @TempDir
    static Path directory;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            balance -1e999999999     | dataset:balance=-1e999999999                  | accounts.a.wallets[0].balance: out of range
            rate 1e999999999         | dataset:rate=1e999999999                      | usd_rates.EUR: out of range
            an alias                 | dataset:alias                                 | (line 21) a YAML alias
            trusted proxy garbage    | --sandbox.trusted-proxies=garbage             | sandbox.trustedProxies[0]
            deadline of 999999999d   | --sandbox.request-deadline=999999999d         | sandbox.request-deadline
            deadline of -1s          | --sandbox.request-deadline=-1s                | sandbox.request-deadline
            no redis there           | --sandbox.rate-limit.store=redis --sandbox.rate-limit.redis-url=redis://127.0.0.1:1 | Redis at 127.0.0.1:1 did not answer
            redis url garbage        | --sandbox.rate-limit.store=redis --sandbox.rate-limit.redis-url=garbage | sandbox.rate-limit.redis-url is no Redis URI
            host with a scheme       | --sandbox.allowed-hosts=https://sandbox.example.com | sandbox.allowedHosts[0]
            host with a port         | --sandbox.allowed-hosts=sandbox.example.com:443 | sandbox.allowedHosts[0]
            origin with a path       | --sandbox.cors.allowed-origins=https://app.example.com/ | sandbox.cors.allowedOrigins[0]
            origin of any site       | --sandbox.cors.allowed-origins=*              | sandbox.cors.allowedOrigins[0]
            hosted, no host names    | --sandbox.hosted.enabled=true                 | sandbox.allowed-hosts
            hosted, loopback names   | --sandbox.hosted.enabled=true --sandbox.allowed-hosts=localhost | sandbox.allowed-hosts
            hosted, no origins       | --sandbox.hosted.enabled=true --sandbox.allowed-hosts=sandbox.example.com | sandbox.cors.allowed-origins
            management on API port   | --server.port=18099 --management.server.port=18099 | management.server.port
            """)
    void refusesToStartWithOneMessage(String name, String setting, String named) throws Exception {
        List<String> arguments = new ArrayList<>();
        if (setting.startsWith("dataset:")) {
            arguments.add("--sandbox.dataset=file:" + dataset(setting.substring("dataset:".length())));
        } else {
            arguments.addAll(List.of(setting.split(" ")));
        }
        Result result = start(arguments);
        assertThat(result.exited()).as("the sandbox stopped by itself: " + result.output()).isTrue();
        assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
        assertThat(result.output()).contains("APPLICATION FAILED TO START").contains(named);
        assertThat(result.output()).doesNotContain("\tat ", "Exception", "Error:", "Started SandboxApplication");
    }

    private static Path dataset(String variant) throws IOException {
        String balance = variant.startsWith("balance=") ? variant.substring("balance=".length()) : "1.00";
        String rate = variant.startsWith("rate=") ? variant.substring("rate=".length()) : "1.1";
        String yaml = """
                usd_rates:
                  USD: 1
                  EUR: %s
                accounts:
                  a:
                    wallets:
                      - id: wal_eur_001
                        currency: EUR
                        balance: %s
                        type: local
                        status: active
                        allowed_countries: [France]
                api_keys:
                  - key: %s
                    account: a
                    permissions: [wallets.read]
                    note: &n the first key
                  - key: %s
                    account: a
                    permissions: [wallets.read]
                    note: *n
                """.formatted(rate, balance, KEY, KEY.replace('A', 'B'));
        if (!variant.equals("alias")) {
            yaml = yaml.replace("&n ", "").replace("*n", "the second key");
        }
        Path file = directory.resolve(variant.replaceAll("\\W", "_") + ".yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private record Result(boolean exited, int exitCode, String output) {
    }

    private static Result start(List<String> arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), SandboxApplication.class.getName()));
        if (arguments.stream().noneMatch(argument -> argument.startsWith("--server.port="))) {
            command.add("--server.port=0");
        }
        command.addAll(arguments);
        Path log = Files.createTempFile(directory, "start", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean exited = process.waitFor(120, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly().waitFor();
        }
        return new Result(exited, exited ? process.exitValue() : -1, Files.readString(log));
    }
}
