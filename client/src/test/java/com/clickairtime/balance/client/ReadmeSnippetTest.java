package com.clickairtime.balance.client;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The README shows exactly the snippet that {@link ReadmeSnippet} compiles. */
class ReadmeSnippetTest {

    @Test
    void theReadmeShowsTheCompiledSnippet() throws IOException {
        String source = Files.readString(Path.of("src/test/java/com/clickairtime/balance/client/ReadmeSnippet.java"));
        String snippet = source.substring(source.indexOf("// README:begin\n") + "// README:begin\n".length(),
                source.indexOf("        // README:end"));
        String unindented = Arrays.stream(snippet.split("\n")).map(line -> line.length() >= 8 ? line.substring(8) : line)
                .collect(Collectors.joining("\n"));
        assertThat(unindented.lines().count()).isLessThanOrEqualTo(12);
        assertThat(Files.readString(Path.of("../README.md"))).contains(unindented);
    }
}
