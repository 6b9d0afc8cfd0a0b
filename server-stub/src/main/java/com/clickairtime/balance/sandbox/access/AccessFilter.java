package com.clickairtime.balance.sandbox.access;

import com.clickairtime.balance.sandbox.error.ApiException;
import com.clickairtime.balance.sandbox.error.ErrorCode;
import com.clickairtime.balance.sandbox.error.ErrorResponses;
import com.clickairtime.balance.sandbox.ratelimit.RateLimiter;
import com.clickairtime.balance.sandbox.ratelimit.RateLimits;
import com.clickairtime.balance.sandbox.dataset.Dataset;
import com.clickairtime.balance.sandbox.routing.ApiRoutes;
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
import java.time.Clock;
import java.net.InetAddress;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every request passes here before Spring MVC routes it, so that inside the API's namespace
 * authentication comes first: a caller without a usable key learns nothing else, not even
 * whether a path, a method or a media type exists. The order is the one the spec documents:
 * failed-authentication lockout (429), authentication (401), the key's IP allow-list (403),
 * the method (405); then Spring's routing (404, 406) and {@link AccessInterceptor}
 * (permission 403, rate limit 429).
 *
 * <p>Every request is counted once, here: against its key when the key is valid and used from
 * its allow-list, else against the caller's address. Outside the namespace the
 * {@code Authorization} header is never read,
 * so that no response there can tell a valid key from a made-up one.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3) // after RequestIds (every answer has its request id), HostCheck and CorsPolicy
public class AccessFilter extends OncePerRequestFilter {

    private static final ErrorCode INVALID_API_KEY = ErrorCode.of("INVALID_API_KEY");
    private static final ErrorCode IP_NOT_ALLOWED = ErrorCode.of("IP_NOT_ALLOWED");
    private static final ErrorCode RATE_LIMIT_EXCEEDED = ErrorCode.of("RATE_LIMIT_EXCEEDED");

    /** Set by the container on {@code OPTIONS *}, which it hands on as {@code OPTIONS /}. */
    public static final String ASTERISK_ATTRIBUTE = AccessFilter.class.getName() + ".asterisk";

    private final ApiKeys keys;
    private final ApiRoutes routes;
    private final ClientAddress clientAddress;
    private final RateLimits limits;
    private final ErrorResponses errors;
    private final Clock clock;

    public AccessFilter(ApiKeys keys, ApiRoutes routes, ClientAddress clientAddress, RateLimits limits,
                        ErrorResponses errors, Clock clock) {
        this.keys = keys;
        this.routes = routes;
        this.clientAddress = clientAddress;
        this.limits = limits;
        this.errors = errors;
        errors.require(INVALID_API_KEY, IP_NOT_ALLOWED, RATE_LIMIT_EXCEEDED);
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        InetAddress caller = clientAddress.address(request);
        String address = clientAddress.bucket(caller);
        if (!routes.inApi(request)) {
            RateLimiter.Verdict budget = limits.requests().charge(address);
            budget.writeHeaders(response);
            if (!budget.allowed()) {
                refuse(request, response, exceeded(budget, response));
            } else if (!routes.isServed(request.getMethod())) {
                errors.methodNotAllowed(request, response);
            } else if (request.getAttribute(ASTERISK_ATTRIBUTE) != null || "OPTIONS".equals(request.getMethod())) {
                // OPTIONS is answered the same on every path: 204 and what is served there.
                options(request, response);
            } else {
                chain.doFilter(request, response);
            }
            return;
        }

        RateLimiter failures = limits.failedAuthentications();
        RateLimiter.Verdict lockout = failures.peek(address);
        if (!lockout.allowed()) {
            lockout.writeHeaders(response);
            refuse(request, response, exceeded(lockout, response));
            return;
        }
        List<String> authorizations = Collections.list(request.getHeaders(HttpHeaders.AUTHORIZATION));
        if (authorizations.isEmpty()) {
            // No credential is no guess: traffic, counted against the address, never a failed authentication.
            RateLimiter.Verdict budget = limits.requests().charge(address);
            budget.writeHeaders(response);
            refuse(request, response, budget.allowed() ? new ApiException(INVALID_API_KEY) : exceeded(budget, response));
            return;
        }
        Dataset.ApiKeyEntry key;
        try {
            key = keys.authenticate(authorizations, clock.instant());
        } catch (ApiException unauthenticated) {
            RateLimiter.Verdict failure = failures.charge(address);
            failure.writeHeaders(response);
            refuse(request, response, failure.allowed() ? unauthenticated : exceeded(failure, response));
            return;
        }

        if (!keys.allows(key, caller)) {
            // Not the key's to pay: a caller outside the allow-list must not spend its owner's budget.
            limits.requests().charge(address).writeHeaders(response);
            refuse(request, response, new ApiException(IP_NOT_ALLOWED));
            return;
        }
        RateLimiter.Verdict budget = limits.keys().charge(key.key());
        budget.writeHeaders(response);
        if (!routes.isServed(request.getMethod())) {
            errors.methodNotAllowed(request, response);
        } else if ("OPTIONS".equals(request.getMethod()) && routes.isOperation(request)) {
            if (budget.allowed()) {
                options(request, response);
            } else {
                refuse(request, response, exceeded(budget, response));
            }
        } else {
            new Caller(key.account(), key.permissions(), budget).bind(request);
            chain.doFilter(request, response);
        }
    }

    /** The 429 for a spent budget: {@code Retry-After}, and the limit in the details. */
    static ApiException exceeded(RateLimiter.Verdict budget, HttpServletResponse response) {
        budget.writeRetryAfter(response);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("limit", budget.limit());
        details.put("retry_after_seconds", budget.retryAfterSeconds());
        return new ApiException(RATE_LIMIT_EXCEEDED, details);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, ApiException refusal)
            throws IOException {
        errors.write(request, response, refusal.code(), refusal.details());
    }

    /** The documented answer to OPTIONS: what may be sent, and no body. */
    private void options(HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        response.setHeader(HttpHeaders.ALLOW, routes.allow(request));
    }
}
