package com.clickairtime.balance.sandbox.access;

import com.clickairtime.balance.sandbox.config.SandboxProperties;
import com.clickairtime.balance.sandbox.error.ErrorCode;
import com.clickairtime.balance.sandbox.error.ErrorResponses;
import com.clickairtime.balance.sandbox.ratelimit.RateLimits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Only the loopback names reach the sandbox (DNS rebinding): a web page on a name that its DNS
 * points at 127.0.0.1 would otherwise be same-origin with the sandbox and could read its
 * answers. A {@code Host} that names anything else gets 400 {@code MALFORMED_REQUEST} before
 * anything else; the names are configurable ({@code sandbox.allowed-hosts}). A request without
 * {@code Host} (HTTP/1.0) names nothing to rebind.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class HostCheck extends OncePerRequestFilter {

    private static final ErrorCode MALFORMED_REQUEST = ErrorCode.of("MALFORMED_REQUEST");

    private final Set<String> allowed;
    private final ErrorResponses errors;
    private final RateLimits limits;
    private final ClientAddress clientAddress;

    public HostCheck(SandboxProperties properties, ErrorResponses errors, RateLimits limits, ClientAddress clientAddress) {
        this.allowed = properties.allowedHosts().stream().map(host -> host.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        this.errors = errors;
        errors.require(MALFORMED_REQUEST);
        this.limits = limits;
        this.clientAddress = clientAddress;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String host = request.getHeader(HttpHeaders.HOST);
        if (host == null || allowed.contains(name(host))) {
            chain.doFilter(request, response);
            return;
        }
        limits.requests().charge(clientAddress.bucket(request)).writeHeaders(response);
        errors.write(request, response, MALFORMED_REQUEST);
    }

    /** The host name without its port: {@code localhost:8080} and {@code [::1]:8080} become {@code localhost} and {@code [::1]}. */
    static String name(String host) {
        String value = host.strip().toLowerCase(Locale.ROOT);
        int end = value.startsWith("[") ? value.indexOf(']') + 1 : value.indexOf(':');
        return end > 0 ? value.substring(0, end) : value;
    }
}
