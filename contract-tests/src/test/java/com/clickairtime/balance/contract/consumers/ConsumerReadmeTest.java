package com.clickairtime.balance.contract.consumers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consumers' guide (docs/consumers.md) shows the consumer projects of src/it as they are: each one's marked pom block, which
 * is all of its pom but its own coordinates, and its test class, with the version a team writes
 * where the project has maven-invoker-plugin's {@code @project.version@}; and those projects use
 * the Spring Boot and Spring Cloud Contract versions the kit is built on, which the README's table and the guide name.
 */
class ConsumerReadmeTest {

    private static final Path PROJECTS = Path.of("src/it");
    private static final Path README = Path.of("../README.md");
    private static final Path GUIDE = Path.of("../docs/consumers.md");
    private static final String BEGIN = "<!-- README:begin -->\n";
    private static final String END = "  <!-- README:end -->";
    private static final String TEST_CLASS = "src/test/java/com/example/wallet/WalletBalanceStubsTest.java";
    private static final String[] PROJECT_NAMES = {"spring-boot-3.5", "spring-boot-4", "junit5"};
    /** The kit's version as maven-invoker-plugin fills it in, and as the guide writes it. */
    private static final String INVOKER_VERSION = "@project.version@";
    private static final String README_VERSION = "INFO_VERSION-SNAPSHOT";

    /** A project added to src/it is shown here too, and none escapes the shared post-build check. */
    @Test
    void everyConsumerProjectIsShownAndChecked() throws Exception {
        List<Path> projects;
        try (Stream<Path> children = Files.list(PROJECTS)) {
            projects = children.filter(dir -> Files.exists(dir.resolve("pom.xml"))).sorted().toList();
        }

        assertThat(projects).map(dir -> dir.getFileName().toString()).containsExactlyInAnyOrder(PROJECT_NAMES);
        for (Path project : projects) {
            assertThat(project.resolve("verify.groovy")).content().contains("evaluate(new File(consumerBuildCheck))");
        }
    }

    /**
     * The guide shows the block with the version a team writes ({@link #README_VERSION}, the rule
     * beside it says what it stands for) where the project has the version maven-invoker-plugin
     * fills in: the kit's, as this build installs it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"spring-boot-3.5", "spring-boot-4", "junit5"})
    void theGuideShowsTheProjectsPomBlock(String project) throws Exception {
        String block = block(project);
        String unindented = block.lines().map(line -> line.length() >= 2 ? line.substring(2) : line)
                .collect(Collectors.joining("\n", "", "\n"));

        assertThat(block).contains("<dependencies>").contains("<balance.version>" + INVOKER_VERSION + "</balance.version>");
        assertThat(guide()).contains("```xml\n" + unindented.replace(INVOKER_VERSION, README_VERSION) + "```\n");
    }

    /**
     * What the build checks (no test failure, no Maven warning: consumer-build-check.groovy) is the
     * guide's block as a team pastes it: the project's pom adds its own coordinates and nothing else.
     */
    @ParameterizedTest
    @ValueSource(strings = {"spring-boot-3.5", "spring-boot-4", "junit5"})
    void theProjectIsTheGuidesBlockAndItsOwnCoordinates(String project) throws Exception {
        String pom = Files.readString(PROJECTS.resolve(project).resolve("pom.xml"));
        String outside = pom.substring(0, pom.indexOf(BEGIN)) + pom.substring(pom.indexOf(END));
        Element rest = parse(outside);
        List<String> children = new ArrayList<>();
        for (var node = rest.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                children.add(element.getTagName());
            }
        }

        assertThat(children).containsExactly("modelVersion", "groupId", "artifactId", "version");
    }

    private static String block(String project) throws Exception {
        String pom = Files.readString(PROJECTS.resolve(project).resolve("pom.xml"));
        return pom.substring(pom.indexOf(BEGIN) + BEGIN.length(), pom.indexOf(END));
    }

    @ParameterizedTest
    @ValueSource(strings = {"spring-boot-4", "junit5"})
    void theGuideShowsTheProjectsTestClass(String project) throws Exception {
        String testClass = Files.readString(PROJECTS.resolve(project).resolve(TEST_CLASS));

        assertThat(testClass).contains("@Test");
        assertThat(guide()).contains("```java\n" + testClass + "```\n");
    }

    @Test
    void bothSpringBootProjectsRunTheTestClassTheGuideShowsOnce() throws Exception {
        assertThat(PROJECTS.resolve("spring-boot-3.5").resolve(TEST_CLASS))
                .hasSameTextualContentAs(PROJECTS.resolve("spring-boot-4").resolve(TEST_CLASS));
    }

    @Test
    void theSpringBoot4ProjectsAreOnTheKitsVersions() throws Exception {
        Kit kit = kit();
        Element boot4 = pom(PROJECTS.resolve("spring-boot-4/pom.xml"));

        assertThat(text(boot4, "parent", "version")).isEqualTo(kit.springBoot());
        assertThat(importedVersion(boot4, "spring-cloud-contract-dependencies")).isEqualTo(kit.springCloudContract());
        assertThat(importedVersion(pom(PROJECTS.resolve("junit5/pom.xml")), "spring-cloud-contract-dependencies"))
                .isEqualTo(kit.springCloudContract());
    }

    @Test
    void theReadmeAndTheGuideNameTheVersionsTheKitIsBuiltOnAndTestedWith() throws Exception {
        Kit kit = kit();
        Element boot35 = pom(PROJECTS.resolve("spring-boot-3.5/pom.xml"));
        String readme = readme();

        assertThat(readme).contains("| built on | Java " + kit.java() + ", Spring Boot " + kit.springBoot()
                + ", Spring Cloud Contract " + kit.springCloudContract() + " |");
        assertThat(readme).contains("| consumers tested with | Spring Boot " + text(boot35, "parent", "version")
                + " with Spring Cloud " + importedVersion(boot35, "spring-cloud-dependencies")
                + "; Spring Boot " + kit.springBoot() + " with Spring Cloud Contract " + kit.springCloudContract()
                + "; JUnit 5 without Spring Boot (`junit-bom` "
                + importedVersion(pom(PROJECTS.resolve("junit5/pom.xml")), "junit-bom") + ") |");
        assertThat(guide()).contains("`spring-boot-starter-parent` " + text(boot35, "parent", "version"))
                .contains("`spring-boot-starter-parent` " + kit.springBoot());
    }

    private record Kit(String version, String java, String springBoot, String springCloudContract) {
    }

    private static Kit kit() throws Exception {
        Element root = pom(Path.of("../pom.xml"));
        return new Kit(text(root, "version"), text(root, "properties", "java.version"),
                text(root, "properties", "spring-boot.version"), text(root, "properties", "spring-cloud-contract.version"));
    }

    private static String readme() throws Exception {
        return Files.readString(README);
    }

    private static String guide() throws Exception {
        return Files.readString(GUIDE);
    }

    private static Element pom(Path file) throws Exception {
        return parse(Files.readString(file));
    }

    private static Element parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        return document.getDocumentElement();
    }

    /** The text of the element at this path of direct children. */
    private static String text(Element element, String... path) {
        Element current = element;
        for (String name : path) {
            current = child(current, name);
        }
        return current.getTextContent().trim();
    }

    private static Element child(Element parent, String name) {
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        throw new AssertionError("no <" + name + "> in <" + parent.getTagName() + ">");
    }

    /** The version of the BOM that this pom imports by artifactId. */
    private static String importedVersion(Element pom, String artifactId) {
        Element dependencies = child(child(pom, "dependencyManagement"), "dependencies");
        for (var node = dependencies.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element dependency && text(dependency, "artifactId").equals(artifactId)) {
                return text(dependency, "version");
            }
        }
        throw new AssertionError("no imported " + artifactId);
    }
}
