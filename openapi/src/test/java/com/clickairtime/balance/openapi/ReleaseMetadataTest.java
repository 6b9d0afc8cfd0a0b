package com.clickairtime.balance.openapi;

import io.swagger.v3.oas.models.info.Info;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The root pom's license and developer, which every published pom inherits, are the spec's
 * {@code info.license} and {@code info.contact}: a pom cannot read them from the spec, so this
 * holds the copy to it.
 */
class ReleaseMetadataTest {

    @Test
    void thePomsLicenseAndDeveloperAreTheSpecs() throws Exception {
        Info info = BalanceSpec.load().openApi().getInfo();
        Element pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Path.of("../pom.xml").toFile()).getDocumentElement();

        assertThat(text(pom, "licenses", "license", "name")).isEqualTo(info.getLicense().getName());
        assertThat(text(pom, "licenses", "license", "url")).isEqualTo(info.getLicense().getUrl());
        assertThat(text(pom, "developers", "developer", "name")).isEqualTo(info.getContact().getName());
        assertThat(text(pom, "developers", "developer", "url")).isEqualTo(info.getContact().getUrl());
    }

    /** The text of the first element at this path of direct children. */
    private static String text(Element element, String... path) {
        Element current = element;
        for (String name : path) {
            Element found = null;
            for (var node = current.getFirstChild(); node != null && found == null; node = node.getNextSibling()) {
                if (node instanceof Element child && child.getTagName().equals(name)) {
                    found = child;
                }
            }
            assertThat(found).as("<%s> in <%s> of the root pom", name, current.getTagName()).isNotNull();
            current = found;
        }
        return current.getTextContent().trim();
    }
}
