package com.clickairtime.balance.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The client's request paths are a copy of the spec's; this keeps the copy true. */
class OperationTest {

    private static final JsonNode PATHS = SpecBodies.SPEC.raw().get("paths");

    @ParameterizedTest
    @EnumSource(Operation.class)
    void eachOperationIsTheSpecsGetAtItsPath(Operation operation) {
        JsonNode get = PATHS.path(operation.path).path("get");
        assertThat(get.path("operationId").asText()).isEqualTo(operation.operationId);
        List<Parameter> parameters = SpecBodies.SPEC.openApi().getPaths().get(operation.path).getGet().getParameters();
        List<String> inPath = parameters == null ? List.of() : parameters.stream()
                .filter(p -> "path".equals(p.getIn())).map(Parameter::getName).collect(Collectors.toList());
        assertThat(inPath).isEqualTo(operation.pathParameter == null ? List.of() : List.of(operation.pathParameter));
    }

    @Test
    void theSpecHasNoOtherOperation() {
        List<String> specOperations = new ArrayList<>();
        PATHS.fields().forEachRemaining(path -> path.getValue().fields()
                .forEachRemaining(method -> specOperations.add(method.getKey() + " " + path.getKey())));
        assertThat(specOperations).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(Operation.values()).map(o -> "get " + o.path).collect(Collectors.toList()));
    }
}
