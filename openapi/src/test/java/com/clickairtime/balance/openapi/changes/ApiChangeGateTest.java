package com.clickairtime.balance.openapi.changes;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static com.clickairtime.balance.openapi.changes.EditedSpec.NEW_PROPERTY;
import static com.clickairtime.balance.openapi.changes.EditedSpec.NEXT_MAJOR;
import static com.clickairtime.balance.openapi.changes.EditedSpec.VERSION;
import static com.clickairtime.balance.openapi.changes.EditedSpec.REAL;
import static com.clickairtime.balance.openapi.changes.EditedSpec.edited;
import static com.clickairtime.balance.openapi.changes.EditedSpec.object;
import static com.clickairtime.balance.openapi.changes.EditedSpec.unrequire;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The gate as the build runs it: a spec in a git repository, a baseline found there, two reports
 * written and the build failed or passed.
 */
class ApiChangeGateTest {

    @TempDir
    Path repo;
    Path module;
    Path spec;
    Path reports;

    /** A Maven version of the fixture's major, as the build passes it. */
    private static final String PROJECT_VERSION = VERSION + "-SNAPSHOT";

    private static final BalanceSpec WITHOUT_STATUS = edited(root -> {
        object(root, "/components/schemas/Wallet/properties").remove("status");
        unrequire(root, "/components/schemas/Wallet", "status");
    });
    private static final BalanceSpec WITH_NICKNAME = edited(root -> object(root, "/components/schemas/Wallet/properties")
            .putObject(NEW_PROPERTY).put("type", "string"));

    @BeforeEach
    void layOut() throws IOException {
        module = Files.createDirectories(repo.resolve("openapi"));
        spec = module.resolve("balance.yaml");
        reports = module.resolve("target");
        git("init", "-q", "-b", "main");
        git("config", "user.email", "gate@example.com");
        git("config", "user.name", "gate test");
    }

    @Test
    void theFirstCommitHasNoBaselineAndPasses() throws IOException {
        commit(REAL, "first");

        run("");

        JsonNode json = reportJson();
        assertThat(json.get("baseline").asText()).isEqualTo("none: HEAD has no parent commit");
        assertThat(json.get("changes")).isEmpty();
        assertThat(Files.readString(reports.resolve("api-changes.md"))).contains("| baseline | none: HEAD has no parent commit |");
    }

    @Test
    void byDefaultTheParentCommitIsTheBaseline() throws IOException {
        commit(REAL, "first");
        String parent = git("rev-parse", "HEAD").substring(0, 12);
        commit(WITH_NICKNAME, "nickname");

        run("");

        JsonNode json = reportJson();
        assertThat(json.get("baseline").asText()).isEqualTo("HEAD~1 (" + parent + ")");
        assertThat(json.get("baseline_version").asText()).isEqualTo(VERSION);
        assertThat(json.get("changes").findValuesAsText("kind")).containsOnly("property-added");
    }

    @Test
    void aBranchIsComparedWithItsMergeBaseWithOriginMain() throws IOException {
        commit(REAL, "first");
        String base = git("rev-parse", "HEAD");
        git("update-ref", "refs/remotes/origin/main", base);
        git("checkout", "-q", "-b", "feature");
        commit(WITH_NICKNAME, "nickname");
        commit(WITH_NICKNAME, "unrelated edit", "README.md");

        run("");

        JsonNode json = reportJson();
        assertThat(json.get("baseline").asText()).isEqualTo("merge-base with origin/main (" + base.substring(0, 12) + ")");
        assertThat(json.get("changes").findValuesAsText("kind")).containsOnly("property-added");
    }

    @Test
    void onOriginMainItselfTheParentCommitIsTheBaseline() throws IOException {
        commit(REAL, "first");
        commit(WITH_NICKNAME, "nickname");
        git("update-ref", "refs/remotes/origin/main", "HEAD");

        run("");

        assertThat(reportJson().get("baseline").asText()).startsWith("HEAD~1 (");
        assertThat(reportJson().get("changes").findValuesAsText("kind")).containsOnly("property-added");
    }

    @Test
    void aBreakingChangeWithoutAMajorBumpFailsTheBuildAndNamesIt() throws IOException {
        commit(REAL, "first");
        Files.writeString(spec, WITHOUT_STATUS.text());

        assertThatThrownBy(() -> run("HEAD"))
                .isInstanceOf(GateException.class)
                .hasMessageContaining("2 change(s) break clients and need a new major version: info.version is " + VERSION)
                .hasMessageContaining("property-removed at GET /v2/balance/{wallet_id} > 200 > application/json > data.status");
        JsonNode json = reportJson();
        assertThat(json.get("baseline").asText()).startsWith("HEAD (");
        assertThat(json.get("changes").get(0).get("level").asText()).isEqualTo("breaking");
        assertThat(Files.readString(reports.resolve("api-changes.md")))
                .contains("**Verdict: fails.**", "## Clients: breaking (2)", "`GET /v2/balance/{wallet_id} > 200 > application/json > data.status`:"
                        + " property status removed (property-removed; clients: breaking, implementers: breaking)");
    }

    @Test
    void theMajorBumpLetsItPassAndTheChangelogWarnsAboutTheMavenVersion() throws IOException {
        commit(REAL, "first");
        Files.writeString(spec, edited(WITHOUT_STATUS, root -> object(root, "/info").put("version", NEXT_MAJOR)).text());

        run("HEAD");

        assertThat(Files.readString(reports.resolve("api-changes.md")))
                .contains("| `info.version` | " + NEXT_MAJOR + " |", "| Maven project version | " + PROJECT_VERSION + " |",
                        "> **Warning:** the Maven project version " + PROJECT_VERSION + " and info.version " + NEXT_MAJOR
                                + " differ in their major part.",
                        "**Verdict: passes.**");
    }

    @Test
    void aFileCanBeTheBaseline() throws IOException {
        commit(WITH_NICKNAME, "first");
        Path old = repo.resolve("old.yaml");
        Files.writeString(old, REAL.text());

        run(old.toString());

        assertThat(reportJson().get("baseline").asText()).isEqualTo(old.toString());
        assertThat(reportJson().get("changes").findValuesAsText("kind")).containsOnly("property-added");
    }

    @Test
    void anUnknownBaselineIsAClearError() throws IOException {
        commit(REAL, "first");

        assertThatThrownBy(() -> run("no-such-ref"))
                .isInstanceOf(GateException.class)
                .hasMessage("api.baseline=no-such-ref is neither a file nor a git ref that names a commit");
    }

    private void run(String baseline) {
        ApiChangeGate.main(new String[] {"spec=" + spec, "baseline=" + baseline,
                "project-version=" + PROJECT_VERSION, "reports=" + reports});
    }

    private JsonNode reportJson() throws IOException {
        return BalanceSpec.EXACT_JSON.readTree(reports.resolve("api-changes.json").toFile());
    }

    private void commit(BalanceSpec content, String message, String... otherFiles) throws IOException {
        Files.writeString(spec, content.text());
        for (String other : otherFiles) {
            Files.writeString(repo.resolve(other), message);
        }
        git("add", "-A");
        git("commit", "-q", "-m", message);
    }

    private String git(String... arguments) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(command + " failed: " + out);
            }
            return out.strip();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
