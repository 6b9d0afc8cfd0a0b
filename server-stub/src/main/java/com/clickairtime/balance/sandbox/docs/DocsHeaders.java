package com.clickairtime.balance.sandbox.docs;

import com.clickairtime.balance.sandbox.error.ErrorCode;
import com.clickairtime.balance.sandbox.error.ErrorResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Set;

/**
 * The docs are a page a browser runs, so they get a browser's protections: a content security
 * policy that lets the page load and call only this sandbox (Swagger UI's stock page would
 * fetch petstore.swagger.io), no sniffing, and no framing. Swagger UI's stock entry points are
 * not served at all; {@code /docs} is the one page. Every answer carries {@code nosniff} and
 * the frame protection; the API's JSON is never meant to be rendered or framed either.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class DocsHeaders extends OncePerRequestFilter {

    private static final ErrorCode NOT_FOUND = ErrorCode.of("NOT_FOUND");

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    /** Swagger UI's own page and its initializer, which points at the petstore. */
    private static final Set<String> STOCK = Set.of("/docs/swagger-ui/index.html", "/docs/swagger-ui/swagger-initializer.js",
            "/docs/swagger-ui/oauth2-redirect.html", "/docs/swagger-ui/", "/docs/swagger-ui");

    private final ErrorResponses errors;

    public DocsHeaders(ErrorResponses errors) {
        this.errors = errors;
        errors.require(NOT_FOUND);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ErrorResponses.protect(response);
        String path = request.getRequestURI();
        if (path.equals("/docs") || path.startsWith("/docs/") || path.equals("/openapi.yaml")) {
            response.setHeader("Content-Security-Policy", POLICY);
            response.setHeader("Referrer-Policy", "no-referrer");
        }
        if (STOCK.contains(path)) {
            errors.write(request, response, NOT_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }
}
