package com.clickairtime.balance.verifier.check;

import com.clickairtime.balance.openapi.MoneyScale;
import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.clickairtime.balance.openapi.BalanceSpec;
import com.clickairtime.balance.openapi.ExampleCase;
import com.clickairtime.balance.verifier.wire.WireRequest;
import com.clickairtime.balance.verifier.wire.WireResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one documented case promises on the wire, as a list of differences (empty when the
 * response keeps every promise). Each difference names what was expected and what came.
 */
public final class CaseChecks {

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30());
    private static final JsonMapper JSON3 = JsonMapper.builder().build();

    private final BalanceSpec spec;
    private final OpenApiInteractionValidator validator;

    public CaseChecks(BalanceSpec spec) {
        this.spec = spec;
        // Responses only: a contract sends invalid requests on purpose (no key, unknown wallets).
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(spec.text())
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    /**
     * Every check of a case at its level, as the verifier and the Spring Cloud Contract base class
     * run them: {@link #conformance}, and at {@code exact} the {@code Content-Type} and body as written.
     *
     * @param exchange when the request went out and its answer came back, for the header values
     *                 that are times; null for a target that replays the documented examples, whose
     *                 times are the examples' own
     */
    public List<String> all(ExampleCase example, WireRequest request, WireResponse response, boolean exact,
                            Exchange exchange) {
        List<String> problems = new ArrayList<>(conformance(example, request, response, exchange));
        if (exact) {
            problems.addAll(exactContentType(example, response));
            problems.addAll(exactBody(example, response));
        }
        return problems;
    }

    /**
     * For any implementation, whatever its data: the status, the {@code Content-Type}'s media type
     * (a {@code charset=utf-8} parameter allowed, which is what JSON is anyway), every required
     * header against its schema and its {@code x-unix-time} bounds, the whole response against
     * the spec, the envelope's {@code error.code}, and money written at its currency's scale.
     */
    public List<String> conformance(ExampleCase example, WireRequest request, WireResponse response, Exchange exchange) {
        List<String> problems = new ArrayList<>();
        if (response.status() != example.status()) {
            problems.add("status " + response.status() + ", documented " + example.status());
        }
        String contentType = response.header("Content-Type");
        if (!ContentTypes.sameOrUtf8(example.mediaType(), contentType)) {
            problems.add("Content-Type " + quoted(contentType) + ", documented " + quoted(example.mediaType())
                    + " (a charset=utf-8 parameter is the only one allowed)");
        }
        for (Map.Entry<String, JsonNode> required : example.requiredHeaders().entrySet()) {
            String value = response.header(required.getKey());
            if (value == null) {
                problems.add("no " + required.getKey() + " header, which the spec requires");
            } else {
                List<String> violations = headerViolations(required.getValue().path("schema"), value);
                for (String violation : violations) {
                    problems.add("header " + required.getKey() + ": " + quoted(value) + " " + violation);
                }
                if (violations.isEmpty() && exchange != null) {
                    UnixTimes.check(required.getKey(), required.getValue(), value, exchange).ifPresent(problems::add);
                }
            }
        }
        JsonNode body = WireText.read(response.bodyText()).orElse(null);
        if (body == null) {
            problems.add("the body is not JSON: " + abbreviated(response.bodyText()));
            return problems;
        }
        problems.addAll(schemaViolations(example, request, response));
        problems.addAll(AlsoSatisfies.violations(spec, example.bodySchema(), body));
        if (example.isError()) {
            String documented = example.body().at("/error/code").asText();
            String code = body.at("/error/code").asText(null);
            if (!documented.equals(code)) {
                problems.add("error.code " + quoted(code) + ", documented " + quoted(documented));
            }
        }
        moneyScale(body, "", problems);
        return problems;
    }

    /** For a server whose states reproduce the examples: {@code Content-Type} exactly as documented, no parameter. */
    public List<String> exactContentType(ExampleCase example, WireResponse response) {
        String contentType = response.header("Content-Type");
        return example.mediaType().equals(contentType) ? List.of()
                : List.of("Content-Type " + quoted(contentType) + ", documented exactly " + quoted(example.mediaType()));
    }

    /** For a server whose states reproduce the examples: the body as text, {@code meta} aside. */
    public List<String> exactBody(ExampleCase example, WireResponse response) {
        String documented = WireText.withoutMeta(example.body());
        String actual = WireText.read(response.bodyText()).map(WireText::withoutMeta).orElse(response.bodyText());
        return documented.equals(actual) ? List.of()
                : List.of("the body as written (meta aside) differs from the example:\n      expected: " + documented
                        + "\n      actual:   " + abbreviated(actual));
    }

    private List<String> schemaViolations(ExampleCase example, WireRequest request, WireResponse response) {
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(response.status()).withBody(response.bodyText());
        response.headers().forEach((name, values) -> builder.withHeader(name, values));
        ValidationReport report = validator.validateResponse(request.path(),
                Request.Method.valueOf(example.method().toUpperCase(Locale.ROOT)), builder.build());
        List<String> problems = new ArrayList<>();
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() == ValidationReport.Level.ERROR) {
                problems.add("against the spec: " + message.getMessage());
            }
        }
        return problems;
    }

    /**
     * Every number in an object that names its {@code currency} is money in that currency, and
     * is written with the currency's ISO 4217 minor units: {@code 1250.50} USD, never {@code 1250.5}.
     */
    private static void moneyScale(JsonNode node, String at, List<String> problems) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                moneyScale(node.get(i), at + "[" + i + "]", problems);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        Integer digits = MoneyScale.minorUnits(node.path("currency").asText(null));
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String path = at.isEmpty() ? field.getKey() : at + "." + field.getKey();
            JsonNode value = field.getValue();
            if (digits != null && value.isNumber()) {
                BigDecimal amount = value.decimalValue();
                int scale = Math.max(amount.scale(), 0);
                if (scale != digits) {
                    problems.add(path + " is written " + value + ": " + node.get("currency").asText() + " is written with "
                            + digits + " decimal places (" + amount.setScale(digits, RoundingMode.HALF_EVEN) + ")");
                }
            } else {
                moneyScale(value, path, problems);
            }
        }
    }

    private static List<String> headerViolations(JsonNode schema, String value) {
        tools.jackson.databind.JsonNode typed = "integer".equals(schema.path("type").asText()) && value.matches("-?\\d{1,18}")
                ? JsonNodeFactory.instance.numberNode(Long.parseLong(value))
                : JsonNodeFactory.instance.stringNode(value);
        List<String> messages = new ArrayList<>();
        for (Error error : SCHEMAS.getSchema(JSON3.readTree(schema.toString())).validate(typed)) {
            messages.add(error.toString());
        }
        return messages;
    }

    static String quoted(String value) {
        return value == null ? "(none)" : "'" + value + "'";
    }

    private static String abbreviated(String text) {
        return text.length() <= 600 ? text : text.substring(0, 600) + "… (" + text.length() + " characters)";
    }
}
