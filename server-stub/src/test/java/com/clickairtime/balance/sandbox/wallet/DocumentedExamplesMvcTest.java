package com.clickairtime.balance.sandbox.wallet;

import com.clickairtime.balance.sandbox.SandboxTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every named example of the spec, replayed against the sandbox through its full MVC stack:
 * the answer equals the documented body exactly (decimal scale included), apart from
 * {@code meta}, which must have the documented shape. The examples are read from
 * balance.yaml, never retyped.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DocumentedExamplesMvcTest {

    @Autowired
    MockMvc mvc;

    @TestFactory
    Stream<DynamicTest> theSandboxAnswersEveryNamedExample() {
        return SandboxTestSupport.SPEC.cases().stream().map(c -> DynamicTest.dynamicTest(c.contractName(), () -> {
            MockHttpServletRequestBuilder call = request(c.method(), java.net.URI.create(c.path()));
            if (c.credentials().authorization() != null) {
                call.header(HttpHeaders.AUTHORIZATION, c.credentials().authorization());
            }
            MockHttpServletResponse response = mvc.perform(call).andReturn().getResponse();

            assertThat(response.getStatus()).isEqualTo(c.status());
            assertThat(response.getContentType()).isEqualTo(c.mediaType());
            assertThat(response.getHeaderNames()).containsAll(c.requiredHeaders().keySet());
            JsonNode actual = SandboxTestSupport.exact(response.getContentAsString());
            assertThat(actual.at("/meta/request_id").asText()).matches(SandboxTestSupport.REQUEST_ID);
            assertThat(actual.at("/meta/timestamp").asText()).matches(SandboxTestSupport.TIMESTAMP);
            assertThat(withoutMeta(actual)).isEqualTo(withoutMeta(c.body()));
        }));
    }

    private static JsonNode withoutMeta(JsonNode body) {
        ObjectNode copy = body.deepCopy();
        copy.remove("meta");
        return copy;
    }
}
