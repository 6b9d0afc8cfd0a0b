package com.clickairtime.balance.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The specs under test. {@link #SPEC} is the live {@code balance.yaml}: only checks that hold for
 * any honest version of it may read it. The kit's machinery (pairing, converter, gate) is tested
 * on frozen fixtures under {@code src/test/resources/specs}, which never change with the API:
 * {@link #FROZEN} is the live spec as of 1.0.0, {@link #PARAMETERS} adds query and header
 * parameters and a deliberately invalid request to it.
 */
public final class SpecFixture {

    public static final BalanceSpec SPEC = BalanceSpec.load();
    public static final BalanceSpec FROZEN = fixture("balance-1.0.0");
    public static final BalanceSpec PARAMETERS = fixture("parameters");

    private SpecFixture() {
    }

    /** A frozen spec of {@code src/test/resources/specs}, by file name without {@code .yaml}. */
    public static BalanceSpec fixture(String name) {
        String resource = "specs/" + name + ".yaml";
        try (InputStream in = SpecFixture.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            return BalanceSpec.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of the frozen spec with one edit applied to its raw tree. */
    public static BalanceSpec edited(Consumer<ObjectNode> edit) {
        return edited(FROZEN, edit);
    }

    /** A copy of any spec with one edit applied to its raw tree. */
    public static BalanceSpec edited(BalanceSpec spec, Consumer<ObjectNode> edit) {
        ObjectNode copy = spec.raw().deepCopy();
        edit.accept(copy);
        return parse(copy);
    }

    /** A spec written out from a tree, and read back as the build reads balance.yaml. */
    public static BalanceSpec parse(JsonNode tree) {
        try {
            return BalanceSpec.parse(BalanceSpec.EXACT_YAML.writeValueAsString(tree));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode object(JsonNode root, String pointer) {
        JsonNode node = root.at(pointer);
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalArgumentException("no object at " + pointer);
        }
        return object;
    }
}
