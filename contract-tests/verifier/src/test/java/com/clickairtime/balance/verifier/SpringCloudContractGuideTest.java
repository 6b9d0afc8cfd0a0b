package com.clickairtime.balance.verifier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/spring-cloud-contract.md shows the implementer project's files as they are, and the build
 * runs that project's Spring Cloud Contract flow (src/it/implementer): what a team copies is what passes.
 */
class SpringCloudContractGuideTest {

    private static final Path IMPLEMENTER = Path.of("src/it/implementer");
    private static final Path GUIDE = Path.of("../../docs/spring-cloud-contract.md");

    @ParameterizedTest
    @ValueSource(strings = {"dependency", "plugin", "report names"})
    void eachPomBlockIsTheImplementerProjects(String marker) throws IOException {
        String pom = read(IMPLEMENTER.resolve("pom.xml"));
        String start = "<!-- docs/spring-cloud-contract.md: " + marker + " -->\n";
        int from = pom.indexOf(start);
        assertThat(from).as("the implementer's pom marks the block '" + marker + "'").isNotNegative();
        String block = pom.substring(from + start.length(), pom.indexOf("<!-- end of docs snippet -->", from));
        int indent = block.length() - block.stripLeading().length();
        String shown = block.replaceAll("(?m)^ {" + indent + "}", "").stripTrailing() + "\n";
        // The invoker fills in the version the kit pins; the guide shows it.
        shown = shown.replace("@spring-cloud-contract.version@", pinnedVersion());
        assertThat(read(GUIDE)).contains("```xml\n" + shown + "```\n");
    }

    @Test
    void theBaseClassIsTheImplementerProjects() throws IOException {
        String base = read(IMPLEMENTER.resolve("src/test/java/com/example/wallets/WalletContractBase.java"));
        assertThat(read(GUIDE)).contains("```java\n" + base + "```\n");
    }

    private static String pinnedVersion() throws IOException {
        Matcher version = Pattern.compile("<spring-cloud-contract.version>([^<]+)</spring-cloud-contract.version>")
                .matcher(read(Path.of("../../pom.xml")));
        assertThat(version.find()).as("the root pom pins spring-cloud-contract.version").isTrue();
        return version.group(1);
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
