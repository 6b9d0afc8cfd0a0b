package com.clickairtime.balance.sandbox.docs;

import com.clickairtime.balance.sandbox.SandboxTestSupport;
import com.clickairtime.balance.sandbox.access.ApiKeys;
import com.clickairtime.balance.sandbox.dataset.Dataset;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** {@code /openapi.yaml} and {@code /docs}: no key needed, the spec byte for byte, every asset local. */
@SpringBootTest
@AutoConfigureMockMvc
class DocsMvcTest {

    /** The spec as written in the repository, not as any jar packages it. */
    static final Path SPEC_FILE = Path.of("..", "openapi", "balance.yaml");

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiKeys keys;

    @Test
    void theSpecIsServedByteForByteWithoutAKey() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/openapi.yaml")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("application/yaml");
        assertThat(response.getContentAsByteArray()).isEqualTo(Files.readAllBytes(SPEC_FILE));
    }

    @Test
    void theDocsPageListsEveryDemoKeyFromTheDatasetAndLoadsOnlyLocalFiles() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/docs")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("text/html;charset=UTF-8");
        String page = response.getContentAsString();
        assertThat(keys.all()).isNotEmpty();
        for (Dataset.ApiKeyEntry key : keys.all()) {
            assertThat(page).contains("<code>" + key.key() + "</code>").contains(HtmlUtils.htmlEscape(key.note()));
        }
        String defaultKey = SandboxTestSupport.SPEC.defaultSandboxKey().orElseThrow();
        assertThat(page).contains("<code>" + defaultKey + "</code> <strong>(default");

        Matcher link = Pattern.compile("(?:src|href)=\"([^\"]*)\"").matcher(page);
        int links = 0;
        while (link.find()) {
            links++;
            assertThat(link.group(1)).startsWith("/docs/");
            MockHttpServletResponse asset = mvc.perform(get(link.group(1))).andReturn().getResponse();
            assertThat(asset.getStatus()).as(link.group(1)).isEqualTo(200);
            assertThat(asset.getContentAsByteArray()).as(link.group(1)).isNotEmpty();
        }
        assertThat(links).isGreaterThanOrEqualTo(3);
    }

    /** Only the docs' two folders are static; anything else unknown is still the API's 404 envelope. */
    @ParameterizedTest
    @ValueSource(strings = {"/docs/swagger-ui/nope.js", "/docs/assets/nope.js", "/docs/nope", "/swagger-ui/swagger-ui.css",
            "/webjars/swagger-ui/5.34.1/swagger-ui.css", "/docs/index.html", "/openapi.json", "/nope"})
    void anUnknownPathIsStillTheJson404(String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(404);
        assertThat(response.getContentType()).as(path).isEqualTo("application/json");
        JsonNode body = SandboxTestSupport.exact(response.getContentAsString());
        assertThat(body.at("/error/code").asText()).as(path).isEqualTo("NOT_FOUND");
    }
}
