package com.clickairtime.balance.client;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The SDK's guide (docs/sdk.md) shows exactly the snippets that {@link ReadmeSnippet} and {@code SdkQuickStart} compile. */
class ReadmeSnippetTest {

    private static final Path QUICK_START = Path.of("src/test/java/com/example/wallet/SdkQuickStart.java");
    private static final Path OPTIONS = Path.of("src/test/java/com/clickairtime/balance/client/ReadmeSnippet.java");

    /** The first snippet, which a newcomer copies, comes with its imports: its file's, all of them used. */
    @Test
    void theGuideShowsTheQuickStartWithItsImports() throws IOException {
        String source = Files.readString(QUICK_START);
        String snippet = snippet(source, "README", 12);
        List<String> imports = source.lines().filter(line -> line.startsWith("import ")).toList();

        assertThat(imports).isNotEmpty().allSatisfy(line -> assertThat(snippet)
                .contains(line.substring(line.lastIndexOf('.') + 1, line.length() - 1)));
        assertThat(guide()).contains("```java\n" + String.join("\n", imports) + "\n\n" + snippet + "\n```\n");
    }

    @Test
    void theGuideShowsTheOptionsSnippet() throws IOException {
        assertThat(guide()).contains(snippet(Files.readString(OPTIONS), "README-options", 22));
    }

    private static String snippet(String source, String marker, int maxLines) {
        String begin = "// " + marker + ":begin\n";
        String snippet = source.substring(source.indexOf(begin) + begin.length(), source.indexOf("        // " + marker + ":end"));
        String unindented = Arrays.stream(snippet.split("\n")).map(line -> line.length() >= 8 ? line.substring(8) : line)
                .collect(Collectors.joining("\n"));
        assertThat(unindented.lines().count()).isBetween(3L, (long) maxLines);
        return unindented;
    }

    private static String guide() throws IOException {
        return Files.readString(Path.of("../docs/sdk.md"));
    }
}
