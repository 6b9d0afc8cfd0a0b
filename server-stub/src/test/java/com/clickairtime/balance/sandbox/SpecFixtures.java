package com.clickairtime.balance.sandbox;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * Specs for tests of the sandbox's machinery: the live balance.yaml, copied and changed in
 * memory, never on disk. A change is a frozen fixture merged in, or an edit of the copy's tree.
 */
public final class SpecFixtures {

    private SpecFixtures() {
    }

    /** The live spec with a fixture file (test resources) merged into it, key by key. */
    public static BalanceSpec withFixture(String resource) {
        try (InputStream in = SpecFixtures.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            JsonNode fixture = BalanceSpec.EXACT_YAML.readTree(in);
            return edited(tree -> merge(tree, fixture));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The spec as it was at 2.0.0, frozen under test resources: for tests that name its examples,
     * wallets or codes, which the live spec may change at any time.
     */
    public static final BalanceSpec FROZEN = BalanceSpec.parse(resource("fixtures/balance-2.0.0.yaml"));

    /**
     * The live spec with a documented 423 {@code WALLET_LOCKED} case (fixtures/locked-wallet.yaml) on
     * every operation that takes the first path parameter of {@code components.parameters}: named
     * pairs must agree on every operation that shares the parameter, whatever operations the spec has.
     */
    public static BalanceSpec withLockedWallet() {
        JsonNode fixture = read("fixtures/locked-wallet.yaml");
        return edited(tree -> {
            String name = null;
            for (java.util.Iterator<java.util.Map.Entry<String, JsonNode>> it = tree.at("/components/parameters").fields(); it.hasNext(); ) {
                java.util.Map.Entry<String, JsonNode> parameter = it.next();
                if (name == null && "path".equals(parameter.getValue().path("in").asText())) {
                    name = parameter.getKey();
                }
            }
            if (name == null) {
                throw new IllegalStateException("the spec has no path parameter component");
            }
            ((ObjectNode) tree.at("/components/parameters/" + name + "/examples")).setAll((ObjectNode) fixture.get("parameter"));
            String ref = "#/components/parameters/" + name;
            tree.get("paths").forEach(path -> path.forEach(operation -> {
                boolean takesIt = false;
                for (JsonNode parameter : operation.path("parameters")) {
                    takesIt |= ref.equals(parameter.path("$ref").asText());
                }
                if (takesIt) {
                    ((ObjectNode) operation.get("responses")).set(fixture.get("status").asText(), fixture.get("response").deepCopy());
                }
            }));
        });
    }

    private static JsonNode read(String resource) {
        try {
            return BalanceSpec.EXACT_YAML.readTree(resource(resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The live spec after an edit of a copy of its tree. */
    public static BalanceSpec edited(Consumer<ObjectNode> edit) {
        return edited(SandboxTestSupport.SPEC, edit);
    }

    /** The frozen spec ({@link #FROZEN}) after an edit of a copy of its tree. */
    public static BalanceSpec frozenEdited(Consumer<ObjectNode> edit) {
        return edited(FROZEN, edit);
    }

    private static String resource(String name) {
        try (InputStream in = SpecFixtures.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BalanceSpec edited(BalanceSpec spec, Consumer<ObjectNode> edit) {
        ObjectNode copy = spec.raw().deepCopy();
        edit.accept(copy);
        try {
            return BalanceSpec.parse(BalanceSpec.EXACT_YAML.writeValueAsString(copy));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void merge(JsonNode target, JsonNode addition) {
        addition.fields().forEachRemaining(field -> {
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode && field.getValue().isObject()) {
                merge(existing, field.getValue());
            } else {
                ((ObjectNode) target).set(field.getKey(), field.getValue());
            }
        });
    }
}
