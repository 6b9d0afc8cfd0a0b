package com.clickairtime.balance.verifier;

import com.example.wallets.ByUrlContractBase;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * docs/spring-cloud-contract.md shows the implementer project's files as they are, and the build
 * runs that project's Spring Cloud Contract flow (src/it/implementer, and implementer-boot35 on Spring Boot 3.5):
 * what a team copies is what passes.
 */
class SpringCloudContractGuideTest {

    private static final Path IMPLEMENTER = Path.of("src/it/implementer");
    private static final Path BOOT35 = Path.of("src/it/implementer-boot35");
    private static final Path GUIDE = Path.of("../../docs/spring-cloud-contract.md");
    private static final Path ROOT_POM = Path.of("../../pom.xml");
    private static final String BOOT4_MOCK_MVC = "org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc";
    private static final String BOOT35_MOCK_MVC = "org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc";

    @ParameterizedTest
    @ValueSource(strings = {"rest-assured", "dependency", "plugin", "report names"})
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

    /** "Any server, by URL": its base class is this module's ByUrlContractBase, compiled with the build. */
    @Test
    void theByUrlBaseClassIsCompiledAsShown() throws IOException {
        String base = read(Path.of("src/test/java/com/example/wallets/ByUrlContractBase.java"));
        String section = read(GUIDE).substring(read(GUIDE).indexOf("## Any server, by URL"));
        assertThat(section).contains("```java\n" + base + "```\n");
    }

    /** Unset, the variable is named, not read as "this base gives no target". */
    @Test
    void theByUrlBaseClassNamesItsVariableWhenItIsUnset() {
        assumeTrue(System.getenv("BALANCE_BASE_URL") == null, "BALANCE_BASE_URL is set here");
        var base = new ByUrlContractBase() {
            String url() {
                return baseUrl();
            }
        };
        assertThatThrownBy(base::url).isInstanceOf(IllegalStateException.class).hasMessageStartingWith("set BALANCE_BASE_URL");
    }

    /** The guide's Boot 3.5 section: the version the Boot 3.5 sample runs, and a base class that differs in one import. */
    @Test
    void theBoot35SectionIsTheBoot35Projects() throws IOException {
        String section = read(GUIDE).substring(read(GUIDE).indexOf("## Spring Boot 3.5"));
        assertThat(section).contains("Spring Cloud Contract " + property(read(BOOT35.resolve("pom.xml")), "spring-cloud-contract.version") + ",");

        String base = "src/test/java/com/example/wallets/WalletContractBase.java";
        assertThat(read(BOOT35.resolve(base)).replace(BOOT35_MOCK_MVC, BOOT4_MOCK_MVC)).isEqualTo(read(IMPLEMENTER.resolve(base)));
        assertThat(read(BOOT35.resolve(base))).contains(BOOT35_MOCK_MVC);
        assertThat(section).contains("(`" + BOOT35_MOCK_MVC.substring(0, BOOT35_MOCK_MVC.lastIndexOf('.')) + "`)");
    }

    /** The README's row of implementers' versions is what the two sample projects run. */
    @Test
    void theReadmeNamesTheVersionsTheSamplesRun() throws IOException {
        String boot4 = read(IMPLEMENTER.resolve("pom.xml"));
        String boot35 = read(BOOT35.resolve("pom.xml"));
        String row = "| implementers tested with | Spring Boot " + property(read(ROOT_POM), "spring-boot.version")
                + " with Spring Cloud Contract " + pinnedVersion()
                + " (and RestAssured " + firstMatch(boot4, "<artifactId>rest-assured</artifactId>\\s*<version>([^<]+)</version>")
                + "); Spring Boot " + firstMatch(boot35, "<artifactId>spring-boot-starter-parent</artifactId>\\s*<version>([^<]+)</version>")
                + " with Spring Cloud Contract " + property(boot35, "spring-cloud-contract.version") + ";";
        assertThat(read(Path.of("../../README.md"))).contains(row);
        assertThat(boot4).contains("<version>@spring-boot.version@</version>", "<version>@spring-cloud-contract.version@</version>");
    }

    private static String property(String pom, String name) {
        return firstMatch(pom, "<" + Pattern.quote(name) + ">([^<]+)</" + Pattern.quote(name) + ">");
    }

    private static String firstMatch(String text, String regex) {
        Matcher match = Pattern.compile(regex).matcher(text);
        assertThat(match.find()).as("found: " + regex).isTrue();
        return match.group(1);
    }

    private static String pinnedVersion() throws IOException {
        return property(read(ROOT_POM), "spring-cloud-contract.version");
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
