package com.clickairtime.balance.sandbox.docs;

import com.clickairtime.balance.sandbox.access.ApiKeys;
import com.clickairtime.balance.sandbox.dataset.Dataset;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;

/**
 * The sandbox's own description, for people and tools: the spec at {@code /openapi.yaml} and
 * Swagger UI at {@code /docs}, opened on it, with the dataset's demo keys. Neither needs a key.
 */
@RestController
public class DocsController {

    static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    private final SandboxSpec spec;
    private final String page;

    public DocsController(SandboxSpec spec, ApiKeys keys) {
        this.spec = spec;
        this.page = page(keys, spec.defaultKey());
    }

    @GetMapping(path = "/openapi.yaml", produces = "application/yaml")
    ResponseEntity<byte[]> openApi() {
        return ResponseEntity.ok().contentType(YAML).body(spec.bytes());
    }

    @GetMapping(path = {"/docs", "/docs/"}, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> docs() {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(page);
    }

    private static String page(ApiKeys keys, String defaultKey) {
        StringBuilder rows = new StringBuilder();
        keys.all().stream().sorted(Comparator.comparing(Dataset.ApiKeyEntry::key)).forEach(key -> rows
                .append("<tr><td><code>").append(HtmlUtils.htmlEscape(key.key())).append("</code>")
                .append(key.key().equals(defaultKey) ? " <strong>(default: use it to Authorize)</strong>" : "")
                .append("</td><td>").append(HtmlUtils.htmlEscape(key.note() == null ? "" : key.note()))
                .append("</td></tr>\n"));
        return template().replace("<!--demo-keys-->", rows);
    }

    private static String template() {
        try {
            return new ClassPathResource("docs/index.html").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
