package com.clickairtime.balance.sandbox.error;

import com.clickairtime.balance.sandbox.routing.ApiRoutes;
import com.clickairtime.balance.server.support.error.ErrorEnvelopes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.Map;

/**
 * The sandbox's errors: the support library's envelope ({@link ErrorEnvelopes}, which bypasses
 * content negotiation, so that a 406 and an error raised inside the container are JSON too), with
 * the sandbox's own headers on every refusal and {@code Allow} on a 405.
 */
@Component
public class ErrorResponses {

    private static final ErrorCode METHOD_NOT_ALLOWED = ErrorCode.of("METHOD_NOT_ALLOWED");

    /** The code of the error this request was answered with, for the metrics (metrics.RequestMetrics). */
    public static final String CODE_ATTRIBUTE = ErrorResponses.class.getName() + ".code";

    private final ErrorEnvelopes envelopes;
    private final ErrorCatalog catalog;
    private final ApiRoutes routes;

    public ErrorResponses(ErrorEnvelopes envelopes, ErrorCatalog catalog, ApiRoutes routes) {
        this.envelopes = envelopes;
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
        request.setAttribute(CODE_ATTRIBUTE, code.name());
        protect(response);
        noStore(response);
        envelopes.write(request, response, code.name(), details);
    }
}
