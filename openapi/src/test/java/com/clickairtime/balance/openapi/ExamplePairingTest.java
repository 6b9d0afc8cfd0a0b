package com.clickairtime.balance.openapi;

import com.clickairtime.balance.openapi.ExampleCase.Credentials.Kind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pairing, on the frozen fixtures: named examples pair up completely and unambiguously into request/response cases. */
class ExamplePairingTest {

    private static final String WALLET_EXAMPLES = "/components/parameters/WalletId/examples";

    private final Map<String, ExampleCase> cases = SpecFixture.FROZEN.cases().stream()
            .collect(Collectors.toMap(ExampleCase::contractName, Function.identity()));

    @Test
    void theRequiredCasesExist() {
        assertThat(cases).containsKeys(
                "getBalance_acme_balance",
                "getWalletBalance_ghs_wallet",
                "getWalletBalance_global_wallet",
                "getWalletBalance_wallet_not_found",
                "getWalletBalance_other_account_wallet",
                "getBalance_missing_api_key",
                "getBalance_insufficient_permissions",
                "getWalletBalance_revoked_api_key",
                "getWalletBalance_expired_api_key");
    }

    @Test
    void namesPairAParameterWithAResponse() {
        ExampleCase otherAccount = cases.get("getWalletBalance_other_account_wallet");
        assertThat(otherAccount.path()).isEqualTo("/v2/balance/wal_ngn_001");
        assertThat(otherAccount.status()).isEqualTo(404);
        assertThat(otherAccount.body().at("/error/code").asText()).isEqualTo("WALLET_NOT_FOUND");
        assertThat(cases.get("getWalletBalance_ghs_wallet").body().at("/data/id").asText()).isEqualTo("wal_ghs_001");
    }

    @Test
    void credentialsComeFromTheExample() {
        assertThat(cases.get("getBalance_acme_balance").credentials().kind()).isEqualTo(Kind.ANY_VALID_KEY);
        assertThat(cases.get("getBalance_acme_balance").credentials().apiKey())
                .isEqualTo(SpecFixture.FROZEN.raw().at("/components/securitySchemes/bearerAuth/x-sandbox-api-key").asText());
        assertThat(cases.get("getBalance_missing_api_key").credentials().authorization()).isNull();
        assertThat(cases.get("getWalletBalance_insufficient_permissions").credentials())
                .isEqualTo(new ExampleCase.Credentials(Kind.EXACT_KEY,
                        SpecFixture.FROZEN.raw().at("/components/examples/InsufficientPermissions/x-sandbox-api-key").asText()));
    }

    @Test
    void aCredentialCaseHasNoRequestExampleAndGetsTheDefaultRequest() {
        JsonNode walletExamples = SpecFixture.FROZEN.raw().at(WALLET_EXAMPLES);
        ExampleCase success = cases.get("getWalletBalance_ghs_wallet");
        for (ExampleCase credentialCase : cases.values()) {
            if (credentialCase.credentials().kind() == Kind.ANY_VALID_KEY) {
                continue;
            }
            assertThat(walletExamples.has(credentialCase.name())).as(credentialCase.contractName()).isFalse();
            if (credentialCase.operationId().equals("getWalletBalance")) {
                // The request of the operation's first 2xx example, read from the spec.
                assertThat(credentialCase.path()).as(credentialCase.contractName()).isEqualTo(success.path());
            }
        }
        assertThat(cases.values()).filteredOn(c -> c.credentials().kind() != Kind.ANY_VALID_KEY).hasSize(10);
    }

    @Test
    void aCredentialCaseWithARequestExampleIsRejected() {
        BalanceSpec broken = SpecFixture.edited(raw -> SpecFixture.object(raw, WALLET_EXAMPLES)
                .set("expired_api_key", JsonNodeFactory.instance.objectNode().put("value", "wal_ghs_001")));
        assertThatThrownBy(broken::cases).hasMessageContaining(
                "getWalletBalance: 'expired_api_key' sets x-sandbox-api-key, so it must have no request example");
    }

    @Test
    void markedExamplesAnswerEveryRequestOfTheirKind() {
        assertThat(cases.get("getWalletBalance_wallet_not_found").anyValueOf()).containsExactly("wallet_id");
        assertThat(cases.get("getWalletBalance_missing_api_key").anyValueOf()).containsExactly("wallet_id");
        assertThat(cases.get("getWalletBalance_missing_api_key").credentials())
                .isEqualTo(new ExampleCase.Credentials(Kind.NOT_WELL_FORMED, null));
        // Shared with getWalletBalance, the example names a parameter getBalance does not have.
        assertThat(cases.get("getBalance_missing_api_key").anyValueOf()).isEmpty();
        assertThat(cases.get("getWalletBalance_ghs_wallet").anyValueOf()).isEmpty();
        assertThat(cases.get("getWalletBalance_expired_api_key").anyValueOf()).isEmpty();
    }

    @Test
    void answeringAnyUnknownThingIsRejected() {
        BalanceSpec broken = SpecFixture.edited(raw -> ((ArrayNode) raw.at("/components/examples/WalletNotFound/x-answers-any"))
                .add("walletId"));
        assertThatThrownBy(broken::cases).hasMessageContaining(
                "getWalletBalance: 'wallet_not_found' answers any 'walletId', which is neither authorization nor a path parameter");
    }

    @Test
    void answeringAnyAuthorizationNeedsARequestWithoutKey() {
        BalanceSpec broken = SpecFixture.edited(raw -> SpecFixture.object(raw, "/components/examples/ExpiredApiKey")
                .set("x-answers-any", JsonNodeFactory.instance.arrayNode().add("authorization")));
        assertThatThrownBy(broken::cases).hasMessageContaining(
                "getBalance: 'expired_api_key' answers any authorization but its own request sends a key");
    }

    @Test
    void decimalsKeepTheirWrittenScale() {
        // The spec writes every amount with two decimals; swagger-parser alone would drop the trailing zeros.
        assertThat(cases.get("getBalance_acme_balance").body().at("/data/available_balance/amount").decimalValue().scale())
                .isEqualTo(2);
        assertThat(cases.get("getWalletBalance_ghs_wallet").body().at("/data/balance").decimalValue().scale())
                .isEqualTo(2);
    }

    @Test
    void requiredHeadersComeFromTheResponse() {
        assertThat(cases.get("getBalance_acme_balance").requiredHeaders().keySet())
                .containsExactly("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset");
    }

    @Test
    void aResponseExampleWithoutItsParameterIsRejected() {
        BalanceSpec broken = SpecFixture.edited(raw -> SpecFixture.object(raw, WALLET_EXAMPLES).remove("wallet_not_found"));
        assertThatThrownBy(broken::cases).hasMessageContaining(
                "getWalletBalance: response example 'wallet_not_found' (404) has no 'wallet_id' example of the same name");
    }

    @Test
    void aParameterExampleWithoutResponseIsRejected() {
        BalanceSpec broken = SpecFixture.edited(raw -> SpecFixture.object(raw, WALLET_EXAMPLES)
                .set("orphan", JsonNodeFactory.instance.objectNode().put("value", "wal_orphan_001")));
        assertThatThrownBy(broken::cases)
                .hasMessageContaining("getWalletBalance: parameter example 'orphan' has no response example of the same name");
    }

    @Test
    void aNameUsedByTwoResponsesIsRejected() {
        BalanceSpec broken = SpecFixture.edited(raw -> {
            ObjectNode notFound = SpecFixture.object(raw, "/components/responses/WalletNotFound/content/application~1json/examples");
            notFound.set("ghs_wallet", notFound.get("wallet_not_found"));
        });
        assertThatThrownBy(broken::cases)
                .hasMessageContaining("getWalletBalance: example name 'ghs_wallet' is used by more than one response");
    }

    @Test
    void aNewNamedExampleBecomesACase() {
        BalanceSpec extended = SpecFixture.edited(raw -> {
            SpecFixture.object(raw, WALLET_EXAMPLES)
                    .set("kes_wallet", JsonNodeFactory.instance.objectNode().put("value", "wal_kes_001"));
            SpecFixture.object(raw, "/components/responses/WalletNotFound/content/application~1json/examples")
                    .set("kes_wallet", JsonNodeFactory.instance.objectNode().put("$ref", "#/components/examples/WalletNotFound"));
        });
        List<String> names = extended.cases().stream().map(ExampleCase::contractName).toList();
        assertThat(names).contains("getWalletBalance_kes_wallet").hasSize(cases.size() + 1);
    }

    private static Map<String, ExampleCase> byName(BalanceSpec spec) {
        return spec.cases().stream().collect(Collectors.toMap(ExampleCase::contractName, Function.identity()));
    }

    @Test
    void queryAndHeaderExamplesPairByNameInTheDocumentsOrder() {
        Map<String, ExampleCase> parameters = byName(SpecFixture.PARAMETERS);
        ExampleCase both = parameters.get("getBalance_ghs_tagged");
        assertThat(both.queryParameters()).containsExactly(Map.entry("currency", "GHS"));
        assertThat(both.headerParameters()).containsExactly(Map.entry("X-Request-Tag", "audit"));
        assertThat(both.requestTarget()).isEqualTo("/v2/balance?currency=GHS");
        assertThat(both.body().at("/data/wallets/0/currency").asText()).isEqualTo("GHS");
        ExampleCase headerOnly = parameters.get("getBalance_tagged");
        assertThat(headerOnly.queryParameters()).isEmpty();
        assertThat(headerOnly.headerParameters()).containsExactly(Map.entry("X-Request-Tag", "audit"));
        ExampleCase bare = parameters.get("getBalance_acme_balance");
        assertThat(bare.queryParameters()).isEmpty();
        assertThat(bare.headerParameters()).isEmpty();
        assertThat(bare.requestTarget()).isEqualTo("/v2/balance");
        // A credential case is sent to the default request, the first 2xx example's: acme_balance has no parameters.
        assertThat(parameters.get("getBalance_expired_api_key").requestTarget()).isEqualTo("/v2/balance");
    }

    @Test
    void theRequestTargetFormEncodesTheQueryInTheDocumentsOrder() {
        BalanceSpec extended = SpecFixture.edited(SpecFixture.PARAMETERS, raw -> {
            ArrayNode parameters = (ArrayNode) raw.at("/paths/~1v2~1balance/get/parameters");
            ObjectNode tag = parameters.insertObject(0).put("name", "a tag").put("in", "query");
            tag.putObject("schema").put("type", "string");
            tag.putObject("examples").putObject("ghs_only").put("value", "x/y & z");
        });
        assertThat(byName(extended).get("getBalance_ghs_only").requestTarget())
                .isEqualTo("/v2/balance?a+tag=x%2Fy+%26+z&currency=GHS");
    }

    @Test
    void aResponseOf400PairsWithADeliberatelyInvalidRequest() {
        Map<String, ExampleCase> parameters = byName(SpecFixture.PARAMETERS);
        assertThat(parameters.values()).filteredOn(ExampleCase::invalidRequest)
                .extracting(ExampleCase::contractName).containsExactly("getBalance_lowercase_currency");
        assertThat(parameters.get("getBalance_lowercase_currency").requestTarget()).isEqualTo("/v2/balance?currency=ghs");
    }

    @Test
    void aQueryExampleWithoutResponseFailsWithItsName() {
        BalanceSpec broken = SpecFixture.edited(SpecFixture.PARAMETERS, raw -> SpecFixture.object(raw,
                "/paths/~1v2~1balance/get/parameters/0/examples")
                .set("kes_only", JsonNodeFactory.instance.objectNode().put("value", "KES")));
        assertThatThrownBy(broken::cases).hasMessageContaining(
                "getBalance: parameter example 'kes_only' has no response example of the same name (it names query parameter currency)");
    }

    @Test
    void aHeaderExampleWithoutResponseFailsWithItsName() {
        BalanceSpec broken = SpecFixture.edited(SpecFixture.PARAMETERS, raw -> SpecFixture.object(raw,
                "/paths/~1v2~1balance/get/parameters/1/examples")
                .set("untagged", JsonNodeFactory.instance.objectNode().put("value", "none")));
        assertThatThrownBy(broken::cases).hasMessageContaining(
                "getBalance: parameter example 'untagged' has no response example of the same name (it names header X-Request-Tag)");
    }

    @Test
    void aRequiredQueryParameterNeedsAnExampleInEveryCase() {
        BalanceSpec broken = SpecFixture.edited(SpecFixture.PARAMETERS, raw -> SpecFixture.object(raw,
                "/paths/~1v2~1balance/get/parameters/0").put("required", true));
        assertThatThrownBy(broken::cases).hasMessageContaining(
                "getBalance: response example 'tagged' (200) has no 'currency' example of the same name");
    }

    @Test
    void parametersOfThePathItemPairToo() {
        BalanceSpec moved = SpecFixture.edited(raw -> {
            ObjectNode item = SpecFixture.object(raw, "/paths/~1v2~1balance~1{wallet_id}");
            item.set("parameters", ((ObjectNode) item.get("get")).remove("parameters"));
        });
        assertThat(byName(moved).get("getWalletBalance_other_account_wallet").path()).isEqualTo("/v2/balance/wal_ngn_001");
    }

    @Test
    void authorizationIsNoHeaderParameter() {
        // OpenAPI ignores a header parameter named Authorization; so does the pairing.
        BalanceSpec withAuthorization = SpecFixture.edited(raw -> {
            ObjectNode header = ((ObjectNode) raw.at("/paths/~1v2~1balance/get")).putArray("parameters").addObject()
                    .put("name", "Authorization").put("in", "header");
            header.putObject("schema").put("type", "string");
            header.putObject("examples").putObject("orphan").put("value", "Bearer x");
        });
        assertThat(byName(withAuthorization).get("getBalance_acme_balance").headerParameters()).isEmpty();
    }
}
