package com.clickairtime.balance.openapi.changes;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static com.clickairtime.balance.openapi.changes.EditedSpec.NEXT_MAJOR;
import static com.clickairtime.balance.openapi.changes.EditedSpec.NEXT_MINOR;
import static com.clickairtime.balance.openapi.changes.EditedSpec.REAL;
import static com.clickairtime.balance.openapi.changes.EditedSpec.VERSION;
import static com.clickairtime.balance.openapi.changes.EditedSpec.edited;
import static com.clickairtime.balance.openapi.changes.EditedSpec.object;
import static com.clickairtime.balance.openapi.changes.EditedSpec.unrequire;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The catalogue ({@link Catalogue}): for each edit of the frozen fixture, the gate names the kind
 * and gives each audience the expected level; then the details the table cannot show.
 */
class ChangeCatalogueTest {

    private static final String GET_WALLET = "GET /v2/balance/{wallet_id}";
    private static final String GET_BALANCE = "GET /v2/balance";
    private static final String WALLET_BODY = GET_WALLET + " > 200 > application/json > data";

    static ChangeReport gate(BalanceSpec baseline, BalanceSpec current) {
        return new ChangeReport("test", baseline.openApi().getInfo().getVersion(),
                current.openApi().getInfo().getVersion(), VERSION + "-SNAPSHOT", ApiChanges.between(baseline, current));
    }

    static Stream<Catalogue.Entry> entries() {
        return Catalogue.entries().stream();
    }

    @Test
    void theCatalogueHasAtLeast35Edits() {
        assertThat(Catalogue.entries()).hasSizeGreaterThanOrEqualTo(35);
        assertThat(Catalogue.entries()).extracting(Catalogue.Entry::change).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void theGateJudgesEachEditForBothAudiences(Catalogue.Entry entry) {
        List<ApiChange> changes = gate(entry.baseline(), entry.current()).changes();
        if (entry.kind() == null) {
            assertThat(changes).as(entry.change()).isEmpty();
            return;
        }
        assertThat(changes).as(entry.change()).extracting(ApiChange::kind).contains(entry.kind());
        assertThat(worst(changes, Audience.CLIENTS)).as("%s for clients: %s", entry.change(), changes).isEqualTo(entry.clients());
        assertThat(worst(changes, Audience.IMPLEMENTERS)).as("%s for implementers: %s", entry.change(), changes)
                .isEqualTo(entry.implementers());
    }

    static Level worst(List<ApiChange> changes, Audience audience) {
        return changes.stream().map(change -> change.level(audience)).min(Enum::compareTo).orElse(Level.COMPATIBLE);
    }

    @Test
    void aMovedPathIsOneMoveWithBothPlacesNamed() {
        ChangeReport report = gate(REAL, edited(root -> {
            ObjectNode paths = object(root, "/paths");
            paths.set("/v2/balances", paths.remove("/v2/balance"));
        }));
        assertThat(report.changes()).filteredOn(change -> change.level() != Level.COMPATIBLE)
                .extracting(ApiChange::kind, ApiChange::message)
                .containsExactly(tuple("operation-moved", "operation getBalance moved from GET /v2/balance to GET /v2/balances"));
    }

    @Test
    void aSharedSchemaIsReportedWhereverItIsServed() {
        ChangeReport report = gate(REAL, edited(root -> unrequire(root, "/components/schemas/Wallet", "status")));
        assertThat(report.changes()).extracting(ApiChange::kind, ApiChange::location)
                .containsExactlyInAnyOrder(tuple("property-made-optional", WALLET_BODY + ".status"),
                        tuple("property-made-optional", GET_BALANCE + " > 200 > application/json > data.wallets[].status"));
    }

    @Test
    void int32ToInt64IsNamedAFormatChange() {
        ChangeReport report = gate(REAL, edited(root -> object(root, "/components/headers/X-RateLimit-Limit/schema")
                .put("format", "int64")));
        assertThat(report.changes()).extracting(ApiChange::kind).containsOnly("format-changed");
        assertThat(report.changes().get(0).message()).startsWith("format int32 became int64");
        assertThat(report.changes()).extracting(ApiChange::location).contains(GET_BALANCE + " > 200 > header X-RateLimit-Limit");
    }

    @Test
    void aKeyPatternIsComparedAsALanguage() {
        ChangeReport narrower = gate(REAL, edited(root -> object(root, Catalogue.BEARER).put("x-key-pattern", "^ce_live_[a-z0-9]{32}$")));
        ChangeReport same = gate(REAL, edited(root -> object(root, Catalogue.BEARER).put("x-key-pattern", "^ce_live_[a-zA-Z\\d]{32}$")));
        assertThat(narrower.changes()).extracting(ApiChange::message).singleElement().asString().contains("(accepts less)");
        assertThat(same.changes()).extracting(ApiChange::clients, ApiChange::implementers, ApiChange::message)
                .containsExactly(tuple(Level.COMPATIBLE, Level.COMPATIBLE, "x-key-pattern ^ce_live_[A-Za-z0-9]{32}$ became"
                        + " ^ce_live_[a-zA-Z\\d]{32}$ (accepts the same): the sandbox, the stubs and the SDK's key check derive from it"));
    }

    @Test
    void anExampleChangeNamesThePlaceAndKeepsTheScale() {
        ChangeReport report = gate(REAL, edited(root -> object(root, "/components/examples/AcmeBalance/value/data/available_balance")
                .set("amount", com.fasterxml.jackson.databind.node.DecimalNode.valueOf(new java.math.BigDecimal("1250.5")))));
        assertThat(report.changes()).extracting(ApiChange::kind, ApiChange::location, ApiChange::message)
                .containsExactly(tuple("example-changed", GET_BALANCE + " > 200 > application/json > example acme_balance",
                        "example changed at /value/data/available_balance/amount: 1250.50 became 1250.5"));
        assertThat(report.markdown()).contains("## Examples (1)\n\n- `" + GET_BALANCE);
    }

    private static Catalogue.Entry entry(String change) {
        return Catalogue.entries().stream().filter(entry -> entry.change().equals(change)).findFirst().orElseThrow();
    }

    @Test
    void aNewDocumentedErrorIsAStatusAndACodeThatImplementersMustAnswer() {
        Catalogue.Entry locked = entry("new documented error status with a new code (423 `WALLET_LOCKED`)");
        ChangeReport report = gate(locked.baseline(), locked.current());
        assertThat(report.changes()).filteredOn(change -> !change.isExample())
                .extracting(ApiChange::kind, ApiChange::clients, ApiChange::implementers, ApiChange::location, ApiChange::message)
                .containsExactlyInAnyOrder(
                        tuple("response-added", Level.POTENTIALLY_BREAKING, Level.BREAKING, GET_WALLET + " > 423",
                                "new response 423 documenting WALLET_LOCKED: implementations must answer it, clients may meet it"),
                        tuple("error-code-added", Level.POTENTIALLY_BREAKING, Level.BREAKING, GET_WALLET + " > 423",
                                "new error code WALLET_LOCKED (423): implementations must answer it, clients may meet it"));
        assertThat(report.failure()).hasValueSatisfying(why -> assertThat(why)
                .contains("2 change(s) break implementers and need at least a new minor version", "make it " + NEXT_MINOR));
        assertThat(report.markdown()).contains("## Implementers must act (2)", "## Clients: potentially-breaking (");
        assertThat(gate(locked.baseline(), versioned(locked.current(), NEXT_MINOR)).failure()).isEmpty();
    }

    @Test
    void aCodeAlreadyDocumentedElsewhereIsNamedSo() {
        Catalogue.Entry moved = entry("existing error code newly documented on another operation (`IP_NOT_ALLOWED`)");
        assertThat(gate(moved.baseline(), moved.current()).changes()).filteredOn(change -> !change.isExample())
                .extracting(ApiChange::kind, ApiChange::location, ApiChange::message)
                .containsExactly(tuple("error-code-added", GET_BALANCE + " > 403", "error code IP_NOT_ALLOWED (403), documented"
                        + " elsewhere already, now documented here: implementations must answer it, clients may meet it"));
    }

    // The semver rule: clients broken needs a new major, implementers alone at least a new minor.

    private static final BalanceSpec CLIENT_BREAKING = edited(root -> object(root, "/paths").remove("/v2/balance/{wallet_id}"));
    private static final BalanceSpec IMPLEMENTER_BREAKING = edited(root -> object(root, Catalogue.GET_BALANCE)
            .putArray("parameters").addObject().put("name", "currency").put("in", "query").putObject("schema").put("type", "string"));

    private static BalanceSpec versioned(BalanceSpec spec, String version) {
        return edited(spec, root -> object(root, "/info").put("version", version));
    }

    @Test
    void aClientBreakingChangeNeedsANewMajor() {
        assertThat(gate(REAL, CLIENT_BREAKING).failure()).hasValueSatisfying(why -> assertThat(why)
                .contains("1 change(s) break clients and need a new major version", "make it " + NEXT_MAJOR,
                        "operation-removed at " + GET_WALLET));
        assertThat(gate(REAL, versioned(CLIENT_BREAKING, NEXT_MINOR)).failure()).isPresent();
        ChangeReport bumped = gate(REAL, versioned(CLIENT_BREAKING, NEXT_MAJOR));
        assertThat(bumped.failure()).isEmpty();
        assertThat(bumped.markdown()).contains("**Verdict: passes.** The breaking changes come with the version they need.");
    }

    @Test
    void anImplementerOnlyBreakingChangeNeedsAtLeastANewMinor() {
        ChangeReport report = gate(REAL, IMPLEMENTER_BREAKING);
        assertThat(report.failure()).hasValueSatisfying(why -> assertThat(why)
                .contains("1 change(s) break implementers and need at least a new minor version", "make it " + NEXT_MINOR,
                        "parameter-added at " + GET_BALANCE + " > query parameter currency"));
        assertThat(report.markdown()).contains("## Implementers must act (1)", ChangeReport.RULE);
        assertThat(gate(REAL, versioned(IMPLEMENTER_BREAKING, NEXT_MINOR)).failure()).isEmpty();
        assertThat(gate(REAL, versioned(IMPLEMENTER_BREAKING, NEXT_MAJOR)).failure()).isEmpty();
        assertThat(gate(REAL, versioned(IMPLEMENTER_BREAKING, VERSION + "-patched")).failure()).isPresent();
    }

    @Test
    void theChangelogGroupsByAudienceAndLevel() {
        ChangeReport report = gate(REAL, edited(root -> {
            object(root, "/paths").remove("/v2/balance/{wallet_id}");
            object(root, "/components/headers/X-RateLimit-Remaining/schema").put("maximum", 300);
            org.assertj.core.api.Assertions.assertThat(root).isNotNull();
            ((com.fasterxml.jackson.databind.node.ArrayNode) root.at("/components/schemas/Wallet/properties/status/enum")).add("frozen");
        }));
        String md = report.markdown();
        assertThat(md.indexOf("## Clients: breaking")).isPositive()
                .isLessThan(md.indexOf("## Implementers must act"));
        assertThat(md.indexOf("## Implementers must act")).isLessThan(md.indexOf("## Clients: potentially-breaking"));
        assertThat(md).contains("(operation-removed; clients: breaking, implementers: breaking)",
                "(maximum-changed; clients: compatible, implementers: breaking)",
                "(enum-value-added; clients: potentially-breaking, implementers: compatible)");
        JsonNode first = readJson(report.json()).get("changes").get(0);
        assertThat(first.get("clients").asText()).isEqualTo("breaking");
        assertThat(first.get("implementers").asText()).isEqualTo("breaking");
    }

    @Test
    void anUnjudgedDifferenceIsStillReported() {
        // A place no rule reads: the response's own "links", which the kit does not use.
        ChangeReport report = gate(REAL, edited(root -> object(root, Catalogue.GET_BALANCE + "/responses/200")
                .putObject("links").putObject("self").put("operationId", "getBalance")));
        assertThat(report.changes()).extracting(ApiChange::kind, ApiChange::location)
                .containsExactly(tuple("document-changed", "/paths/~1v2~1balance/get/responses/200/links"));
    }

    private static JsonNode readJson(String json) {
        try {
            return BalanceSpec.EXACT_JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
