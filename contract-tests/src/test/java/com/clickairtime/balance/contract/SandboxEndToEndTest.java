package com.clickairtime.balance.contract;

import com.clickairtime.balance.sandbox.SandboxApplication;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.stream.Stream;

/** End to end: the SDK against the real sandbox on a random port, over HTTP, with the same checks. */
@SpringBootTest(classes = SandboxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SandboxEndToEndTest {

    @LocalServerPort
    int port;

    @TestFactory
    Stream<DynamicTest> theSdkReadsEveryExampleFromTheSandbox() {
        return ExampleReplay.everyExample("http://127.0.0.1:" + port, ExampleReplay.Meta.FRESH);
    }
}
