package com.clickairtime.balance.contract;

import com.clickairtime.balance.openapi.ExampleCase;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated stubs: one per named example (StubsConsumerTest verifies what each one serves). */
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

    /** The ids are the cases' own, not WireMock's random ones: two builds give the same stubs jar. */
    @Test
    void everyMappingCarriesItsCasesFixedId() throws IOException {
        for (ExampleCase example : ExampleReplay.CASES) {
            StubMapping stub = StubMapping.buildFrom(Files.readString(mapping(example)));
            assertThat(stub.getId()).as(example.contractName()).isEqualTo(example.stubId());
        }
    }
}
