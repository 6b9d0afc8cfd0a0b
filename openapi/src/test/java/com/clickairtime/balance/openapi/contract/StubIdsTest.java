package com.clickairtime.balance.openapi.contract;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.clickairtime.balance.openapi.ExampleCase;
import com.clickairtime.balance.openapi.SpecFixture;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.contract.spec.Contract;
import org.springframework.cloud.contract.verifier.file.ContractMetadata;
import org.springframework.cloud.contract.verifier.wiremock.DslToWireMockClientConverter;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stubs the contract plugin writes (its own WireMock generator, with the post-processors it
 * finds through spring.factories) carry each case's fixed id, so that two builds give the same
 * stubs jar. On a frozen fixture.
 */
class StubIdsTest {

    private static final BalanceSpec SPEC = SpecFixture.FROZEN;

    /** Each contract's mapping as the plugin writes it, in the order of the cases. */
    private static List<String> mappings() {
        List<String> mappings = new ArrayList<>();
        DslToWireMockClientConverter generator = new DslToWireMockClientConverter();
        for (Contract contract : NamedExampleContractConverter.contracts(SPEC)) {
            ContractMetadata metadata = new ContractMetadata(Path.of("balance.yaml"), false, 0, null, contract);
            mappings.addAll(generator.convertContents("balance", metadata).values());
        }
        return mappings;
    }

    @Test
    void everyStubCarriesItsCasesIdAndIsTheSameTextOnEveryBuild() {
        List<ExampleCase> cases = SPEC.cases();
        List<String> first = mappings();

        assertThat(first).hasSameSizeAs(cases);
        for (int i = 0; i < cases.size(); i++) {
            StubMapping stub = StubMapping.buildFrom(first.get(i));
            assertThat(stub.getId()).as(cases.get(i).contractName()).isEqualTo(cases.get(i).stubId());
            assertThat(first.get(i)).contains("\"uuid\" : \"" + cases.get(i).stubId() + "\"");
        }
        assertThat(mappings()).isEqualTo(first);
    }

    @Test
    void theIdIsNameBasedOnTheContractNameAndNoTwoCasesShareOne() {
        ExampleCase example = SPEC.cases().get(0);

        assertThat(example.stubId().version()).isEqualTo(3);
        assertThat(example.stubId()).isEqualTo(UUID.nameUUIDFromBytes(example.contractName().getBytes(StandardCharsets.UTF_8)));
        assertThat(new HashSet<>(SPEC.cases().stream().map(ExampleCase::stubId).toList())).hasSameSizeAs(SPEC.cases());
    }
}
