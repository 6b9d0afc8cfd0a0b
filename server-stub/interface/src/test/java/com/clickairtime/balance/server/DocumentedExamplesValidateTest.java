package com.clickairtime.balance.server;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The interface jar's validation promise, kept for implementers who validate their responses:
 * every documented response example, read into the generated model of its schema and validated
 * with Hibernate Validator, raises no exception and no violation. A constraint on a type it
 * cannot apply to (a pattern on a date-time) throws here, as it would in their service.
 */
class DocumentedExamplesValidateTest {

    private static final String MODELS = "com.clickairtime.balance.server.model.";
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    @TestFactory
    Stream<DynamicTest> everyDocumentedExampleIsAValidModel() throws IOException {
        JsonNode spec = new YAMLMapper().readTree(Path.of("../../openapi/balance.yaml").toFile());
        Validator validator = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
        List<DynamicTest> tests = new ArrayList<>();
        spec.path("paths").forEach(path -> path.forEach(operation -> operation.path("responses").fields().forEachRemaining(response -> {
            JsonNode content = deref(spec, response.getValue()).path("content").path("application/json");
            String schema = content.path("schema").path("$ref").asText();
            Class<?> model = model(schema.substring(schema.lastIndexOf('/') + 1));
            String where = operation.path("operationId").asText() + " " + response.getKey();
            if (content.has("example")) {
                tests.add(check(where + " example", content.get("example"), model, validator));
            }
            content.path("examples").fields().forEachRemaining(example -> tests.add(check(where + " " + example.getKey(),
                    deref(spec, example.getValue()).path("value"), model, validator)));
        })));
        assertThat(tests).as("documented response examples").isNotEmpty();
        return tests.stream();
    }

    private static DynamicTest check(String name, JsonNode example, Class<?> model, Validator validator) {
        return DynamicTest.dynamicTest(name, () -> {
            Object value = JSON.treeToValue(example, model);
            Set<ConstraintViolation<Object>> violations = validator.validate(value);
            assertThat(violations).as("%s as %s", name, model.getSimpleName()).isEmpty();
        });
    }

    private static Class<?> model(String schema) {
        try {
            return Class.forName(MODELS + schema);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("no generated model " + MODELS + schema, e);
        }
    }

    private static JsonNode deref(JsonNode spec, JsonNode node) {
        return node.has("$ref") ? spec.at(node.get("$ref").asText().substring(1)) : node;
    }
}
