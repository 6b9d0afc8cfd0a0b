package com.clickairtime.balance.contract;

import java.nio.file.Path;

/** Where the plugin wrote the stubs this module packages. */
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
}
