package com.clickairtime.balance.sandbox.docs;

import com.clickairtime.balance.sandbox.access.ApiKeys;
import com.clickairtime.balance.sandbox.dataset.Dataset;
import com.clickairtime.balance.sandbox.wire.NonBlockingWrites;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.HtmlUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;

/**
 * The sandbox's own description, for people and tools: the spec at {@code /openapi.yaml} and
 * Swagger UI at {@code /docs}, opened on it, with the dataset's demo keys. Neither needs a key.
 */
@Controller
public class DocsController {

    static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    private final SandboxSpec spec;
    // Made once, sent to every caller as they are (NonBlockingWrites.sendShared).
    private final byte[] page;

    public DocsController(SandboxSpec spec, ApiKeys keys) {
        this.spec = spec;
        this.page = page(keys, spec.defaultKey()).getBytes(StandardCharsets.UTF_8);
    }

    @GetMapping(path = "/openapi.yaml", produces = "application/yaml")
    void openApi(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType(YAML.toString());
        NonBlockingWrites.sendShared(request, response, spec.bytes());
    }

    @GetMapping(path = {"/docs", "/docs/"}, produces = MediaType.TEXT_HTML_VALUE)
    void docs(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8).toString());
        NonBlockingWrites.sendShared(request, response, page);
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
