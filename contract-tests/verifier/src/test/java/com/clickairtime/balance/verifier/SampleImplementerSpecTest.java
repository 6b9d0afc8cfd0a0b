package com.clickairtime.balance.verifier;

import com.clickairtime.balance.openapi.BalanceSpec;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample implementer (src/it/implementer) verifies against the copy of the spec it was written
 * for, as a team keeps it: a copy of a release this checkout has reached, never a later one. (It
 * may lag: a release that only documents more waits until the team copies it; the major-version
 * journey copies the new major whole.)
 */
class SampleImplementerSpecTest {

    private static final Path IMPLEMENTER = Path.of("src/it/implementer");
    private static final Pattern RESOURCE = Pattern.compile("forSpecResource\\(\"([^\"]+)\"\\)");

    @Test
    void itsSpecIsACopyOfARelease() throws IOException {
        String test = Files.readString(IMPLEMENTER.resolve("src/test/java/com/example/wallets/WalletBalanceContractTest.java"),
                StandardCharsets.UTF_8);
        Matcher resource = RESOURCE.matcher(test);
        assertThat(resource.find()).as("the implementer's test reads its copy with forSpecResource(...)").isTrue();
        Path copy = IMPLEMENTER.resolve("src/test/resources").resolve(resource.group(1));
        assertThat(copy).isRegularFile();
        String copied = BalanceSpec.read(copy).openApi().getInfo().getVersion();
        String live = BalanceSpec.load().openApi().getInfo().getVersion();
        assertThat(Arrays.compare(parts(copied), parts(live))).as("the copy's info.version " + copied + " against this checkout's " + live)
                .isLessThanOrEqualTo(0);
    }

    private static int[] parts(String version) {
        return Arrays.stream(version.split("\\.")).mapToInt(Integer::parseInt).toArray();
    }
}
