package com.clickairtime.balance.sandbox.error;

import com.clickairtime.balance.sandbox.routing.ApiRoutes;
import com.clickairtime.balance.sandbox.wire.ResponseMeta;
import com.clickairtime.balance.server.model.ErrorDetail;
import com.clickairtime.balance.server.model.ErrorResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the error envelope straight to the servlet response. It bypasses content
 * negotiation on purpose: a 406 must still be JSON, and so must errors raised inside the
 * container, where no Spring MVC machinery runs.
 */
@Component
public class ErrorResponses {

    private static final ErrorCode METHOD_NOT_ALLOWED = ErrorCode.of("METHOD_NOT_ALLOWED");

    /** The code of the error this request was answered with, for the metrics (metrics.RequestMetrics). */
    public static final String CODE_ATTRIBUTE = ErrorResponses.class.getName() + ".code";

    private final JsonMapper json;
    private final ResponseMeta meta;
    private final ErrorCatalog catalog;
    private final ApiRoutes routes;

    public ErrorResponses(JsonMapper json, ResponseMeta meta, ErrorCatalog catalog, ApiRoutes routes) {
        this.json = json;
        this.meta = meta;
        this.catalog = catalog;
        this.routes = routes;
        catalog.require(METHOD_NOT_ALLOWED);
    }

    /** Stops the start when the spec does not document a code that the caller's behaviour answers with. */
    public void require(ErrorCode... codes) {
        catalog.require(codes);
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code) throws IOException {
        write(request, response, code, Map.of());
    }

    /**
     * No sniffing and no framing, on every answer: the API's JSON is never meant to be rendered
     * or framed. An error is often written before the filter that sets them on the rest
     * ({@code docs.DocsHeaders}) runs, or by the container, so the envelope sets them itself.
     */
    public static void protect(HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
    }

    /**
     * Kept by no cache, private or shared: every answer inside the API (a balance is private and
     * changes) and every refusal anywhere (OWASP API8).
     */
    public static void noStore(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** 405 with the {@code Allow} header that lists what is mapped at that path instead. */
    public void methodNotAllowed(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.ALLOW, routes.allow(request));
        write(request, response, METHOD_NOT_ALLOWED);
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code,
                      Map<String, Object> details) throws IOException {
        ErrorResponse body = new ErrorResponse().success(false)
                .error(new ErrorDetail().code(code.name()).message(catalog.message(code)).details(new LinkedHashMap<>(details)))
                .meta(meta.of(request));
        request.setAttribute(CODE_ATTRIBUTE, code.name());
        response.resetBuffer();
        response.setStatus(catalog.status(code));
        protect(response);
        noStore(response);
        if (catalog.status(code) == HttpServletResponse.SC_UNAUTHORIZED) {
            // RFC 9110, section 11.6.1: a 401 names the scheme it wants.
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        // JSON is UTF-8 by definition (RFC 8259); Jackson writes bytes, so no charset parameter.
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }
}
