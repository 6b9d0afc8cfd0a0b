package com.clickairtime.balance.verifier;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/implementing.md's "Verifying your implementation" shows the implementer project's files as they are,
 * and the build runs that project (src/it/implementer): what a team copies is what passes.
 */
class ReadmeTest {

    private static final Path IMPLEMENTER = Path.of("src/it/implementer");

    @Test
    void theDependencyBlockIsTheImplementerProjects() throws IOException {
        String pom = read(IMPLEMENTER.resolve("pom.xml"));
        String start = "    <!-- README: Verifying your implementation -->\n";
        String block = pom.substring(pom.indexOf(start) + start.length(), pom.indexOf("    <!-- end of snippet -->"))
                .replaceAll("(?m)^    ", "");
        assertThat(section()).contains("```xml\n" + block + "```\n");
    }

    @Test
    void theTestClassIsTheImplementerProjects() throws IOException {
        String test = read(IMPLEMENTER.resolve("src/test/java/com/example/wallets/WalletBalanceContractTest.java"));
        assertThat(section()).contains("```java\n" + test + "```\n");
    }

    private static String section() throws IOException {
        String guide = read(Path.of("../../docs/implementing.md"));
        int start = guide.indexOf("## Verifying your implementation");
        assertThat(start).as("the guide's section").isNotNegative();
        int next = guide.indexOf("\n## ", start + 1);
        return guide.substring(start, next < 0 ? guide.length() : next);
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
