package com.clickairtime.balance.server.support;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.clickairtime.balance.openapi.DocumentedError;
import com.clickairtime.balance.server.model.Money;
import com.clickairtime.balance.server.model.Wallet;
import com.clickairtime.balance.server.model.WalletResponse;
import com.clickairtime.balance.server.support.error.ApiException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The bytes a server with the support library writes, on Spring Boot 4 (Boot 3.5 is the sample implementer's). */
@SpringBootTest(classes = WireFormatTest.App.class)
@AutoConfigureMockMvc
class WireFormatTest {

    private static final BalanceSpec SPEC = BalanceSpec.load();

    @Autowired
    MockMvc mvc;

    @Test
    void moneyIsWrittenAtItsCurrencysScale() throws Exception {
        assertThat(body("/wallets/USD/42.1")).contains("\"currency\":\"USD\",\"balance\":42.10,");
        assertThat(body("/wallets/JPY/1500.00")).contains("\"currency\":\"JPY\",\"balance\":1500,");
        assertThat(body("/wallets/KWD/1.5")).contains("\"currency\":\"KWD\",\"balance\":1.500,");
        assertThat(body("/wallets/USD/1E3")).contains("\"balance\":1000.00,");
        assertThat(body("/money/USD/0.005")).isEqualTo("{\"amount\":0.00,\"currency\":\"USD\"}");
    }

    @Test
    void fieldsComeInTheSchemasOrder() throws Exception {
        String body = body("/wallets/USD/1");
        List<String> order = new ArrayList<>();
        SPEC.raw().at("/components/schemas/Wallet/properties").fieldNames().forEachRemaining(order::add);
        int last = -1;
        for (String field : order) {
            int at = body.indexOf("\"" + field + "\":");
            assertThat(at).as(field + " in " + body).isGreaterThan(last);
            last = at;
        }
    }

    @Test
    void theEnvelopeCarriesItsMetaWithMillisecondsAndZ() throws Exception {
        String body = body("/wallets/USD/1");
        assertThat(body).startsWith("{\"success\":true,\"data\":{");
        assertThat(body).containsPattern("\"meta\":\\{\"request_id\":\"req_[a-z0-9]{12}\",\"timestamp\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\"}}$");
        assertThat(body("/timestamp")).isEqualTo("\"2024-01-15T10:30:00.000Z\"");
    }

    @Test
    void anApiExceptionIsTheDocumentedEnvelope() throws Exception {
        DocumentedError unknown = SPEC.errors().get("INVALID_API_KEY");
        MvcResult result = mvc.perform(get("/fail/INVALID_API_KEY")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(unknown.status());
        assertThat(result.getResponse().getHeader("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(result.getResponse().getContentType()).isEqualTo("application/json");
        assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).startsWith(
                "{\"success\":false,\"error\":{\"code\":\"INVALID_API_KEY\",\"message\":\"" + unknown.message()
                        + "\",\"details\":{\"key\":\"none\"}},\"meta\":{\"request_id\":\"req_");
    }

    @Test
    void anUndocumentedCodeIsAnInternalError() throws Exception {
        MvcResult result = mvc.perform(get("/fail/NO_SUCH_CODE")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(SPEC.errors().get("INTERNAL_ERROR").status());
        assertThat(result.getResponse().getContentAsString()).contains("\"code\":\"INTERNAL_ERROR\"");
    }

    @Test
    void aMethodTheOperationDoesNotAnswerIsThe405WithTheSpecsAllow() throws Exception {
        MvcResult result = mvc.perform(post("/money/USD/1")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(SPEC.errors().get("METHOD_NOT_ALLOWED").status());
        String documented = SPEC.raw().at("/components/responses/MethodNotAllowed/headers/Allow/schema/enum/0").asText();
        assertThat(documented).isNotEmpty();
        assertThat(result.getResponse().getHeader("Allow")).isEqualTo(documented);
    }

    private String body(String path) throws Exception {
        return mvc.perform(get(path)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @SpringBootApplication
    @RestController
    static class App {

        @GetMapping("/wallets/{currency}/{balance}")
        WalletResponse wallet(@PathVariable("currency") String currency, @PathVariable("balance") BigDecimal balance) {
            // A wallet the spec documents, read into the generated model: every property the spec has today.
            ObjectNode wallet = documentedWallet().deepCopy();
            wallet.put("currency", currency);
            wallet.put("balance", balance);
            return new WalletResponse().success(true).data(JsonMapper.builder().build().readValue(wallet.toString(), Wallet.class));
        }

        /** The first example object that has every property the Wallet schema has. */
        private static ObjectNode documentedWallet() {
            List<String> properties = new ArrayList<>();
            SPEC.raw().at("/components/schemas/Wallet/properties").fieldNames().forEachRemaining(properties::add);
            List<JsonNode> candidates = new ArrayList<>();
            collect(SPEC.raw(), candidates);
            return (ObjectNode) candidates.stream().filter(node -> properties.stream().allMatch(node::has)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no example shows a wallet with every property " + properties));
        }

        private static void collect(JsonNode node, List<JsonNode> found) {
            if (node.isObject()) {
                found.add(node);
            }
            node.elements().forEachRemaining(child -> collect(child, found));
        }

        @GetMapping("/money/{currency}/{amount}")
        Money money(@PathVariable("currency") String currency, @PathVariable("amount") BigDecimal amount) {
            return new Money().amount(amount).currency(currency);
        }

        @GetMapping("/timestamp")
        OffsetDateTime timestamp() {
            return OffsetDateTime.of(2024, 1, 15, 12, 30, 0, 0, ZoneOffset.ofHours(2));
        }

        @GetMapping("/query")
        String query(@RequestParam(name = "q", required = false) String q) {
            return q;
        }

        @GetMapping("/fail/{code}")
        void fail(@PathVariable("code") String code) {
            throw new ApiException(code, Map.of("key", "none"));
        }
    }
}
