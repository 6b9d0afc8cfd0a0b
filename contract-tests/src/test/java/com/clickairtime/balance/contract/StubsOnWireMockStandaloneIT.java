package com.clickairtime.balance.contract;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.clickairtime.balance.openapi.ExampleCase;
import com.clickairtime.balance.verifier.BalanceContractVerifier;
import com.clickairtime.balance.verifier.Level;
import com.clickairtime.balance.verifier.wire.UrlTarget;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The front-end teams' way to the stubs (docs/consumers.md, "Front-end teams"): WireMock standalone
 * as its own process, started with the guide's options on the unpacked stubs jar this build made,
 * answers every documented case, and a browser may call each of them from another origin.
 */
class StubsOnWireMockStandaloneIT {

    private static final Path GUIDE = Path.of(System.getProperty("consumers.guide", "../docs/consumers.md"));
    private static final String MARKER = "<!-- wiremock-standalone -->";
    private static final String ORIGIN = "http://localhost:3000";
    private static final Path WORK = Path.of(System.getProperty("wiremock.standalone.dir", "target/wiremock-standalone"));
    private static final BalanceSpec SPEC = BalanceSpec.load();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static Process wiremock;
    private static String baseUrl;

    @BeforeAll
    static void startWireMockAsTheGuideSays() throws Exception {
        Guide guide = Guide.read();
        Path wiremockJar = Path.of(WireMockServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(guide.wiremockJarName()).as("the WireMock jar the guide downloads is the build's")
                .isEqualTo("wiremock-standalone-" + version(wiremockJar) + ".jar");

        Path unpacked = WORK.resolve("unpacked");
        unzip(Path.of(System.getProperty("stubs.jar")), unpacked);
        Path root = unpacked.resolve(guide.stubsFolder(System.getProperty("kit.version")));
        try (Stream<Path> mappings = Files.list(root.resolve("mappings"))) {
            assertThat(mappings.count()).as("mappings under the guide's --root-dir %s", root).isPositive();
        }

        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", wiremockJar.toString()));
        command.addAll(guide.javaOptions(port, root.toAbsolutePath().toString()));
        Path log = WORK.resolve("wiremock.log");
        wiremock = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        baseUrl = "http://127.0.0.1:" + port;
        awaitHealth(log);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (wiremock != null) {
            wiremock.destroy();
            if (!wiremock.waitFor(10, TimeUnit.SECONDS)) {
                wiremock.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyDocumentedCaseAsTheVerifierChecksAServer() {
        return BalanceContractVerifier.forTheSpec()
                .target(UrlTarget.of(baseUrl))
                .level(Level.EXACT)
                .statesAsDocumented()
                // Stubs replay the examples' headers, their 2024 X-RateLimit-Reset included: held to the schema, not the clock.
                .examplesReplayed()
                .dynamicTests();
    }

    @TestFactory
    Stream<DynamicTest> theSdkReadsEveryExample() {
        return ExampleReplay.everyExample(baseUrl, ExampleReplay.Meta.AS_DOCUMENTED);
    }

    /** For every case's request: the preflight a browser sends first, then the call itself, from another origin. */
    @TestFactory
    Stream<DynamicTest> aBrowserPageMayMakeEveryDocumentedRequest() {
        assertThat(SPEC.cases()).isNotEmpty();
        return SPEC.cases().stream().map(example -> DynamicTest.dynamicTest(example.contractName(), () -> {
            List<String> asked = new ArrayList<>(example.headerParameters().keySet().stream()
                    .map(name -> name.toLowerCase(Locale.ROOT)).toList());
            if (example.credentials().authorization() != null) {
                asked.add("authorization");
            }
            HttpRequest.Builder preflight = HttpRequest.newBuilder(URI.create(baseUrl + example.requestTarget()))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", ORIGIN)
                    .header("Access-Control-Request-Method", example.method().toUpperCase(Locale.ROOT));
            if (!asked.isEmpty()) {
                preflight.header("Access-Control-Request-Headers", String.join(",", asked));
            }
            HttpResponse<String> allowed = HTTP.send(preflight.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(allowed.statusCode()).as("preflight status; body %s", allowed.body()).isBetween(200, 299);
            assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ORIGIN);
            assertThat(allowed.headers().firstValue("Access-Control-Allow-Methods").orElse(""))
                    .contains(example.method().toUpperCase(Locale.ROOT));
            String allowedHeaders = allowed.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase(Locale.ROOT);
            assertThat(asked).allSatisfy(header -> assertThat(allowedHeaders).contains(header));

            HttpRequest.Builder call = HttpRequest.newBuilder(URI.create(baseUrl + example.requestTarget()))
                    .method(example.method().toUpperCase(Locale.ROOT), HttpRequest.BodyPublishers.noBody())
                    .header("Origin", ORIGIN);
            example.headerParameters().forEach(call::header);
            if (example.credentials().authorization() != null) {
                call.header("Authorization", example.credentials().authorization());
            }
            HttpResponse<String> answer = HTTP.send(call.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as("status; body %s", answer.body()).isEqualTo(example.status());
            assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ORIGIN);
        }));
    }

    /** The container image is the same WireMock, given the same options; only where it listens differs. */
    @Test
    void theContainerCommandRunsTheSameWireMockWithTheSameOptions() throws Exception {
        Guide guide = Guide.read();
        List<String> docker = guide.words("docker run ");
        String image = docker.stream().filter(word -> word.startsWith("wiremock/wiremock:")).findFirst().orElseThrow();
        assertThat(image).isEqualTo("wiremock/wiremock:" + guide.wiremockJarName()
                .replace("wiremock-standalone-", "").replace(".jar", ""));
        assertThat(docker).containsSequence("-v", "\"$PWD/$STUBS:/home/wiremock\"").containsSequence("-p", "127.0.0.1:8080:8080");
        List<String> imageOptions = docker.subList(docker.indexOf(image) + 1, docker.size());
        assertThat(imageOptions).isEqualTo(guide.javaOptions(8080, null));
    }

    /** The guide's block: its commands, read as words. */
    private record Guide(List<String> lines) {

        static Guide read() throws IOException {
            String text = Files.readString(GUIDE, StandardCharsets.UTF_8);
            int at = text.indexOf(MARKER);
            assertThat(at).as("%s in %s", MARKER, GUIDE).isNotNegative();
            Matcher block = Pattern.compile("```sh\n([\\s\\S]*?)```").matcher(text.substring(at));
            assertThat(block.find()).as("a sh block after %s", MARKER).isTrue();
            return new Guide(block.group(1).lines().toList());
        }

        List<String> words(String start) {
            String line = lines.stream().filter(l -> l.startsWith(start)).findFirst()
                    .orElseThrow(() -> new AssertionError("no line starting '" + start + "' in the guide's block"));
            return Arrays.asList(line.trim().split("\\s+"));
        }

        String wiremockJarName() {
            return words("java -jar ").get(2);
        }

        /** The folder that --root-dir names: the STUBS line, with the kit's version for $BALANCE_VERSION. */
        String stubsFolder(String kitVersion) {
            String folder = words("STUBS=").get(0).substring("STUBS=".length());
            assertThat(folder).startsWith("balance-stubs/").contains("$BALANCE_VERSION");
            assertThat(words("unzip ")).contains("balance-stubs");
            return folder.substring("balance-stubs/".length()).replace("$BALANCE_VERSION", kitVersion);
        }

        /**
         * The WireMock options of the java line, as written, with a port of the test's and the unpacked
         * folder for {@code "$STUBS"}; without the listening and folder options when {@code rootDir} is
         * null, which is what the container line must repeat.
         */
        List<String> javaOptions(int port, String rootDir) {
            List<String> java = words("java -jar ");
            List<String> options = new ArrayList<>();
            for (int i = 3; i < java.size(); i++) {
                String option = java.get(i);
                boolean listening = option.equals("--port") || option.equals("--bind-address") || option.equals("--root-dir");
                if (listening) {
                    String value = java.get(++i);
                    if (rootDir == null) {
                        continue;
                    }
                    options.add(option);
                    options.add(switch (option) {
                        case "--port" -> String.valueOf(port);
                        case "--root-dir" -> {
                            assertThat(value).isEqualTo("\"$STUBS\"");
                            yield rootDir;
                        }
                        default -> {
                            assertThat(value).as("WireMock listens on loopback only").isEqualTo("127.0.0.1");
                            yield value;
                        }
                    });
                } else {
                    options.add(option);
                }
            }
            return options;
        }
    }

    private static String version(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest().getMainAttributes().getValue("Implementation-Version");
        }
    }

    private static void unzip(Path jar, Path into) throws IOException {
        try (InputStream in = Files.newInputStream(jar); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into.normalize())) {
                    throw new IOException("an entry outside the folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Up to 60 s for WireMock to answer its health check; its log is in the failure if it stops or never answers. */
    private static void awaitHealth(Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!wiremock.isAlive()) {
                throw new AssertionError("WireMock standalone stopped: " + Files.readString(log));
            }
            try {
                HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/__admin/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("WireMock standalone did not answer in 60 s: " + Files.readString(log));
    }
}
