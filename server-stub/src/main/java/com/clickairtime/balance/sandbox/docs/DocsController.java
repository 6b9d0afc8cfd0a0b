package com.clickairtime.balance.sandbox.docs;

import com.clickairtime.balance.sandbox.access.ApiKeys;
import com.clickairtime.balance.sandbox.config.SandboxProperties;
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
import java.util.List;

/**
 * The sandbox's own description, for people and tools: the spec at {@code /openapi.yaml} and
 * Swagger UI at {@code /docs}, opened on it, with the dataset's demo keys and this sandbox's own settings
 * (the spec describes the API, not them). Neither needs a key.
 */
@Controller
public class DocsController {

    static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    private final SandboxSpec spec;
    // Made once, sent to every caller as they are (NonBlockingWrites.sendShared).
    private final byte[] page;

    public DocsController(SandboxSpec spec, ApiKeys keys, SandboxProperties settings) {
        this.spec = spec;
        this.page = page(keys, spec.defaultKey(), settings).getBytes(StandardCharsets.UTF_8);
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

    private static String page(ApiKeys keys, String defaultKey, SandboxProperties settings) {
        StringBuilder rows = new StringBuilder();
        keys.all().stream().sorted(Comparator.comparing(Dataset.ApiKeyEntry::key)).forEach(key -> rows
                .append("<tr><td><code>").append(HtmlUtils.htmlEscape(key.key())).append("</code>")
                .append(key.key().equals(defaultKey) ? " <strong>(default: use it to Authorize)</strong>" : "")
                .append("</td><td>").append(HtmlUtils.htmlEscape(key.note() == null ? "" : key.note()))
                .append("</td></tr>\n"));
        return template().replace("<!--demo-keys-->", rows).replace("<!--sandbox-settings-->", settings(settings));
    }

    /** What this sandbox adds to the API the spec describes, as it was started: each choice with its setting's name. */
    private static String settings(SandboxProperties settings) {
        SandboxProperties.RateLimit limits = settings.rateLimit();
        return setting("Answers only to the <code>Host</code> names " + codes(settings.allowedHosts())
                        + ", any port; any other gets 400 <code>MALFORMED_REQUEST</code>", "sandbox.allowed-hosts")
                + setting("Pages from " + codes(settings.cors().allowedOrigins()) + " may call it", "sandbox.cors.allowed-origins")
                + setting(limits.requestsPerMinute() + " requests a minute per key", "sandbox.rate-limit.requests-per-minute")
                + setting(limits.failedAuthenticationsPerMinute() + " failed authentications a minute per address; the whole"
                        + " loopback range is one address", "sandbox.rate-limit.failed-authentications-per-minute")
                + setting("At most " + limits.maxBuckets() + " keys and addresses tracked per limit; past them, new callers"
                        + " share one budget", "sandbox.rate-limit.max-buckets")
                + setting("A request head (request line and headers) that has not arrived within "
                        + settings.requestDeadline().toMillis() + " ms of its first byte is closed", "sandbox.request-deadline");
    }

    private static String setting(String choice, String name) {
        return "<li>" + choice + " (<code>" + name + "</code>)</li>\n";
    }

    private static String codes(List<String> values) {
        return String.join(", ", values.stream().map(value -> "<code>" + HtmlUtils.htmlEscape(value) + "</code>").toList());
    }

    private static String template() {
        try {
            return new ClassPathResource("docs/index.html").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
