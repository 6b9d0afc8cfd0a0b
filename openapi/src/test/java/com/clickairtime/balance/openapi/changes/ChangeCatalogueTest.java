package com.clickairtime.balance.openapi.changes;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static com.clickairtime.balance.openapi.changes.EditedSpec.NEW_PROPERTY;
import static com.clickairtime.balance.openapi.changes.EditedSpec.NEXT_MAJOR;
import static com.clickairtime.balance.openapi.changes.EditedSpec.NEXT_MINOR;
import static com.clickairtime.balance.openapi.changes.EditedSpec.REAL;
import static com.clickairtime.balance.openapi.changes.EditedSpec.array;
import static com.clickairtime.balance.openapi.changes.EditedSpec.edited;
import static com.clickairtime.balance.openapi.changes.EditedSpec.object;
import static com.clickairtime.balance.openapi.changes.EditedSpec.unrequire;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The catalogue: each kind of change, made by one edit of the frozen fixture spec, with the level the gate
 * gives it and whether the build passes (the baseline's {@code info.version} is kept unless said).
 */
class ChangeCatalogueTest {

    private static final String WALLET = "/components/schemas/Wallet";
    private static final String GET_WALLET = "GET /v2/balance/{wallet_id}";
    private static final String GET_BALANCE = "GET /v2/balance";
    private static final String WALLET_BODY = GET_WALLET + " > 200 > application/json > data";
    private static final String LISTED_WALLET = GET_BALANCE + " > 200 > application/json > data.wallets[]";

    private static ChangeReport gate(BalanceSpec baseline, BalanceSpec current) {
        return new ChangeReport("test", baseline.openApi().getInfo().getVersion(),
                current.openApi().getInfo().getVersion(), EditedSpec.VERSION + "-SNAPSHOT", ApiChanges.between(baseline, current));
    }

    private static ChangeReport gate(BalanceSpec current) {
        return gate(REAL, current);
    }

    @Test
    void aRemovedOperationIsBreaking() {
        ChangeReport report = gate(edited(root -> object(root, "/paths").remove("/v2/balance/{wallet_id}")));

        assertThat(report.changes()).extracting(ApiChange::level, ApiChange::kind, ApiChange::location)
                .contains(tuple(Level.BREAKING, "operation-removed", GET_WALLET));
        assertThat(report.failure()).hasValueSatisfying(why -> assertThat(why)
                .contains("operation-removed at " + GET_WALLET).contains("make it " + NEXT_MAJOR));
    }

    @Test
    void aMovedPathIsOneBreakingMove() {
        ChangeReport report = gate(edited(root -> {
            ObjectNode paths = object(root, "/paths");
            JsonNode item = paths.remove("/v2/balance");
            paths.set("/v2/balances", item);
        }));

        assertThat(report.changes()).extracting(ApiChange::level, ApiChange::kind)
                .containsExactly(tuple(Level.BREAKING, "operation-moved"));
        assertThat(report.changes().get(0).message()).isEqualTo(
                "operation getBalance moved from GET /v2/balance to GET /v2/balances");
        assertThat(report.failure()).isPresent();
    }

    @Test
    void aRemovedRequiredResponsePropertyIsBreakingWherever_itIsServed() {
        ChangeReport report = gate(edited(root -> {
            object(root, WALLET + "/properties").remove("allowed_countries");
            unrequire(root, WALLET, "allowed_countries");
        }));

        assertThat(report.changes()).extracting(ApiChange::level, ApiChange::kind, ApiChange::location)
                .contains(tuple(Level.BREAKING, "property-removed", WALLET_BODY + ".allowed_countries"),
                        tuple(Level.BREAKING, "property-removed", LISTED_WALLET + ".allowed_countries"));
        assertThat(report.failure()).isPresent();
    }

    // Own rule: openapi-diff-core calls the removal of an optional response property compatible.
    @Test
    void aRemovedOptionalResponsePropertyIsBreakingToo() {
        BalanceSpec withNickname = edited(root -> object(root, WALLET + "/properties")
                .putObject(NEW_PROPERTY).put("type", "string"));

        ChangeReport report = gate(withNickname, REAL);

        assertThat(report.breaking()).extracting(ApiChange::kind, ApiChange::location)
                .contains(tuple("property-removed", WALLET_BODY + "." + NEW_PROPERTY));
        assertThat(report.failure()).isPresent();
    }

    @Test
    void aResponsePropertyMadeOptionalIsBreaking() {
        ChangeReport report = gate(edited(root -> unrequire(root, WALLET, "status")));

        assertThat(report.changes()).extracting(ApiChange::level, ApiChange::kind, ApiChange::location)
                .containsExactlyInAnyOrder(
                        tuple(Level.BREAKING, "property-made-optional", WALLET_BODY + ".status"),
                        tuple(Level.BREAKING, "property-made-optional", LISTED_WALLET + ".status"));
        assertThat(report.failure()).isPresent();
    }

    @Test
    void aResponsePropertysChangedTypeIsBreaking() {
        ChangeReport report = gate(edited(root -> object(root, WALLET + "/properties/balance")
                .removeAll().put("type", "string")));

        assertThat(report.breaking()).extracting(ApiChange::kind, ApiChange::location, ApiChange::message)
                .contains(tuple("type-changed", WALLET_BODY + ".balance", "type number became string"));
        assertThat(report.failure()).isPresent();
    }

    @Test
    void aNewRequiredQueryParameterIsBreaking() {
        ChangeReport report = gate(edited(root -> object(root, "/paths/~1v2~1balance/get").putArray("parameters")
                .addObject().put("name", "currency").put("in", "query").put("required", true)
                .putObject("schema").put("type", "string")));

        assertThat(report.changes()).extracting(ApiChange::level, ApiChange::kind, ApiChange::location)
                .containsExactly(tuple(Level.BREAKING, "required-parameter-added", GET_BALANCE + " > query parameter currency"));
        assertThat(report.failure()).isPresent();
    }

    @Test
    void aNewOptionalQueryParameterIsCompatible() {
        ChangeReport report = gate(edited(root -> object(root, "/paths/~1v2~1balance/get").putArray("parameters")
                .addObject().put("name", "currency").put("in", "query")
                .putObject("schema").put("type", "string")));

        assertThat(report.changes()).extracting(ApiChange::level, ApiChange::kind)
                .containsExactly(tuple(Level.COMPATIBLE, "parameter-added"));
        assertThat(report.failure()).isEmpty();
    }

    @Test
    void aChangedSecuritySchemeIsBreaking() {
        ChangeReport report = gate(edited(root -> object(root, "/components/securitySchemes/bearerAuth")
                .put("type", "apiKey").put("in", "header").put("name", "X-API-Key")
                .without(List.of("scheme", "bearerFormat"))));

        assertThat(report.changes()).extracting(ApiChange::level, ApiChange::kind)
                .isNotEmpty().containsOnly(tuple(Level.BREAKING, "security-scheme-changed"));
        assertThat(report.changes()).extracting(ApiChange::location, ApiChange::message)
                .contains(tuple(GET_BALANCE + " > security [bearerAuth]", "type http became apiKey"),
                        tuple(GET_WALLET + " > security [bearerAuth]", "type http became apiKey"),
                        tuple(GET_WALLET + " > security [bearerAuth]", "in (none) became header"));
        assertThat(report.failure()).isPresent();
    }

    @Test
    void droppingTheDocumentWideSecurityIsBreaking() {
        ChangeReport report = gate(edited(root -> ((ObjectNode) root).remove("security")));

        assertThat(report.changes()).extracting(ApiChange::level, ApiChange::kind, ApiChange::location)
                .containsExactlyInAnyOrder(
                        tuple(Level.BREAKING, "security-requirement-removed", GET_BALANCE + " > security [bearerAuth]"),
                        tuple(Level.BREAKING, "security-requirement-removed", GET_WALLET + " > security [bearerAuth]"));
        assertThat(report.failure()).isPresent();
    }

    // Own rule: x-required-permissions is invisible to openapi-diff-core.
    @Test
    void aNewRequiredPermissionIsBreakingAndADroppedOneCompatible() {
        ChangeReport added = gate(edited(root -> array(root, "/paths/~1v2~1balance/get/x-required-permissions")
                .add("balances.read")));
        ChangeReport dropped = gate(edited(root -> array(root, "/paths/~1v2~1balance/get/x-required-permissions")
                .removeAll()));

        assertThat(added.changes()).extracting(ApiChange::level, ApiChange::kind, ApiChange::message)
                .containsExactly(tuple(Level.BREAKING, "permission-required", "keys now need the permission balances.read"));
        assertThat(dropped.changes()).extracting(ApiChange::level, ApiChange::kind)
                .containsExactly(tuple(Level.COMPATIBLE, "permission-no-longer-required"));
    }

    @Test
    void aRenamedPropertyIsARemovalAndAnAddition() {
        ChangeReport report = gate(edited(root -> {
            ObjectNode properties = object(root, WALLET + "/properties");
            properties.set("state", properties.remove("status"));
            unrequire(root, WALLET, "status");
            array(root, WALLET + "/required").add("state");
        }));

        assertThat(report.changes()).extracting(ApiChange::level, ApiChange::kind, ApiChange::location)
                .contains(tuple(Level.BREAKING, "property-removed", WALLET_BODY + ".status"),
                        tuple(Level.COMPATIBLE, "property-added", WALLET_BODY + ".state"));
        assertThat(report.failure()).isPresent();
    }

    // Own rule: openapi-diff-core calls a new response enum value incompatible, outright.
    @Test
    void aValueAddedToAResponseEnumIsPotentiallyBreaking() {
        ChangeReport report = gate(edited(root -> array(root, WALLET + "/properties/status/enum").add("frozen")));

        assertThat(report.changes()).extracting(ApiChange::level, ApiChange::kind, ApiChange::location, ApiChange::message)
                .containsExactlyInAnyOrder(
                        tuple(Level.POTENTIALLY_BREAKING, "enum-value-added", WALLET_BODY + ".status", "enum value frozen added"),
                        tuple(Level.POTENTIALLY_BREAKING, "enum-value-added", LISTED_WALLET + ".status", "enum value frozen added"));
        assertThat(report.failure()).isEmpty();
    }

    @Test
    void aValueRemovedFromAResponseEnumIsCompatible() {
        ChangeReport report = gate(edited(root -> array(root, WALLET + "/properties/status/enum").remove(1)));

        assertThat(report.changes()).extracting(ApiChange::level, ApiChange::kind)
                .containsOnly(tuple(Level.COMPATIBLE, "enum-value-removed"));
    }

    @Test
    void aNewOptionalResponsePropertyIsCompatible() {
        ChangeReport report = gate(edited(root -> object(root, WALLET + "/properties")
                .putObject(NEW_PROPERTY).put("type", "string")));

        assertThat(report.changes()).extracting(ApiChange::level, ApiChange::kind, ApiChange::location)
                .containsExactlyInAnyOrder(
                        tuple(Level.COMPATIBLE, "property-added", WALLET_BODY + "." + NEW_PROPERTY),
                        tuple(Level.COMPATIBLE, "property-added", LISTED_WALLET + "." + NEW_PROPERTY));
        assertThat(report.failure()).isEmpty();
    }

    @Test
    void aNewOperationIsCompatible() {
        ChangeReport report = gate(edited(root -> {
            ObjectNode get = object(root, "/paths").putObject("/v2/balance/{wallet_id}/history").putObject("get");
            get.put("operationId", "getWalletHistory");
            get.putArray("parameters").addObject().put("$ref", "#/components/parameters/WalletId");
            get.putObject("responses").putObject("404").put("$ref", "#/components/responses/WalletNotFound");
        }));

        assertThat(report.changes()).extracting(ApiChange::level, ApiChange::kind, ApiChange::location)
                .contains(tuple(Level.COMPATIBLE, "operation-added", "GET /v2/balance/{wallet_id}/history"));
        assertThat(report.changes()).extracting(ApiChange::level).containsOnly(Level.COMPATIBLE);
        assertThat(report.failure()).isEmpty();
    }

    @Test
    void aDescriptionOnlyEditBreaksNothing() {
        ChangeReport report = gate(edited(root -> {
            object(root, WALLET).put("description", "One wallet, described in other words.");
            object(root, "/paths/~1v2~1balance/get").put("description", "All balances, described in other words.");
        }));

        assertThat(report.changes()).isNotEmpty().extracting(ApiChange::level, ApiChange::kind)
                .containsOnly(tuple(Level.COMPATIBLE, "description-changed"));
        assertThat(report.changes()).extracting(ApiChange::location).contains(GET_BALANCE, WALLET_BODY);
        assertThat(report.failure()).isEmpty();
    }

    // Own rule: swagger-parser reads 1250.50 as 1250.5, so openapi-diff-core cannot see a scale change.
    @Test
    void aChangedExampleValueIsReportedWithItsScale() {
        ChangeReport report = gate(edited(root -> object(root, "/components/examples/AcmeBalance/value/data/available_balance")
                .set("amount", DecimalNode.valueOf(new BigDecimal("1250.5")))));

        assertThat(report.changes()).extracting(ApiChange::level, ApiChange::kind, ApiChange::location, ApiChange::message)
                .containsExactly(tuple(Level.POTENTIALLY_BREAKING, "example-changed",
                        GET_BALANCE + " > 200 > application/json > example acme_balance",
                        "example changed at /value/data/available_balance/amount: 1250.50 became 1250.5"));
        assertThat(report.failure()).isEmpty();
        assertThat(report.markdown()).contains("## Examples (1)\n\n- *potentially-breaking* `" + GET_BALANCE);
    }

    @Test
    void anExampleThatProducesItWithAnotherKeyIsChanged() {
        ChangeReport report = gate(edited(root -> object(root, "/components/examples/ExpiredApiKey")
                .put("x-sandbox-api-key", "ce_live_SandboxAcmeRevokedKey00000000003")));

        assertThat(report.changes()).extracting(ApiChange::level, ApiChange::kind).isNotEmpty()
                .containsOnly(tuple(Level.POTENTIALLY_BREAKING, "example-changed"));
    }

    @Test
    void anExampleSummaryIsProse() {
        ChangeReport report = gate(edited(root -> object(root, "/components/examples/GhsWallet").put("summary", "reworded")));

        assertThat(report.changes()).isEmpty();
    }

    @Test
    void anAddedExampleIsCompatibleAndARemovedOnePotentiallyBreaking() {
        ChangeReport added = gate(edited(root -> object(root, "/components/parameters/WalletId/examples")
                .putObject("kes_wallet").put("value", "wal_kes_001")));
        ChangeReport removed = gate(edited(root -> object(root, "/paths/~1v2~1balance~1{wallet_id}/get/responses/200/content/application~1json/examples")
                .remove("global_wallet")));

        assertThat(added.changes()).extracting(ApiChange::level, ApiChange::kind, ApiChange::location)
                .containsExactly(tuple(Level.COMPATIBLE, "example-added", GET_WALLET + " > path parameter wallet_id > example kes_wallet"));
        assertThat(removed.changes()).extracting(ApiChange::level, ApiChange::kind, ApiChange::location)
                .containsExactly(tuple(Level.POTENTIALLY_BREAKING, "example-removed",
                        GET_WALLET + " > 200 > application/json > example global_wallet"));
        assertThat(removed.failure()).isEmpty();
    }

    @Test
    void aBreakingChangeWithANewMajorVersionPasses() {
        ChangeReport report = gate(edited(root -> {
            object(root, "/paths").remove("/v2/balance/{wallet_id}");
            object(root, "/info").put("version", NEXT_MAJOR);
        }));

        assertThat(report.breaking()).isNotEmpty();
        assertThat(report.failure()).isEmpty();
        assertThat(report.markdown()).contains("**Verdict: passes.** The breaking changes come with a new major version.");
    }

    @Test
    void aMinorBumpIsNotEnoughForABreakingChange() {
        ChangeReport report = gate(edited(root -> {
            object(root, "/paths").remove("/v2/balance/{wallet_id}");
            object(root, "/info").put("version", NEXT_MINOR);
        }));

        assertThat(report.failure()).hasValueSatisfying(why -> assertThat(why).contains("info.version is " + NEXT_MINOR));
    }

    @Test
    void theSameSpecWrittenOtherwiseHasNoChangesAtAll() throws IOException {
        // JSON instead of YAML, every object's keys in reverse order: the same document.
        String json = BalanceSpec.EXACT_JSON.writeValueAsString(reversed(REAL.raw()));
        assertThat(json).doesNotContain("balance.yaml").contains("\"amount\":1250.50");

        ChangeReport report = gate(BalanceSpec.parse(json));

        assertThat(report.changes()).isEmpty();
        assertThat(report.json()).contains("\"changes\" : [ ]");
        assertThat(report.failure()).isEmpty();
    }

    @Test
    void theIdenticalSpecHasNoChanges() {
        assertThat(gate(REAL, BalanceSpec.parse(REAL.text())).changes()).isEmpty();
    }

    private static JsonNode reversed(JsonNode node) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                fields.add(it.next());
            }
            ObjectNode copy = BalanceSpec.EXACT_JSON.createObjectNode();
            for (int i = fields.size() - 1; i >= 0; i--) {
                copy.set(fields.get(i).getKey(), reversed(fields.get(i).getValue()));
            }
            return copy;
        }
        if (node.isArray()) {
            var copy = BalanceSpec.EXACT_JSON.createArrayNode();
            node.forEach(item -> copy.add(reversed(item)));
            return copy;
        }
        return node;
    }
}
