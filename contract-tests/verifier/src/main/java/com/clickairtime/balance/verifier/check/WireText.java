package com.clickairtime.balance.verifier.check;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * JSON compared as its text says it: a parsed tree with Jackson's defaults would see
 * {@code 1250.5} and {@code 1250.50} as the same number. {@link BalanceSpec#EXACT_JSON} keeps
 * each decimal's written scale and the field order it read.
 */
public final class WireText {

    private WireText() {
    }

    /** The body read exactly, or empty when it is not JSON. */
    public static Optional<JsonNode> read(String body) {
        try {
            return Optional.ofNullable(BalanceSpec.EXACT_JSON.readTree(body)).filter(node -> !node.isMissingNode());
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** A body rewritten without {@code meta}: its values differ on every response and are matched by pattern. */
    public static String withoutMeta(JsonNode body) {
        if (!body.isObject()) {
            return asWritten(body);
        }
        ObjectNode copy = body.deepCopy();
        copy.remove("meta");
        return asWritten(copy);
    }

    /** A tree as its text said it: fields in order, each number with its written scale. */
    public static String asWritten(JsonNode body) {
        try {
            return BalanceSpec.EXACT_JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Tree equality that tells {@code 1250.5} from {@code 1250.50}, for values that have no wire
     * order, such as an SDK's models turned back into a tree.
     */
    public static boolean sameValues(JsonNode actual, JsonNode expected) {
        return actual.equals((a, b) -> a.isNumber() && b.isNumber()
                ? (a.decimalValue().equals(b.decimalValue()) ? 0 : 1)
                : (a.equals(b) ? 0 : 1), expected);
    }
}
