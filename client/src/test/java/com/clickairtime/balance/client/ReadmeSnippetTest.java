package com.clickairtime.balance.client;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The README shows exactly the snippets that {@link ReadmeSnippet} compiles. */
class ReadmeSnippetTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"README, 12", "README-options, 22"})
    void theReadmeShowsTheCompiledSnippet(String marker, int maxLines) throws IOException {
        String source = Files.readString(Path.of("src/test/java/com/clickairtime/balance/client/ReadmeSnippet.java"));
        String begin = "// " + marker + ":begin\n";
        String snippet = source.substring(source.indexOf(begin) + begin.length(), source.indexOf("        // " + marker + ":end"));
        String unindented = Arrays.stream(snippet.split("\n")).map(line -> line.length() >= 8 ? line.substring(8) : line)
                .collect(Collectors.joining("\n"));
        assertThat(unindented.lines().count()).isBetween(3L, (long) maxLines);
        assertThat(Files.readString(Path.of("../README.md"))).contains(unindented);
    }
}
