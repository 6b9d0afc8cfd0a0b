package com.clickairtime.balance.verifier;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/server-support.md shows the implementer projects' files as they are, and the build runs
 * those projects (src/it/implementer on Spring Boot 4.0, src/it/implementer-boot35 on 3.5): what a
 * team copies is what passes.
 */
class ServerSupportDocTest {

    private static final Path IT = Path.of("src/it");
    private static final String CODE = "implementer/src/main/java/com/example/wallets/";

    @Test
    void eachBootsDependencyBlockIsItsProjects() throws IOException {
        assertThat(section("Spring Boot 4.0")).contains("```xml\n" + dependencies("implementer", "Spring Boot 4.0") + "```\n");
        assertThat(section("Spring Boot 3.5")).contains("```xml\n" + dependencies("implementer-boot35", "Spring Boot 3.5") + "```\n");
    }

    @Test
    void eachBootsTestClassIsItsProjects() throws IOException {
        String test = "src/test/java/com/example/wallets/WalletBalanceContractTest.java";
        assertThat(section("Spring Boot 4.0")).contains("```java\n" + read(IT.resolve("implementer").resolve(test)) + "```\n");
        assertThat(section("Spring Boot 3.5")).contains("```java\n" + read(IT.resolve("implementer-boot35").resolve(test)) + "```\n");
    }

    @Test
    void theTeamsCodeIsTheSamples() throws IOException {
        for (String file : new String[] {"WalletsApplication.java", "AccessInterceptor.java", "AccessConfiguration.java"}) {
            assertThat(section("Your code (both Boots)")).contains("```java\n" + read(IT.resolve(CODE + file)) + "```\n");
        }
    }

    private static String dependencies(String project, String marker) throws IOException {
        String pom = read(IT.resolve(project).resolve("pom.xml"));
        String start = "    <!-- docs/server-support.md: " + marker + " -->\n";
        assertThat(pom).as(project + "'s pom marks its block").contains(start, "    <!-- end of snippet -->");
        return pom.substring(pom.indexOf(start) + start.length(), pom.indexOf("    <!-- end of snippet -->"))
                .replaceAll("(?m)^    ", "");
    }

    private static String section(String heading) throws IOException {
        String doc = read(Path.of("../../docs/server-support.md"));
        int start = doc.indexOf("\n## " + heading + "\n");
        assertThat(start).as("docs/server-support.md's section " + heading).isNotNegative();
        int end = doc.indexOf("\n## ", start + 1);
        return doc.substring(start, end < 0 ? doc.length() : end);
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
