package com.clickairtime.balance.sandbox.access;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.clickairtime.balance.sandbox.config.SandboxProperties;
import com.clickairtime.balance.sandbox.error.ErrorResponses;
import com.clickairtime.balance.sandbox.ratelimit.RateLimits;
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
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * CORS for browser tools (a front end on {@code localhost:3000}, Swagger Editor), before the
 * access rules. A preflight carries no credentials by design, so it is answered here, 204,
 * without authentication and without being counted: otherwise 30 of them would lock every
 * local tool out. An allowed origin may call every path (the API and {@code /openapi.yaml})
 * and read the documented response headers (the rate-limit headers and {@code Retry-After}, as
 * the spec names them). An origin that is not allowed gets no {@code Access-Control-*} header,
 * so the browser keeps the answer from it; the request itself is treated like any other.
 *
 * <p>A preflight is an answer like the others: the address's rate-limit headers (looked at, not
 * counted), no sniffing or framing, and no caching inside the API. It asks for headers, and one
 * that asks for any header the API does not take is refused whole (the spec's CORS section), not
 * answered with the subset Spring would allow. Every answer says {@code Vary: Origin}, because an
 * allowed {@code Origin} changes it, so that no cache hands one origin's answer to another.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class CorsPolicy extends OncePerRequestFilter {

    private final List<String> allowedOrigins;
    private final List<String> exposedHeaders;
    private final Set<String> allowedHeaders;
    private final ApiRoutes routes;
    private final RateLimits limits;
    private final ClientAddress clientAddress;
    private final DefaultCorsProcessor processor = new DefaultCorsProcessor() {
        @Override
        protected void rejectRequest(ServerHttpResponse response) {
            // No Access-Control-* header is the refusal; the body stays the API's.
        }
    };

    public CorsPolicy(SandboxProperties properties, BalanceSpec spec, ApiRoutes routes, RateLimits limits,
                      ClientAddress clientAddress) {
        this.allowedOrigins = List.copyOf(properties.cors().allowedOrigins());
        List<String> headers = new ArrayList<>();
        spec.raw().at("/components/headers").fieldNames().forEachRemaining(headers::add);
        this.exposedHeaders = List.copyOf(headers);
        this.allowedHeaders = Collections.unmodifiableSet(requestHeaders(spec));
        this.routes = routes;
        this.limits = limits;
        this.clientAddress = clientAddress;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        if ("OPTIONS".equals(request.getMethod())) {
            // Whether an OPTIONS is a preflight, and its answer, depend on these too.
            response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
            response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
        }
        if (!isCors(request)) {
            chain.doFilter(request, response);
            return;
        }
        boolean preflight = CorsUtils.isPreFlightRequest(request);
        if (!preflight || asksOnlyForAllowedHeaders(request)) {
            processor.processRequest(configuration(request), request, response);
        }
        if (preflight) {
            limits.requests().peek(clientAddress.bucket(request)).writeHeaders(response);
            ErrorResponses.protect(response);
            if (routes.inApi(request)) {
                ErrorResponses.noStore(response);
            }
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            response.setHeader(HttpHeaders.ALLOW, routes.allow(request));
            return;
        }
        chain.doFilter(request, response);
    }

    /** Every header the preflight names is one the API takes (an empty list names none). */
    private boolean asksOnlyForAllowedHeaders(HttpServletRequest request) {
        for (String line : Collections.list(request.getHeaders(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS))) {
            for (String name : line.split(",")) {
                if (!name.isBlank() && !allowedHeaders.contains(name.strip())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** What a browser tool sends: the key's header and every header parameter the spec documents. */
    private static Set<String> requestHeaders(BalanceSpec spec) {
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.add(HttpHeaders.AUTHORIZATION);
        names.add(HttpHeaders.ACCEPT);
        spec.openApi().getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
            if (operation.getParameters() != null) {
                operation.getParameters().stream().filter(parameter -> "header".equals(parameter.getIn()))
                        .forEach(parameter -> names.add(parameter.getName()));
            }
        }));
        return names;
    }

    /**
     * An {@code Origin} that is no origin at all (a space in it, an empty port, two of them) comes
     * from no browser: no CORS for it, and the request goes on like any other, instead of the
     * parser's exception, which was a 500 with a stack trace in the log for anyone who asked.
     */
    private static boolean isCors(HttpServletRequest request) {
        try {
            return CorsUtils.isCorsRequest(request);
        } catch (IllegalArgumentException | IllegalStateException malformedOrigin) {
            return false;
        }
    }

    private CorsConfiguration configuration(HttpServletRequest request) {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOriginPatterns(allowedOrigins);
        configuration.setAllowedMethods(Arrays.stream(routes.allow(request).split(", ")).toList());
        // Named, not "*": a preflight that asks for other headers is refused instead of having its
        // list copied back into the answer.
        configuration.setAllowedHeaders(List.copyOf(allowedHeaders));
        configuration.setExposedHeaders(exposedHeaders);
        configuration.setMaxAge(Duration.ofMinutes(10));
        return configuration;
    }
}
