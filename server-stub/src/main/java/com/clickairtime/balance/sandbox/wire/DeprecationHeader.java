package com.clickairtime.balance.sandbox.wire;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.clickairtime.balance.sandbox.routing.ApiRoutes;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code Deprecation} header (RFC 9745) on every answer of an operation the spec marks
 * {@code deprecated: true}, once the request is routed to it, errors included: a client that
 * logs it learns before the operation goes. Its value is a structured-field date, {@code @}
 * and Unix seconds: the operation's {@code x-deprecated-at} (a date or date-time) where the spec
 * gives one, else {@code @0}, "deprecated since a date in the past", which is all that
 * {@code deprecated: true} states.
 */
@Component
public class DeprecationHeader implements HandlerInterceptor {

    static final String EXTENSION = "x-deprecated-at";

    private final Map<String, String> byOperation;
    private final ApiRoutes routes;

    public DeprecationHeader(BalanceSpec spec, ApiRoutes routes) {
        this.byOperation = deprecated(spec);
        this.routes = routes;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method && routes.inApi(request)) {
            String value = byOperation.get(method.getMethod().getName());
            if (value != null) {
                response.setHeader("Deprecation", value);
            }
        }
        return true;
    }

    private static Map<String, String> deprecated(BalanceSpec spec) {
        Map<String, String> deprecated = new LinkedHashMap<>();
        spec.raw().path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            JsonNode operation = method.getValue();
            if (operation.path("deprecated").asBoolean(false)) {
                String operationId = operation.path("operationId").asText();
                deprecated.put(operationId, "@" + since(operationId, operation.path(EXTENSION)).getEpochSecond());
            }
        }));
        return Map.copyOf(deprecated);
    }

    private static Instant since(String operationId, JsonNode date) {
        if (date.isMissingNode() || date.isNull()) {
            return Instant.EPOCH;
        }
        String text = date.asText();
        try {
            return text.contains("T") ? OffsetDateTime.parse(text).toInstant()
                    : LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(operationId + "'s " + EXTENSION + " is no date (2026-12-01) or date-time"
                    + " (2026-12-01T00:00:00Z) of RFC 3339");
        }
    }
}
