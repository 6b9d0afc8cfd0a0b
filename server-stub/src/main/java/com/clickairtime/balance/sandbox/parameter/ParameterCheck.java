package com.clickairtime.balance.sandbox.parameter;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.clickairtime.balance.sandbox.error.ApiException;
import com.clickairtime.balance.sandbox.error.ErrorCatalog;
import com.clickairtime.balance.sandbox.error.ErrorCode;
import com.clickairtime.balance.sandbox.routing.ApiRoutes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Step 7 of the documented order of checks: every parameter of the operation against its
 * schema in the spec, in every location (path, query, header), whatever type the generator
 * made of it. The generated interface carries annotations for some constraints only (an
 * inline enum becomes a plain {@code String}), and Bean Validation counts a length in UTF-16
 * units where JSON Schema counts characters; so the schema itself decides, read from the spec
 * with a JSON Schema validator, and the first parameter (in the spec's order) that breaks it
 * is named in a 400 {@code INVALID_PARAMETER}, its value never repeated.
 *
 * <p>Runs after the access checks (the key's permissions and rate limit come first) and after
 * {@code RawPathVariables}, so a path value is the whole segment the client sent.
 */
@Component
public class ParameterCheck implements HandlerInterceptor {

    private static final ErrorCode INVALID_PARAMETER = ErrorCode.of("INVALID_PARAMETER");
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30());
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** One parameter of an operation, with its schema inlined. */
    record Parameter(String name, String in, boolean required, String type, String itemType, Schema schema) {
    }

    private final Map<String, List<Parameter>> byOperation;
    private final ApiRoutes routes;

    public ParameterCheck(BalanceSpec spec, ApiRoutes routes, ErrorCatalog errors) {
        errors.require(INVALID_PARAMETER);
        this.byOperation = parameters(spec);
        this.routes = routes;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method && routes.inApi(request)) {
            check(method.getMethod().getName(), request);
        }
        return true;
    }

    /**
     * @throws ApiException 400 {@code INVALID_PARAMETER} with {@code details.parameter}, for the
     *                      first parameter that is missing though required, or breaks its schema
     */
    public void check(String operationId, HttpServletRequest request) {
        for (Parameter parameter : byOperation.getOrDefault(operationId, List.of())) {
            List<String> values = values(parameter, request);
            if (values.isEmpty() ? parameter.required() : !valid(parameter, values)) {
                throw new ApiException(INVALID_PARAMETER, Map.of("parameter", parameter.name()));
            }
        }
    }

    private static boolean valid(Parameter parameter, List<String> values) {
        tools.jackson.databind.JsonNode value;
        if ("array".equals(parameter.type())) {
            ArrayNode array = NODES.arrayNode();
            values.forEach(item -> array.add(typed(parameter.itemType(), item)));
            value = array;
        } else if (values.size() > 1) {
            // One value was documented; which of several the caller meant is a guess not made.
            return false;
        } else {
            value = typed(parameter.type(), values.get(0));
        }
        return parameter.schema().validate(value).isEmpty();
    }

    /** The text as the schema's type reads it; text that is no such value stays text, and fails the type. */
    private static tools.jackson.databind.JsonNode typed(String type, String text) {
        try {
            return switch (type) {
                case "integer" -> NODES.numberNode(new BigInteger(text));
                case "number" -> NODES.numberNode(new BigDecimal(text));
                case "boolean" -> "true".equals(text) || "false".equals(text) ? NODES.booleanNode(Boolean.parseBoolean(text))
                        : NODES.stringNode(text);
                default -> NODES.stringNode(text);
            };
        } catch (NumberFormatException notANumber) {
            return NODES.stringNode(text);
        }
    }

    private static List<String> values(Parameter parameter, HttpServletRequest request) {
        return switch (parameter.in()) {
            case "path" -> {
                Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
                Object value = variables instanceof Map<?, ?> map ? map.get(parameter.name()) : null;
                yield value == null ? List.of() : List.of(value.toString());
            }
            case "query" -> {
                String[] given = request.getParameterValues(parameter.name());
                yield given == null ? List.of() : List.of(given);
            }
            case "header" -> Collections.list(request.getHeaders(parameter.name()));
            default -> List.of();
        };
    }

    /** Every operation's parameters, path-level ones first as OpenAPI merges them, by operationId. */
    private static Map<String, List<Parameter>> parameters(BalanceSpec spec) {
        Map<String, List<Parameter>> byOperation = new LinkedHashMap<>();
        spec.raw().path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            JsonNode operation = method.getValue();
            if (!operation.has("operationId")) {
                return;
            }
            Map<String, Parameter> merged = new LinkedHashMap<>();
            for (JsonNode source : List.of(path.getValue().path("parameters"), operation.path("parameters"))) {
                for (JsonNode reference : source) {
                    JsonNode parameter = spec.deref(reference);
                    String in = parameter.path("in").asText();
                    JsonNode schema = inlined(spec, parameter.path("schema"), 0);
                    merged.put(in + " " + parameter.path("name").asText(), new Parameter(parameter.path("name").asText(), in,
                            parameter.path("required").asBoolean(false), schema.path("type").asText("string"),
                            schema.path("items").path("type").asText("string"),
                            SCHEMAS.getSchema(JSON.readTree(schema.toString()))));
                }
            }
            byOperation.put(operation.path("operationId").asText(), List.copyOf(new ArrayList<>(merged.values())));
        }));
        return byOperation;
    }

    /** The schema with every local {@code $ref} replaced by what it names, so the validator needs no document. */
    private static JsonNode inlined(BalanceSpec spec, JsonNode schema, int depth) {
        if (depth > 32) {
            throw new IllegalStateException("a parameter's schema nests deeper than 32 levels, or refers to itself");
        }
        JsonNode resolved = spec.deref(schema);
        if (resolved.isObject()) {
            ObjectNode copy = ((ObjectNode) resolved).objectNode();
            resolved.fields().forEachRemaining(field -> copy.set(field.getKey(), inlined(spec, field.getValue(), depth + 1)));
            return copy;
        }
        if (resolved.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode copy = ((com.fasterxml.jackson.databind.node.ArrayNode) resolved).arrayNode();
            resolved.forEach(item -> copy.add(inlined(spec, item, depth + 1)));
            return copy;
        }
        return resolved;
    }
}
