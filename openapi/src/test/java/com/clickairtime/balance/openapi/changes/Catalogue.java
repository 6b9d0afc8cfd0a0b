package com.clickairtime.balance.openapi.changes;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static com.clickairtime.balance.openapi.changes.EditedSpec.REAL;
import static com.clickairtime.balance.openapi.changes.EditedSpec.array;
import static com.clickairtime.balance.openapi.changes.EditedSpec.edited;
import static com.clickairtime.balance.openapi.changes.EditedSpec.object;
import static com.clickairtime.balance.openapi.changes.EditedSpec.unrequire;
import static com.clickairtime.balance.openapi.changes.Level.BREAKING;
import static com.clickairtime.balance.openapi.changes.Level.COMPATIBLE;
import static com.clickairtime.balance.openapi.changes.Level.POTENTIALLY_BREAKING;

/**
 * The catalogue of changes: each an edit of the frozen fixture spec ({@code specs/balance-1.0.0.yaml}),
 * with the kind the gate must name, its expected level for clients and for implementers (the worst
 * over everything the edit changes), and what optic 1.0.9 says of it. Where optic calls an edit
 * breaking and the gate breaks no audience, the entry says why in one sentence.
 * {@code ChangeCatalogueTest} checks the gate, {@code OpticCatalogueTest} optic, and
 * {@code CatalogueTableTest} the table of docs/changing-the-api.md, which is written from this list.
 */
final class Catalogue {

    static final String WALLET = "/components/schemas/Wallet";
    static final String GET_BALANCE = "/paths/~1v2~1balance/get";
    static final String GET_WALLET = "/paths/~1v2~1balance~1{wallet_id}/get";
    static final String WALLET_ID = "/components/parameters/WalletId";
    static final String BEARER = "/components/securitySchemes/bearerAuth";
    static final String OK_EXAMPLES = GET_WALLET + "/responses/200/content/application~1json/examples";

    /**
     * One entry.
     *
     * @param change       what the edit does, as the table of docs/changing-the-api.md says it
     * @param baseline     the spec compared with (the fixture, or the fixture edited first)
     * @param current      the edited spec
     * @param kind         a kind the gate must report; null when it must report nothing at all
     * @param clients      the worst level for clients
     * @param implementers the worst level for implementers
     * @param opticBreaking whether optic's breaking-change check fails on it
     * @param whyNot       why the gate breaks no audience where optic says breaking; else null
     */
    record Entry(String change, BalanceSpec baseline, BalanceSpec current, String kind, Level clients, Level implementers,
                 boolean opticBreaking, String whyNot) {

        @Override
        public String toString() {
            return change;
        }
    }

    private static final List<Entry> ENTRIES = new ArrayList<>();

    static List<Entry> entries() {
        if (ENTRIES.isEmpty()) {
            build();
        }
        return ENTRIES;
    }

    private static void entry(String change, Consumer<ObjectNode> edit, String kind, Level clients, Level implementers,
                              boolean optic) {
        ENTRIES.add(new Entry(change, REAL, edited(edit), kind, clients, implementers, optic, null));
    }

    private static void entry(String change, BalanceSpec baseline, BalanceSpec current, String kind, Level clients,
                              Level implementers, boolean optic) {
        ENTRIES.add(new Entry(change, baseline, current, kind, clients, implementers, optic, null));
    }

    private static void whyNot(String change, Consumer<ObjectNode> edit, String kind, Level clients, Level implementers,
                               String why) {
        ENTRIES.add(new Entry(change, REAL, edited(edit), kind, clients, implementers, true, why));
    }

    private static void build() {
        // Operations
        entry("operation removed", root -> object(root, "/paths").remove("/v2/balance/{wallet_id}"),
                "operation-removed", BREAKING, BREAKING, true);
        entry("path moved, same `operationId`", root -> {
            ObjectNode paths = object(root, "/paths");
            paths.set("/v2/balances", paths.remove("/v2/balance"));
        }, "operation-moved", BREAKING, BREAKING, true);
        entry("`operationId` renamed", root -> object(root, GET_BALANCE).put("operationId", "listBalances"),
                "operation-id-changed", BREAKING, BREAKING, false);
        entry("new operation", root -> {
            ObjectNode get = object(root, "/paths").putObject("/v2/balance/{wallet_id}/history").putObject("get");
            get.put("operationId", "getWalletHistory").putArray("x-required-permissions").add("wallets.read");
            get.putArray("parameters").addObject().put("$ref", "#/components/parameters/WalletId");
            get.putObject("responses").putObject("404").put("$ref", "#/components/responses/WalletNotFound");
        }, "operation-added", COMPATIBLE, BREAKING, false);
        entry("operation deprecated", root -> object(root, GET_BALANCE).put("deprecated", true),
                "operation-deprecated", COMPATIBLE, COMPATIBLE, false);

        // Parameters
        entry("new optional query parameter", root -> object(root, GET_BALANCE).putArray("parameters").addObject()
                .put("name", "currency").put("in", "query").putObject("schema").put("type", "string"),
                "parameter-added", COMPATIBLE, BREAKING, false);
        entry("new required query parameter", root -> object(root, GET_BALANCE).putArray("parameters").addObject()
                .put("name", "currency").put("in", "query").put("required", true).putObject("schema").put("type", "string"),
                "required-parameter-added", BREAKING, BREAKING, true);
        entry("path parameter narrowed (`pattern` added)", root -> object(root, WALLET_ID + "/schema")
                .put("pattern", "^wal_[a-z]+_[0-9]{3}$"), "pattern-changed", BREAKING, COMPATIBLE, false);
        entry("path parameter widened (`minLength` removed)", root -> object(root, WALLET_ID + "/schema").remove("minLength"),
                "min-length-changed", COMPATIBLE, BREAKING, false);
        entry("path parameter's `maxLength` added", root -> object(root, WALLET_ID + "/schema").put("maxLength", 64),
                "max-length-changed", BREAKING, COMPATIBLE, false);

        // Response bodies
        entry("response property removed", root -> {
            object(root, WALLET + "/properties").remove("allowed_countries");
            unrequire(root, WALLET, "allowed_countries");
        }, "property-removed", BREAKING, BREAKING, true);
        BalanceSpec withNickname = edited(root -> object(root, WALLET + "/properties").putObject("nickname").put("type", "string"));
        entry("optional response property removed", withNickname, REAL, "property-removed", BREAKING, BREAKING, true);
        entry("new optional response property", REAL, withNickname, "property-added", COMPATIBLE, COMPATIBLE, false);
        entry("new required response property", root -> {
            object(root, WALLET + "/properties").putObject("nickname").put("type", "string");
            array(root, WALLET + "/required").add("nickname");
        }, "required-property-added", COMPATIBLE, BREAKING, false);
        entry("response property made optional", root -> unrequire(root, WALLET, "status"),
                "property-made-optional", BREAKING, COMPATIBLE, true);
        entry("response property's type changed", root -> object(root, WALLET + "/properties/balance").removeAll().put("type", "string"),
                "type-changed", BREAKING, BREAKING, true);
        entry("response property renamed", root -> {
            ObjectNode properties = object(root, WALLET + "/properties");
            properties.set("state", properties.remove("status"));
            unrequire(root, WALLET, "status");
            array(root, WALLET + "/required").add("state");
        }, "property-removed", BREAKING, BREAKING, true);
        entry("response property made `nullable`", root -> object(root, "/components/schemas/Amount").put("nullable", true),
                "nullable-changed", BREAKING, COMPATIBLE, true);
        entry("response property's `format` added (`uuid`)", root -> object(root, WALLET + "/properties/id").put("format", "uuid"),
                "format-changed", BREAKING, BREAKING, false);
        whyNot("value added to a response enum", root -> array(root, WALLET + "/properties/status/enum").add("frozen"),
                "enum-value-added", POTENTIALLY_BREAKING, COMPATIBLE, "The spec tells clients to expect new values and the"
                        + " kit's SDKs read a value they do not know without error, so only strict clients of their own may"
                        + " break: potentially breaking for clients, and implementers may simply never send it.");
        entry("value removed from a response enum", root -> array(root, WALLET + "/properties/status/enum").remove(1),
                "enum-value-removed", COMPATIBLE, BREAKING, false);
        entry("response array's `minItems` removed", root -> object(root, WALLET + "/properties/allowed_countries").remove("minItems"),
                "min-items-changed", BREAKING, COMPATIBLE, false);
        entry("response array's `maxItems` added", root -> object(root, WALLET + "/properties/allowed_countries").put("maxItems", 10),
                "max-items-changed", COMPATIBLE, BREAKING, false);
        entry("response string's `maxLength` added", root -> object(root, WALLET + "/properties/id").put("maxLength", 32),
                "max-length-changed", COMPATIBLE, BREAKING, false);
        entry("response enum moved to a named schema", root -> {
            ObjectNode type = object(root, WALLET + "/properties/type");
            object(root, "/components/schemas").set("WalletType", type.deepCopy());
            type.removeAll();
            type.put("$ref", "#/components/schemas/WalletType");
        }, "generated-type-renamed", BREAKING, BREAKING, false);
        entry("response `pattern` narrowed", root -> object(root, "/components/schemas/Meta/properties/request_id")
                .put("pattern", "^req_[a-z]{12}$"), "pattern-changed", COMPATIBLE, BREAKING, false);
        entry("response `pattern` widened", root -> object(root, "/components/schemas/CurrencyCode")
                .put("pattern", "^[A-Z]{3,4}$"), "pattern-changed", BREAKING, COMPATIBLE, false);
        entry("`x-varies-per-request` removed", root -> object(root, "/components/schemas/Meta").remove("x-varies-per-request"),
                "varies-per-request-changed", COMPATIBLE, BREAKING, false);

        // Response statuses and headers
        entry("response removed", root -> object(root, GET_WALLET + "/responses").remove("404"),
                "response-removed", POTENTIALLY_BREAKING, BREAKING, true);
        entry("new response status without examples", root -> object(root, GET_BALANCE + "/responses").putObject("400")
                .put("description", "Bad request."), "response-added", COMPATIBLE, COMPATIBLE, false);
        entry("new documented error status with a new code (423 `WALLET_LOCKED`)", root -> {
            object(root, WALLET_ID + "/examples").putObject("locked_wallet")
                    .put("summary", "A wallet of the account that is locked").put("value", "wal_locked_001");
            ObjectNode locked = object(root, GET_WALLET + "/responses").putObject("423").put("description", "The wallet is locked.");
            ObjectNode json = locked.putObject("content").putObject("application/json");
            json.putObject("schema").put("$ref", "#/components/schemas/ErrorResponse");
            json.putObject("examples").putObject("locked_wallet")
                    .set("value", errorBody("WALLET_LOCKED", "This wallet is locked.", "req_l0ck3dw4ll3t"));
        }, "error-code-added", POTENTIALLY_BREAKING, BREAKING, false);
        // GET /v2/balance's 403 documented only the missing permission; GET /v2/balance/{wallet_id} the allow-list too.
        BalanceSpec listWithoutAllowList = edited(root -> {
            ObjectNode forbidden = object(root, "/components/responses/Forbidden").deepCopy();
            object(forbidden, "/content/application~1json/examples").remove("ip_not_allowed");
            object(root, GET_BALANCE + "/responses").set("403", forbidden);
        });
        entry("existing error code newly documented on another operation (`IP_NOT_ALLOWED`)", listWithoutAllowList, REAL,
                "error-code-added", POTENTIALLY_BREAKING, BREAKING, false);
        entry("error code no longer documented on an operation (`IP_NOT_ALLOWED`)", REAL, listWithoutAllowList,
                "error-code-removed", POTENTIALLY_BREAKING, POTENTIALLY_BREAKING, false);
        entry("documented error moved to another status (404 to 410)", root -> {
            ObjectNode responses = object(root, GET_WALLET + "/responses");
            responses.set("410", responses.remove("404"));
        }, "error-status-changed", BREAKING, BREAKING, true);
        entry("response header `int32` to `int64`", root -> object(root, "/components/headers/X-RateLimit-Limit/schema")
                .put("format", "int64"), "format-changed", BREAKING, BREAKING, false);
        entry("response header's `maximum` added", root -> object(root, "/components/headers/X-RateLimit-Remaining/schema")
                .put("maximum", 300), "maximum-changed", COMPATIBLE, BREAKING, false);
        entry("response header removed", root -> object(root, GET_BALANCE + "/responses/200/headers").remove("X-RateLimit-Reset"),
                "response-header-removed", BREAKING, COMPATIBLE, false);
        entry("response header made optional", root -> object(root, "/components/headers/X-RateLimit-Limit").put("required", false),
                "response-header-made-optional", BREAKING, COMPATIBLE, false);
        entry("new required response header", root -> object(root, GET_BALANCE + "/responses/200/headers")
                .putObject("X-Request-Id").put("required", true).putObject("schema").put("type", "string"),
                "response-header-added", COMPATIBLE, BREAKING, false);

        // Security and the extensions the kit derives from
        entry("security scheme changed (bearer to API key header)", root -> object(root, BEARER)
                .put("type", "apiKey").put("in", "header").put("name", "X-API-Key")
                .without(List.of("scheme", "bearerFormat")), "security-scheme-changed", BREAKING, BREAKING, false);
        entry("document-wide `security` dropped", root -> root.remove("security"),
                "security-made-optional", COMPATIBLE, BREAKING, false);
        entry("security made optional (`- {}` added)", root -> ((com.fasterxml.jackson.databind.node.ArrayNode) root.get("security"))
                .addObject(), "security-made-optional", COMPATIBLE, BREAKING, false);
        entry("`x-key-pattern` narrowed", root -> object(root, BEARER).put("x-key-pattern", "^ce_live_[a-z0-9]{32}$"),
                "key-pattern-changed", BREAKING, COMPATIBLE, false);
        entry("`x-key-pattern` widened", root -> object(root, BEARER).put("x-key-pattern", "^ce_(live|test)_[A-Za-z0-9]{32}$"),
                "key-pattern-changed", COMPATIBLE, BREAKING, false);
        entry("default `x-sandbox-api-key` changed", root -> object(root, BEARER)
                .put("x-sandbox-api-key", "ce_live_SandboxAcmeWalletsRead0000000099"),
                "sandbox-key-changed", POTENTIALLY_BREAKING, POTENTIALLY_BREAKING, false);
        entry("default `x-provider-state` named", root -> object(root, BEARER)
                .put("x-provider-state", "account with documented wallets"),
                "provider-state-changed", COMPATIBLE, BREAKING, false);
        entry("permission added to `x-required-permissions`", root -> array(root, GET_BALANCE + "/x-required-permissions")
                .add("balances.read"), "permission-required", BREAKING, BREAKING, false);
        entry("permission dropped from `x-required-permissions`", root -> array(root, GET_BALANCE + "/x-required-permissions")
                .removeAll(), "permission-no-longer-required", COMPATIBLE, BREAKING, false);
        entry("generic error code added to `x-generic-errors`", root -> object(root, "/components/x-generic-errors")
                .putObject("PAYLOAD_TOO_LARGE").put("status", 413).put("message", "The request is too large."),
                "error-code-added", POTENTIALLY_BREAKING, BREAKING, false);
        entry("generic error message reworded", root -> object(root, "/components/x-generic-errors/NOT_FOUND")
                .put("message", "Nothing lives here."), "error-message-changed", COMPATIBLE, POTENTIALLY_BREAKING, false);
        entry("an extension the kit does not read", root -> object(root, GET_BALANCE).put("x-internal-owner", "wallets-team"),
                "extension-changed", COMPATIBLE, COMPATIBLE, false);

        // Servers and documentation
        entry("`servers[0].url` changed", root -> object(root, "/servers/0").put("url", "https://api.clickairtime.io"),
                "server-url-changed", BREAKING, COMPATIBLE, false);
        entry("server added", root -> array(root, "/servers").addObject().put("url", "https://eu.api.clickairtime.com"),
                "server-added", COMPATIBLE, COMPATIBLE, false);
        entry("description-only edit", root -> {
            object(root, WALLET).put("description", "One wallet, described in other words.");
            object(root, GET_BALANCE).put("description", "All balances, described in other words.");
        }, "description-changed", COMPATIBLE, COMPATIBLE, false);
        entry("`info.description` edited", root -> object(root, "/info").put("description", "Shorter."),
                "info-changed", COMPATIBLE, COMPATIBLE, false);

        // Examples: the contracts and the stubs
        entry("example value changed (`1250.50` to `1250.5`)", root -> object(root, "/components/examples/AcmeBalance/value/data/available_balance")
                .set("amount", DecimalNode.valueOf(new BigDecimal("1250.5"))), "example-changed", POTENTIALLY_BREAKING,
                POTENTIALLY_BREAKING, false);
        entry("example produced by another demo key", root -> object(root, "/components/examples/ExpiredApiKey")
                .put("x-sandbox-api-key", "ce_live_SandboxAcmeRevokedKey00000000003"), "example-changed",
                POTENTIALLY_BREAKING, POTENTIALLY_BREAKING, false);
        entry("`x-answers-any` dropped from an example", root -> object(root, "/components/examples/WalletNotFound")
                .remove("x-answers-any"), "example-changed", POTENTIALLY_BREAKING, POTENTIALLY_BREAKING, false);
        entry("named example added", root -> object(root, WALLET_ID + "/examples").putObject("kes_wallet").put("value", "wal_kes_001"),
                "example-added", COMPATIBLE, POTENTIALLY_BREAKING, false);
        entry("named example removed", root -> object(root, OK_EXAMPLES).remove("global_wallet"),
                "example-removed", POTENTIALLY_BREAKING, POTENTIALLY_BREAKING, false);
        entry("example summary reworded", root -> object(root, "/components/examples/GhsWallet").put("summary", "reworded"),
                "example-prose-changed", COMPATIBLE, COMPATIBLE, false);
        entry("the same spec as JSON, keys reversed", REAL, BalanceSpec.parse(json(reversed(REAL.raw()))),
                null, COMPATIBLE, COMPATIBLE, false);
    }

    /** An error response's body, as the fixture writes them. */
    private static ObjectNode errorBody(String code, String message, String requestId) {
        ObjectNode body = BalanceSpec.EXACT_JSON.createObjectNode().put("success", false);
        body.putObject("error").put("code", code).put("message", message).putObject("details");
        body.putObject("meta").put("request_id", requestId).put("timestamp", "2024-01-15T10:30:00.000Z");
        return body;
    }

    private static String json(JsonNode tree) {
        try {
            return BalanceSpec.EXACT_JSON.writeValueAsString(tree);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static JsonNode reversed(JsonNode node) {
        if (node.isObject()) {
            List<java.util.Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            node.fields().forEachRemaining(fields::add);
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

    private Catalogue() {
    }
}
