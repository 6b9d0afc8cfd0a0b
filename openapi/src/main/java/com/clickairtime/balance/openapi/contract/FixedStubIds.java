package com.clickairtime.balance.openapi.contract;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import org.springframework.cloud.contract.spec.Contract;
import org.springframework.cloud.contract.verifier.wiremock.WireMockStubPostProcessor;

import java.util.UUID;

/**
 * Gives each stub of {@link NamedExampleContractConverter} the id its case derives
 * ({@code ExampleCase.stubId()}) in place of WireMock's random one, which would make every build
 * of the stubs jar different. Spring Cloud Contract applies it through spring.factories; a
 * contract that the converter did not make is left to the plugin's own post-processing.
 */
public class FixedStubIds implements WireMockStubPostProcessor {

    /** The contract metadata key under which the converter passes the id. */
    static final String METADATA_KEY = "balanceStubId";

    @Override
    public boolean isApplicable(Contract contract) {
        return contract.getMetadata().get(METADATA_KEY) instanceof String;
    }

    @Override
    public StubMapping postProcess(StubMapping stub, Contract contract) {
        // WireMock writes the id twice, as "id" and as the older "uuid"; both follow setId.
        stub.setId(UUID.fromString((String) contract.getMetadata().get(METADATA_KEY)));
        return stub;
    }
}
