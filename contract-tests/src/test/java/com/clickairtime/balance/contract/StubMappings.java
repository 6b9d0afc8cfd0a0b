package com.clickairtime.balance.contract;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import java.nio.file.Path;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/** Where the plugin wrote the stubs this module packages, and WireMock serving them. */
final class StubMappings {

    private StubMappings() {
    }

    static Path directory() {
        String directory = System.getProperty("stubs.directory");
        if (directory == null) {
            throw new IllegalStateException("stubs.directory is not set: run the tests through Maven");
        }
        return Path.of(directory);
    }

    /** WireMock on a free loopback port with the generated mappings, for a test class to register. */
    static WireMockExtension server() {
        return WireMockExtension.newInstance()
                .options(options().bindAddress("127.0.0.1").dynamicPort().usingFilesUnderDirectory(directory().toString()))
                .build();
    }
}
