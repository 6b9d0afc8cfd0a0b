package com.clickairtime.balance.sandbox.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.json.JsonMapper;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static com.clickairtime.balance.sandbox.SandboxTestSupport.SPEC;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A property without a value is left out of the body, never written as {@code null}, unless the
 * spec marks it {@code nullable}: a new optional field in the spec must not change the bodies the
 * sandbox already serves. Every model generated from the spec's schemas is written with no value
 * set, by the sandbox's own mapper, and read as text.
 */
@SpringBootTest
class AbsentFieldsJsonTest {

    private static final String MODELS = "com.clickairtime.balance.server.model.";

    @Autowired
    JsonMapper mapper;

    @Test
    void aPropertyWithoutAValueIsWrittenOnlyWhenTheSpecMarksItNullable() throws Exception {
        List<String> checked = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> schemas = SPEC.raw().at("/components/schemas").fields(); schemas.hasNext(); ) {
            Map.Entry<String, JsonNode> schema = schemas.next();
            JsonNode properties = schema.getValue().path("properties");
            if (properties.isEmpty()) {
                continue;
            }
            String json = mapper.writeValueAsString(withoutValues(Class.forName(MODELS + schema.getKey())));

            for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> property = it.next();
                String written = "\"" + property.getKey() + "\":null";
                if (property.getValue().path("nullable").asBoolean(false)) {
                    assertThat(json).as(schema.getKey()).contains(written);
                } else {
                    assertThat(json).as(schema.getKey()).doesNotContain("\"" + property.getKey() + "\"");
                }
                checked.add(schema.getKey() + "." + property.getKey());
            }
        }
        assertThat(checked).contains("Wallet.allowed_countries", "Meta.request_id", "ErrorDetail.details");
    }

    /** A model as the generator made it, with every field emptied, lists and maps included. */
    private static Object withoutValues(Class<?> model) throws ReflectiveOperationException {
        Object instance = model.getDeclaredConstructor().newInstance();
        for (Field field : model.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers()) && !field.getType().isPrimitive()) {
                field.setAccessible(true);
                field.set(instance, null);
            }
        }
        return instance;
    }
}
