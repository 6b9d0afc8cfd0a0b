package com.clickairtime.balance.contract;

import com.clickairtime.balance.verifier.BalanceContractVerifier;
import com.clickairtime.balance.verifier.Level;
import com.clickairtime.balance.verifier.wire.UrlTarget;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.stream.Stream;


/**
 * The consumer side: the very stubs this module packages, loaded by WireMock from the generated
 * mappings. They keep every documented case as the verifier checks a server, and the SDK reads
 * every example from them.
 */
class StubsConsumerTest {

    @RegisterExtension
    static final WireMockExtension stubs = StubMappings.server();

    @TestFactory
    Stream<DynamicTest> theStubsKeepEveryDocumentedCase() {
        return BalanceContractVerifier.forTheSpec()
                .target(UrlTarget.of(stubs.baseUrl()))
                .level(Level.EXACT)
                .statesAsDocumented()
                .examplesReplayed()
                .dynamicTests();
    }

    @TestFactory
    Stream<DynamicTest> theSdkReadsEveryExampleFromTheStubs() {
        return ExampleReplay.everyExample("http://127.0.0.1:" + stubs.getPort(), ExampleReplay.Meta.AS_DOCUMENTED);
    }
}
