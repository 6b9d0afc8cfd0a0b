package com.clickairtime.balance.sandbox.access;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.clickairtime.balance.sandbox.config.SandboxProperties;
import com.clickairtime.balance.sandbox.routing.ApiRoutes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * CORS for browser tools (a front end on {@code localhost:3000}, Swagger Editor), before the
 * access rules. A preflight carries no credentials by design, so it is answered here, 204,
 * without authentication and without being counted: otherwise 30 of them would lock every
 * local tool out. An allowed origin may call every path (the API and {@code /openapi.yaml})
 * and read the documented response headers (the rate-limit headers and {@code Retry-After}, as
 * the spec names them). An origin that is not allowed gets no {@code Access-Control-*} header,
 * so the browser keeps the answer from it; the request itself is treated like any other.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class CorsPolicy extends OncePerRequestFilter {

    private final List<String> allowedOrigins;
    private final List<String> exposedHeaders;
    private final ApiRoutes routes;
    private final DefaultCorsProcessor processor = new DefaultCorsProcessor() {
        @Override
        protected void rejectRequest(ServerHttpResponse response) {
            // No Access-Control-* header is the refusal; the body stays the API's.
        }
    };

    public CorsPolicy(SandboxProperties properties, BalanceSpec spec, ApiRoutes routes) {
        this.allowedOrigins = List.copyOf(properties.cors().allowedOrigins());
        List<String> headers = new ArrayList<>();
        spec.raw().at("/components/headers").fieldNames().forEachRemaining(headers::add);
        this.exposedHeaders = List.copyOf(headers);
        this.routes = routes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!CorsUtils.isCorsRequest(request)) {
            chain.doFilter(request, response);
            return;
        }
        processor.processRequest(configuration(request), request, response);
        if (CorsUtils.isPreFlightRequest(request)) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            response.setHeader(HttpHeaders.ALLOW, routes.allow(request));
            return;
        }
        chain.doFilter(request, response);
    }

    private CorsConfiguration configuration(HttpServletRequest request) {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOriginPatterns(allowedOrigins);
        configuration.setAllowedMethods(Arrays.stream(routes.allow(request).split(", ")).toList());
        configuration.addAllowedHeader(CorsConfiguration.ALL);
        configuration.setExposedHeaders(exposedHeaders);
        configuration.setMaxAge(Duration.ofMinutes(10));
        return configuration;
    }
}
