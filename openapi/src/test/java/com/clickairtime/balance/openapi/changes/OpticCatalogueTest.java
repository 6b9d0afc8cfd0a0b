package com.clickairtime.balance.openapi.changes;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gate is at least as strict as optic 1.0.9 ({@code npm @useoptic/optic}, installed by the
 * build into {@code target/optic} from {@code src/test/optic}'s lock file, {@code ajv} forced to
 * 8.17.1): optic's breaking-change check ({@code optic diff --check}, batched by
 * {@code diff-batch.js} through optic's own diff code, and cross-checked against the command line)
 * runs over every edit of the catalogue; wherever it fails, the gate breaks some audience or the
 * catalogue says why not. optic's verdict is pinned in the catalogue too, so that a new optic
 * rule, or a lost one, shows.
 */
class OpticCatalogueTest {

    private static final Map<String, Verdict> VERDICTS = new ConcurrentHashMap<>();

    /** What optic said of one edit: whether its check failed, and the rules that failed. */
    record Verdict(boolean breaking, List<String> rules, String output) {
    }

    /** What node printed and how it ended. */
    record Run(int exit, String output) {
    }

    static Stream<Catalogue.Entry> entries() {
        return Catalogue.entries().stream();
    }

    private static Path home() {
        return Path.of(System.getProperty("optic.home", "target/optic"));
    }

    @BeforeAll
    static void runOpticOverTheCatalogue(@TempDir Path work) throws Exception {
        assertThat(home().resolve("node_modules/@useoptic/optic/build/index.js"))
                .as("optic, installed by the build (process-test-resources)").isRegularFile();
        ArrayNode pairs = BalanceSpec.EXACT_JSON.createArrayNode();
        int n = 0;
        for (Catalogue.Entry entry : Catalogue.entries()) {
            Path dir = Files.createDirectories(work.resolve("edit-" + n++));
            Path before = write(dir, "before", entry.baseline());
            Path after = write(dir, "after", entry.current());
            pairs.addObject().put("name", entry.change()).put("before", before.toString()).put("after", after.toString());
        }
        Path list = work.resolve("pairs.json");
        Files.writeString(list, pairs.toString(), StandardCharsets.UTF_8);
        Run run = node(work, home().resolve("diff-batch.js").toString(), list.toString());
        assertThat(run.exit()).as(run.output()).isZero();
        for (String line : run.output().lines().filter(line -> line.startsWith("{")).toList()) {
            JsonNode verdict = BalanceSpec.EXACT_JSON.readTree(line);
            List<String> rules = new ArrayList<>();
            verdict.get("rules").forEach(rule -> rules.add(rule.asText()));
            VERDICTS.put(verdict.get("name").asText(), new Verdict(verdict.get("breaking").asBoolean(), rules, line));
        }
    }

    /** The spec as a file; JSON is YAML too, the extension only tells optic how to read it. */
    private static Path write(Path dir, String name, BalanceSpec spec) throws IOException {
        Path file = dir.resolve(name + (spec.text().stripLeading().startsWith("{") ? ".json" : ".yaml"));
        Files.writeString(file, spec.text(), StandardCharsets.UTF_8);
        return file;
    }

    /** Runs node in a folder; fails with its output unless it exits 0 or 1 (optic's "checks failed"). */
    static Run node(Path directory, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().put("OPTIC_TELEMETRY_LEVEL", "off");
        builder.environment().put("NODE_PATH", home().resolve("node_modules").toAbsolutePath().toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() > 1) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " failed:\n" + output);
        }
        return new Run(process.exitValue(), output);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void whereOpticSaysBreakingTheGateBreaksSomeAudienceOrSaysWhyNot(Catalogue.Entry entry) {
        Verdict optic = VERDICTS.get(entry.change());
        assertThat(optic).as("optic's verdict on %s", entry.change()).isNotNull();
        List<ApiChange> changes = ChangeCatalogueTest.gate(entry.baseline(), entry.current()).changes();
        boolean gateBreaks = changes.stream().anyMatch(change -> change.level() == Level.BREAKING);
        assertThat(optic.breaking()).as("optic's verdict on '%s', as the catalogue pins it; optic said: %s",
                entry.change(), optic.output()).isEqualTo(entry.opticBreaking());
        if (optic.breaking() && entry.whyNot() == null) {
            assertThat(gateBreaks).as("optic calls '%s' breaking (%s), so must the gate: %s", entry.change(), optic.rules(), changes)
                    .isTrue();
        }
        if (entry.whyNot() != null) {
            assertThat(gateBreaks).as("'%s' explains why the gate breaks no audience, but it does", entry.change()).isFalse();
        }
    }

    /** The batch runs optic's own diff code; the command line must agree with it, on a breaking edit and a harmless one. */
    @Test
    void theCommandLineAgreesWithTheBatch(@TempDir Path work) throws Exception {
        for (String change : List.of("response property made `nullable`", "value removed from a response enum")) {
            Catalogue.Entry entry = Catalogue.entries().stream().filter(e -> e.change().equals(change)).findFirst().orElseThrow();
            Path before = write(work, "before", entry.baseline());
            Path after = write(work, "after", entry.current());
            Run run = node(work, home().resolve("node_modules/@useoptic/optic/build/index.js").toString(),
                    "diff", before.getFileName().toString(), after.getFileName().toString(), "--check");
            assertThat(run.output()).contains("before.yaml");
            assertThat(run.exit() == 1).as("optic diff --check on '%s':%n%s", change, run.output())
                    .isEqualTo(VERDICTS.get(change).breaking());
        }
    }

    @Test
    void opticRanOnEveryEdit() {
        assertThat(VERDICTS.keySet()).containsExactlyInAnyOrderElementsOf(
                Catalogue.entries().stream().map(Catalogue.Entry::change).toList());
        assertThat(VERDICTS.values()).anyMatch(Verdict::breaking).anyMatch(verdict -> !verdict.breaking());
    }
}
