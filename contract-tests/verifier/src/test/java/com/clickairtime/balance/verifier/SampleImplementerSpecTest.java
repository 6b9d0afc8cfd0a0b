package com.clickairtime.balance.verifier;

import com.clickairtime.balance.openapi.BalanceSpec;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample implementer (src/it/implementer) verifies against the copy of the spec it was written
 * for; the copy's file name says which version that is, so the name is read against the copy.
 */
class SampleImplementerSpecTest {

    private static final Path IMPLEMENTER = Path.of("src/it/implementer");
    private static final Pattern RESOURCE = Pattern.compile("forSpecResource\\(\"([^\"]+)\"\\)");

    @Test
    void itsSpecIsACopyNamedForItsVersion() throws IOException {
        String test = Files.readString(IMPLEMENTER.resolve("src/test/java/com/example/wallets/WalletBalanceContractTest.java"),
                StandardCharsets.UTF_8);
        Matcher resource = RESOURCE.matcher(test);
        // A team that takes a major release takes its spec whole (the major-version journey's patch):
        // then it reads the live spec, and there is no copy to name. Otherwise it reads its copy.
        if (!resource.find()) {
            assertThat(test).as("the implementer's test reads its spec with forSpecResource(...) or forTheSpec()")
                    .contains("BalanceContractVerifier.forTheSpec()");
            return;
        }
        Path copy = IMPLEMENTER.resolve("src/test/resources").resolve(resource.group(1));
        assertThat(copy).isRegularFile();
        assertThat(copy.getFileName().toString())
                .isEqualTo("balance-" + BalanceSpec.read(copy).openApi().getInfo().getVersion() + ".yaml");
    }
}
