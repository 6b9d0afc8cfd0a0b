package com.clickairtime.balance.contract;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The consumer side: the SDK against the very stubs this module packages, loaded by WireMock
 * from the generated mappings.
 */
class StubsConsumerTest {

    private static WireMockServer stubs;

    @BeforeAll
    static void startTheGeneratedStubs() {
        stubs = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .usingFilesUnderDirectory(StubMappings.directory().toString()));
        stubs.start();
    }

    @AfterAll
    static void stop() {
        stubs.stop();
    }

    @TestFactory
    Stream<DynamicTest> theSdkReadsEveryExampleFromTheStubs() {
        return ExampleReplay.everyExample("http://127.0.0.1:" + stubs.port(), ExampleReplay.Meta.AS_DOCUMENTED);
    }
}
