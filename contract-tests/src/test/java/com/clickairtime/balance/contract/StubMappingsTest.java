package com.clickairtime.balance.contract;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.clickairtime.balance.openapi.BalanceSpec;
import com.clickairtime.balance.openapi.ExampleCase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated stubs: one per named example, each serving the spec's example, valid against the spec. */
class StubMappingsTest {

    private static Path mapping(ExampleCase example) {
        return StubMappings.directory().resolve("mappings").resolve(example.contractName() + ".json");
    }

    @Test
    void thereIsOneMappingPerNamedExampleAndTheSpecIsTheOnlyContract() throws IOException {
        try (Stream<Path> files = Files.list(StubMappings.directory().resolve("mappings"))) {
            assertThat(files.map(f -> f.getFileName().toString()).collect(Collectors.toList()))
                    .containsExactlyInAnyOrderElementsOf(ExampleReplay.CASES.stream()
                            .map(c -> c.contractName() + ".json").collect(Collectors.toList()));
        }
        try (Stream<Path> files = Files.walk(StubMappings.directory().resolve("contracts"))) {
            assertThat(files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()))
                    .containsExactly("balance.yaml");
        }
    }

    @TestFactory
    Stream<DynamicTest> everyStubServesItsExampleAndMatchesTheSpec() {
        return ExampleReplay.CASES.stream().map(example -> DynamicTest.dynamicTest(example.contractName(), () -> {
            JsonNode stub = BalanceSpec.EXACT_JSON.readTree(mapping(example).toFile());
            JsonNode response = stub.get("response");
            String body = response.get("body").asText();

            // As text: the written scale survives into the stub, 1250.50 is served as 1250.50.
            WrittenAsDocumented.check(example, response.at("/headers/Content-Type").asText(null), body,
                    name -> response.at("/headers/" + name).asText(null));
            assertThat(WrittenAsDocumented.asWritten(BalanceSpec.EXACT_JSON.readTree(body)))
                    .as("the stub's body, meta included").isEqualTo(WrittenAsDocumented.asWritten(example.body()));
            assertThat(response.get("status").asInt()).isEqualTo(example.status());

            SimpleResponse.Builder served = SimpleResponse.Builder.status(response.get("status").asInt())
                    .withBody(response.get("body").asText());
            response.get("headers").fields().forEachRemaining(h -> served.withHeader(h.getKey(), h.getValue().asText()));
            // A stub of an x-answers-any example matches a url pattern; its own request is the example's.
            ValidationReport report = SpecValidator.RESPONSES.validateResponse(example.path(),
                    Request.Method.valueOf(stub.at("/request/method").asText()), served.build());
            List<String> errors = report.getMessages().stream().map(ValidationReport.Message::toString).collect(Collectors.toList());
            assertThat(errors).isEmpty();
        }));
    }
}
