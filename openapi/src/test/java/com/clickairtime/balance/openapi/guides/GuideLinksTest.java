package com.clickairtime.balance.openapi.guides;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README is a front door to the guides in docs/: it stays short, and every relative link of it
 * and of the guides reaches a file of the checkout and, with a #fragment, a heading of that file.
 */
class GuideLinksTest {

    private static final Path ROOT = Path.of(System.getProperty("kit.root", "..")).toAbsolutePath().normalize();
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6} (.+)$");

    @Test
    void theReadmeIsAFrontDoor() throws IOException {
        assertThat(Files.readAllLines(ROOT.resolve("README.md"))).hasSizeLessThan(200);
    }

    @Test
    void everyRelativeLinkReachesItsFileAndHeading() throws IOException {
        List<Path> pages = pages();
        assertThat(pages).hasSizeGreaterThan(1);
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            broken.addAll(brokenLinks(page));
        }
        assertThat(broken).isEmpty();
    }

    /** The check can fail: a link to a missing file, and one to a missing heading, are both reported. */
    @Test
    void aBrokenLinkIsReported() throws IOException {
        Path dir = Files.createTempDirectory("guides");
        Files.writeString(dir.resolve("a.md"), "# A\n\n## Real heading\n\n[ok](#real-heading) [file](b.md) [gone](c.md)"
                + " [no heading](a.md#nowhere)\n```sh\n## not a heading\n```\n[fenced](#not-a-heading)\n");
        Files.writeString(dir.resolve("b.md"), "# B\n");
        assertThat(brokenLinks(dir.resolve("a.md"))).containsExactlyInAnyOrder(
                dir.resolve("a.md") + ": c.md", dir.resolve("a.md") + ": a.md#nowhere", dir.resolve("a.md") + ": #not-a-heading");
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(file -> file.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    private static List<String> brokenLinks(Path page) throws IOException {
        List<String> broken = new ArrayList<>();
        Matcher link = LINK.matcher(Files.readString(page, StandardCharsets.UTF_8));
        while (link.find()) {
            String target = link.group(1);
            if (target.matches("^[a-z]+:.*")) {
                continue;
            }
            int hash = target.indexOf('#');
            String file = hash < 0 ? target : target.substring(0, hash);
            Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
            if (!Files.exists(resolved) || hash >= 0 && !anchors(resolved).contains(target.substring(hash + 1))) {
                broken.add(page + ": " + target);
            }
        }
        return broken;
    }

    /** GitHub's anchors of a Markdown file's headings, outside fenced blocks. */
    private static Set<String> anchors(Path file) throws IOException {
        Set<String> anchors = new HashSet<>();
        boolean fenced = false;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("```")) {
                fenced = !fenced;
            }
            Matcher heading = HEADING.matcher(line);
            if (!fenced && heading.matches()) {
                anchors.add(heading.group(1).trim().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}_ -]", "").replace(' ', '-'));
            }
        }
        return anchors;
    }
}
