package com.clickairtime.balance.contract;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.stream.Stream;


/**
 * The consumer side: the SDK against the very stubs this module packages, loaded by WireMock
 * from the generated mappings.
 */
class StubsConsumerTest {

    @RegisterExtension
    static final WireMockExtension stubs = StubMappings.server();

    @TestFactory
    Stream<DynamicTest> theSdkReadsEveryExampleFromTheStubs() {
        return ExampleReplay.everyExample("http://127.0.0.1:" + stubs.getPort(), ExampleReplay.Meta.AS_DOCUMENTED);
    }
}
