import com.clickairtime.balance.openapi.BalanceSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One realistic edit of balance.yaml, made structurally so that it does not depend on the
 * document's wording: the journeys of issue 15, each of which must pass `./mvnw verify` with
 * the spec as the only edit (or with the one behaviour patch beside it). A change the gate calls
 * breaking raises info.version's major part, one that implementers must act on its minor part, as
 * docs/changing-the-api.md's semver rule says; the new version is computed from the document's. Usage:
 * SpecJourney <journey> <balance.yaml>; it rewrites the file in place and prints info.version.
 * Issue 24 added four: a documented error, an enum value shown on a new wallet, a required
 * property, a deprecation.
 */
public class SpecJourney {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        ObjectNode spec = (ObjectNode) BalanceSpec.EXACT_YAML.readTree(Files.readString(file));
        JsonNode before = spec.deepCopy();
        switch (args[0]) {
            case "new-operation" -> {
                newOperation(spec);
                raise(spec, 1);
            }
            case "optional-property" -> optionalProperty(spec);
            case "named-404" -> named404(spec);
            case "query-parameter" -> {
                queryParameter(spec);
                raise(spec, 1);
            }
            case "changed-balance" -> changedBalance(spec);
            case "documented-error" -> {
                documentedError(spec);
                raise(spec, 1);
            }
            case "enum-value" -> enumValue(spec);
            case "required-property" -> {
                requiredProperty(spec);
                raise(spec, 1);
            }
            case "deprecation" -> deprecation(spec);
            case "major-version" -> majorVersion(spec);
            default -> throw new IllegalArgumentException("no journey " + args[0]);
        }
        dropProviderPageClaims(before, spec);
        Files.writeString(file, BalanceSpec.EXACT_YAML.writeValueAsString(spec));
        System.out.println(spec.at("/info/version").asText());
    }

    /** An example the edit changed is no longer the provider's page, so its summary stops saying so. */
    static void dropProviderPageClaims(JsonNode before, ObjectNode spec) {
        spec.at("/components/examples").fields().forEachRemaining(example -> {
            JsonNode was = before.at("/components/examples").path(example.getKey()).path("value");
            if (!was.equals(example.getValue().path("value")) && example.getValue().has("summary")) {
                ((ObjectNode) example.getValue()).put("summary", example.getValue().get("summary").asText()
                        .replaceAll(",? (exactly )?as on the provider's page", ""));
            }
        });
    }

    /** The next version: part 0 (major) or 1 (minor) raised, the parts after it zero. */
    static void raise(ObjectNode spec, int part) {
        String[] parts = spec.at("/info/version").asText().split("\\.");
        StringBuilder next = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            int value = i < part ? Integer.parseInt(parts[i]) : i == part ? Integer.parseInt(parts[i]) + 1 : 0;
            next.append(i == 0 ? "" : ".").append(value);
        }
        ((ObjectNode) spec.get("info")).put("version", next.toString());
    }

    /** GET /v2/balance/{wallet_id}/limits (getWalletLimits): named 200 examples and the shared 404. */
    static void newOperation(ObjectNode spec) {
        ObjectNode wallet = (ObjectNode) spec.at("/paths/~1v2~1balance~1{wallet_id}/get");
        ObjectNode operation = wallet.deepCopy();
        operation.put("operationId", "getWalletLimits");
        operation.put("summary", "Get one wallet's sending limits");
        operation.put("description", "The daily sending limit of one wallet of the account. Permission required: `wallets.read`.");
        ObjectNode ok = (ObjectNode) operation.at("/responses/200");
        ok.put("description", "The wallet's limits.");
        ObjectNode content = (ObjectNode) ok.at("/content/application~1json");
        content.putObject("schema").put("$ref", "#/components/schemas/WalletLimitsResponse");
        ObjectNode examples = content.putObject("examples");
        examples.set("ghs_wallet", limits(spec, "wal_ghs_001", "500.00", "GHS", "req_l1m2t3g4h5s6"));
        examples.set("global_wallet", limits(spec, "wal_global_001", "250.00", "USD", "req_l1m2t3u4s5d6"));
        ((ObjectNode) spec.get("paths")).putObject("/v2/balance/{wallet_id}/limits").set("get", operation);

        ObjectNode schemas = (ObjectNode) spec.at("/components/schemas");
        ObjectNode limits = schemas.putObject("WalletLimits");
        limits.put("type", "object").put("description", "What a wallet may send.");
        limits.putArray("required").add("wallet_id").add("daily_limit");
        ObjectNode properties = limits.putObject("properties");
        properties.putObject("wallet_id").put("type", "string").put("description", "The wallet.");
        properties.putObject("daily_limit").put("description", "The most it may send in one UTC day.")
                .putArray("allOf").addObject().put("$ref", "#/components/schemas/Money");
        ObjectNode response = schemas.get("WalletResponse").deepCopy();
        response.put("description", "Success envelope of `getWalletLimits`.");
        ((ObjectNode) response.at("/properties/data")).put("$ref", "#/components/schemas/WalletLimits");
        schemas.set("WalletLimitsResponse", response);
    }

    private static ObjectNode limits(ObjectNode spec, String wallet, String amount, String currency, String requestId) {
        ObjectNode example = BalanceSpec.EXACT_JSON.createObjectNode();
        example.put("summary", "The limits of " + wallet);
        ObjectNode value = example.putObject("value");
        value.put("success", true);
        ObjectNode data = value.putObject("data");
        data.put("wallet_id", wallet);
        data.putObject("daily_limit").put("amount", new java.math.BigDecimal(amount)).put("currency", currency);
        ObjectNode meta = value.putObject("meta");
        meta.put("request_id", requestId);
        meta.put("timestamp", "2024-01-15T10:30:00.000Z");
        return example;
    }

    /** Wallet.nickname, optional, shown for the GHS wallet wherever an example shows that wallet. */
    static void optionalProperty(ObjectNode spec) {
        ((ObjectNode) spec.at("/components/schemas/Wallet/properties")).putObject("nickname")
                .put("type", "string").put("description", "A name the account holder gave the wallet.");
        forEachGhsWallet(spec, wallet -> wallet.put("nickname", "Accra float"));
    }

    /** A named 404 pair: kes_wallet, an id that is not the account's. */
    static void named404(ObjectNode spec) {
        ((ObjectNode) spec.at("/components/parameters/WalletId/examples")).putObject("kes_wallet")
                .put("summary", "A KES wallet the account does not have").put("value", "wal_kes_404");
        ((ObjectNode) spec.at("/components/responses/WalletNotFound/content/application~1json/examples"))
                .putObject("kes_wallet").put("$ref", "#/components/examples/WalletNotFound");
    }

    /** getBalance?currency=GHS: an optional query parameter with a named example pair (ghs_only). */
    static void queryParameter(ObjectNode spec) {
        ObjectNode operation = (ObjectNode) spec.at("/paths/~1v2~1balance/get");
        ArrayNode parameters = operation.has("parameters") ? (ArrayNode) operation.get("parameters") : operation.putArray("parameters");
        ObjectNode currency = parameters.addObject();
        currency.put("name", "currency").put("in", "query").put("required", false)
                .put("description", "Only the wallets in this currency; the total is theirs alone.");
        currency.putObject("schema").put("$ref", "#/components/schemas/CurrencyCode");
        currency.putObject("examples").putObject("ghs_only").put("value", "GHS");
        ObjectNode acme = (ObjectNode) spec.at("/components/examples/AcmeBalance").deepCopy();
        acme.put("summary", "Only the GHS wallets");
        ObjectNode data = (ObjectNode) acme.at("/value/data");
        ArrayNode ghs = BalanceSpec.EXACT_JSON.createArrayNode();
        data.get("wallets").forEach(wallet -> {
            if ("GHS".equals(wallet.path("currency").asText())) {
                ghs.add(wallet);
            }
        });
        data.set("wallets", ghs);
        ((ObjectNode) data.get("available_balance")).put("amount", new java.math.BigDecimal("250.50"));
        ((ObjectNode) acme.at("/value/meta")).put("request_id", "req_g1h2s3o4n5l6");
        ((ObjectNode) operation.at("/responses/200/content/application~1json/examples")).set("ghs_only", acme);
    }

    /** The GHS wallet's balance, changed wherever an example shows it. */
    static void changedBalance(ObjectNode spec) {
        forEachGhsWallet(spec, wallet -> wallet.put("balance", new java.math.BigDecimal("3100.00")));
    }

    /**
     * GET /v2/balance/{wallet_id} documents a 423 WALLET_LOCKED for a locked wallet: the named pair
     * locked_wallet (wal_locked_001), with a code no code of the kit names. A new documented
     * error is something implementers must act on (the gate: at least a minor version).
     */
    static void documentedError(ObjectNode spec) {
        ((ObjectNode) spec.at("/components/parameters/WalletId/examples")).putObject("locked_wallet")
                .put("summary", "A wallet its owner has locked").put("value", "wal_locked_001");
        ObjectNode responses = (ObjectNode) spec.at("/paths/~1v2~1balance~1{wallet_id}/get/responses");
        ObjectNode locked = spec.at("/components/responses/WalletNotFound").deepCopy();
        locked.put("description", "The wallet is locked by its owner; unlock it in the portal.");
        ObjectNode examples = (ObjectNode) locked.at("/content/application~1json/examples");
        examples.removeAll();
        ObjectNode value = examples.putObject("locked_wallet").put("summary", "A locked wallet").putObject("value");
        value.put("success", false);
        ObjectNode error = value.putObject("error");
        error.put("code", "WALLET_LOCKED").put("message", "This wallet is locked.");
        error.putObject("details");
        value.putObject("meta").put("request_id", "req_l0ck3dw4l001").put("timestamp", "2024-01-15T10:30:00.000Z");
        responses.set("423", locked);
    }

    /**
     * WalletStatus gains "suspended", shown on a new KES wallet (wal_kes_002) in a new named pair
     * (kes_wallet) and in the account's list, whose documented total is the provider's (not what
     * the sandbox's dataset rates would compute).
     */
    static void enumValue(ObjectNode spec) {
        ((ArrayNode) spec.at("/components/schemas/WalletStatus/enum")).add("suspended");
        ObjectNode kes = BalanceSpec.EXACT_JSON.createObjectNode();
        kes.put("id", "wal_kes_002").put("currency", "KES").put("balance", new java.math.BigDecimal("1300.00"))
                .put("type", "local").put("status", "suspended");
        kes.putArray("allowed_countries").add("Kenya");
        ObjectNode list = (ObjectNode) spec.at("/components/examples/AcmeBalance/value/data");
        ((ArrayNode) list.get("wallets")).add(kes.deepCopy());
        ((ObjectNode) list.get("available_balance")).put("amount", new java.math.BigDecimal("1260.60"));
        ObjectNode one = spec.at("/components/examples/GhsWallet").deepCopy();
        one.put("summary", "A suspended KES wallet");
        ((ObjectNode) one.get("value")).set("data", kes);
        ((ObjectNode) one.at("/value/meta")).put("request_id", "req_k3s5u5p3nd01");
        ((ObjectNode) spec.at("/components/examples")).set("KesWallet", one);
        ((ObjectNode) spec.at("/components/parameters/WalletId/examples")).putObject("kes_wallet")
                .put("summary", "The account's suspended KES wallet").put("value", "wal_kes_002");
        ((ObjectNode) spec.at("/paths/~1v2~1balance~1{wallet_id}/get/responses/200/content/application~1json/examples"))
                .putObject("kes_wallet").put("$ref", "#/components/examples/KesWallet");
    }

    /** Wallet.updated_at, a required date-time, in the schema and every example wallet. */
    static void requiredProperty(ObjectNode spec) {
        ObjectNode wallet = (ObjectNode) spec.at("/components/schemas/Wallet");
        ((ObjectNode) wallet.get("properties")).putObject("updated_at").put("type", "string").put("format", "date-time")
                .put("description", "When the balance last changed, in UTC with millisecond precision.");
        ((ArrayNode) wallet.get("required")).add("updated_at");
        forEachWallet(spec, w -> w.put("updated_at", "2024-01-15T09:12:45.000Z"));
    }

    /** getWalletBalance deprecated (deprecated: true and nothing else). */
    static void deprecation(ObjectNode spec) {
        ((ObjectNode) spec.at("/paths/~1v2~1balance~1{wallet_id}/get")).put("deprecated", true);
    }

    /** The next major info.version, with Wallet.status removed from the schema and every example. */
    static void majorVersion(ObjectNode spec) {
        raise(spec, 0);
        ObjectNode wallet = (ObjectNode) spec.at("/components/schemas/Wallet");
        JsonNode status = ((ObjectNode) wallet.get("properties")).remove("status");
        // Its named schema (WalletStatus), now used nowhere, goes with it, as an author would remove it.
        String ref = status.path("$ref").asText();
        if (ref.startsWith("#/components/schemas/") && !spec.toString().contains("\"" + ref + "\"")) {
            ((ObjectNode) spec.at("/components/schemas")).remove(ref.substring("#/components/schemas/".length()));
        }
        ArrayNode required = (ArrayNode) wallet.get("required");
        for (int i = required.size() - 1; i >= 0; i--) {
            if ("status".equals(required.get(i).asText())) {
                required.remove(i);
            }
        }
        forEachWallet(spec, w -> w.remove("status"));
    }

    private static void forEachGhsWallet(ObjectNode spec, java.util.function.Consumer<ObjectNode> edit) {
        forEachWallet(spec, wallet -> {
            if ("GHS".equals(wallet.path("currency").asText())) {
                edit.accept(wallet);
            }
        });
    }

    /** Every wallet any named example shows: a wallet's data, or a summary's wallets. */
    private static void forEachWallet(ObjectNode spec, java.util.function.Consumer<ObjectNode> edit) {
        for (JsonNode example : spec.at("/components/examples")) {
            JsonNode data = example.at("/value/data");
            if (data.has("allowed_countries")) {
                edit.accept((ObjectNode) data);
            }
            for (JsonNode wallet : data.path("wallets")) {
                edit.accept((ObjectNode) wallet);
            }
        }
    }
}
