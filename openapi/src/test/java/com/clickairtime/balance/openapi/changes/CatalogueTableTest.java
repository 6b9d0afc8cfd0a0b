package com.clickairtime.balance.openapi.changes;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The table of changes in docs/changing-the-api.md is the catalogue's: written from {@link Catalogue}, between two
 * markers. When the catalogue changes, {@code ./mvnw -pl openapi test -Dtest=CatalogueTableTest
 * -Dcatalogue.write=true} rewrites it.
 */
class CatalogueTableTest {

    static final String START = "<!-- catalogue:start (written by CatalogueTableTest from the gate's catalogue) -->";
    static final String END = "<!-- catalogue:end -->";

    static String table() {
        StringBuilder md = new StringBuilder("| change | kind | clients | implementers | optic 1.0.9 |\n|---|---|---|---|---|\n");
        for (Catalogue.Entry entry : Catalogue.entries()) {
            md.append("| ").append(entry.change())
                    .append(" | ").append(entry.kind() == null ? "(no change)" : "`" + entry.kind() + "`")
                    .append(" | ").append(entry.clients().label())
                    .append(" | ").append(entry.implementers().label())
                    .append(" | ").append(entry.opticBreaking() ? "breaking" : "passes").append(entry.whyNot() == null ? "" : " (see below)")
                    .append(" |\n");
        }
        md.append('\n');
        for (Catalogue.Entry entry : Catalogue.entries()) {
            if (entry.whyNot() != null) {
                md.append("Where optic is stricter, *").append(entry.change()).append("*: ").append(entry.whyNot()).append('\n');
            }
        }
        return md.toString();
    }

    @Test
    void theGuideShowsTheCatalogue() throws IOException {
        Path guide = Path.of(System.getProperty("catalogue.guide", "../docs/changing-the-api.md"));
        String text = Files.readString(guide, StandardCharsets.UTF_8);
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        assertThat(start).as("%s in %s", START, guide).isNotNegative();
        assertThat(end).as("%s in %s", END, guide).isGreaterThan(start);
        String written = text.substring(start + START.length() + 1, end);
        if (Boolean.getBoolean("catalogue.write")) {
            Files.writeString(guide, text.substring(0, start + START.length() + 1) + table() + text.substring(end),
                    StandardCharsets.UTF_8);
            return;
        }
        assertThat(written).as("the table of docs/changing-the-api.md; rewrite it with ./mvnw -pl openapi test -Dtest=CatalogueTableTest"
                + " -Dcatalogue.write=true").isEqualTo(table());
    }
}
