package com.clickairtime.balance.contract;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.clickairtime.balance.openapi.ExampleCase;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly what a documented case promises on the wire, compared as text: a parsed tree would
 * see {@code 1250.5} and {@code 1250.50} as the same number.
 *
 * <ul>
 *   <li>The body, apart from {@code meta} (its fields vary per request and are matched by their
 *       patterns), is the example's: the same fields in the same order, the same values, each
 *       number with the same written scale.</li>
 *   <li>{@code Content-Type} is the example's media type, exactly.</li>
 *   <li>Each required header is valid against its schema, minimum and maximum included.</li>
 * </ul>
 */
final class WrittenAsDocumented {

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30());
    private static final JsonMapper JSON3 = JsonMapper.builder().build();

    private WrittenAsDocumented() {
    }

    /** Checks a response against the case; {@code header} gives a response header's value by name, or null. */
    static void check(ExampleCase example, String contentType, String body, Function<String, String> header) {
        assertThat(contentType).as("%s: Content-Type", example.contractName()).isEqualTo(example.mediaType());
        assertThat(withoutMeta(body)).as("%s: the body as written, meta aside", example.contractName())
                .isEqualTo(withoutMeta(example.body()));
        for (Map.Entry<String, JsonNode> required : example.requiredHeaders().entrySet()) {
            String value = header.apply(required.getKey());
            assertThat(value).as("%s: header %s", example.contractName(), required.getKey()).isNotNull();
            assertThat(violations(required.getValue().path("schema"), value))
                    .as("%s: header %s: %s against its schema", example.contractName(), required.getKey(), value).isEmpty();
        }
    }

    /** The body's text with {@code meta} left out, rewritten without changing any value's text. */
    static String withoutMeta(String body) {
        try {
            return withoutMeta(BalanceSpec.EXACT_JSON.readTree(body));
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private static String withoutMeta(JsonNode body) {
        ObjectNode copy = body.deepCopy();
        copy.remove("meta");
        return asWritten(copy);
    }

    /** A body as its text says it: EXACT_JSON keeps each decimal's scale and the field order it read. */
    static String asWritten(JsonNode body) {
        try {
            return BalanceSpec.EXACT_JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Tree equality that tells {@code 1250.5} from {@code 1250.50}: Jackson's own compares
     * decimals by value. For values that have no wire order, such as the SDK's models.
     */
    static boolean sameValues(JsonNode actual, JsonNode expected) {
        return actual.equals((a, b) -> a.isNumber() && b.isNumber()
                ? (a.decimalValue().equals(b.decimalValue()) ? 0 : 1)
                : (a.equals(b) ? 0 : 1), expected);
    }

    private static List<String> violations(JsonNode schema, String value) {
        tools.jackson.databind.JsonNode typed = "integer".equals(schema.path("type").asText()) && value.matches("-?\\d{1,18}")
                ? JsonNodeFactory.instance.numberNode(Long.parseLong(value))
                : JsonNodeFactory.instance.stringNode(value);
        List<String> messages = new ArrayList<>();
        for (Error error : SCHEMAS.getSchema(JSON3.readTree(schema.toString())).validate(typed)) {
            messages.add(error.toString());
        }
        return messages;
    }
}
