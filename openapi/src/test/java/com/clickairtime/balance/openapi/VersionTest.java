package com.clickairtime.balance.openapi;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every artifact's version is the spec's {@code info.version} (plus {@code -SNAPSHOT} between releases).
 * ./mvnw reads it from the document with a few lines of shell; this pins that reading to the parser's.
 */
class VersionTest {

    @Test
    void theBuildsVersionIsTheSpecsInfoVersion() {
        String infoVersion = BalanceSpec.load().openApi().getInfo().getVersion();
        assertThat(System.getProperty("kit.version"))
                .as("the Maven version must be info.version %s, optionally with -SNAPSHOT; build with ./mvnw", infoVersion)
                .isIn(infoVersion, infoVersion + "-SNAPSHOT");
    }
}
