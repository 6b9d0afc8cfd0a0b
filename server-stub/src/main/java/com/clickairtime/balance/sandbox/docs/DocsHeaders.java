package com.clickairtime.balance.sandbox.docs;

import com.clickairtime.balance.sandbox.error.ErrorResponses;
import com.clickairtime.balance.sandbox.routing.RequestPaths;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * The docs are a page a browser runs, so they get a browser's protections: a content security
 * policy that lets the page load and call only this sandbox (Swagger UI's stock page would
 * fetch petstore.swagger.io), no sniffing, and no framing. Swagger UI's stock entry points are
 * not served at all ({@link DocsAssets}); {@code /docs} is the one page. Every answer carries
 * {@code nosniff} and the frame protection; the API's JSON is never meant to be rendered or
 * framed either. Which answers are the docs' is read from the request's one canonical path
 * ({@link RequestPaths}), the one the docs' assets are looked up by, however the path was spelled.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class DocsHeaders extends OncePerRequestFilter {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ErrorResponses.protect(response);
        String path = RequestPaths.canonical(request);
        if (path.equals("/docs") || path.startsWith("/docs/") || path.equals("/openapi.yaml")) {
            response.setHeader("Content-Security-Policy", POLICY);
            response.setHeader("Referrer-Policy", "no-referrer");
        }
        chain.doFilter(request, response);
    }
}
