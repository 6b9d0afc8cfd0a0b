package com.clickairtime.balance.sandbox.metrics;

import com.clickairtime.balance.sandbox.access.Caller;
import com.clickairtime.balance.sandbox.error.ErrorResponses;
import com.clickairtime.balance.sandbox.routing.ApiRoutes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
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
import java.util.concurrent.TimeUnit;

/**
 * The API port's traffic as the management port's Prometheus endpoint shows it: every answer
 * timed by operation and status, and every refusal counted by its error code. It wraps every
 * other filter, so a request refused before routing (a wrong key, a spent budget, a foreign
 * {@code Host}) counts as much as one a handler answered.
 *
 * <p>The refusals are read from the answers, not counted inside the rate limiters, so that any
 * store of the limits is counted alike. A 429 names which limit was spent in the {@code limit}
 * tag: {@code key} (an authenticated key's budget), {@code failed-authentications} (the address
 * is locked out after wrong keys) or {@code address} (traffic without a key). Tag values come
 * from closed sets (the mapped operations, the spec's codes, the statuses), never from the
 * request, so no caller can grow the number of series.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestMetrics extends OncePerRequestFilter {

    /** A timer: answers by {@code operation} (an operationId, {@code unknown} inside the API, {@code none} outside) and {@code status}. */
    public static final String REQUESTS = "sandbox.requests";
    /** A counter: error answers by {@code code} (the spec's error code) and, for 429, the {@code limit} that was spent. */
    public static final String REFUSALS = "sandbox.refusals";

    private final ApiRoutes routes;
    private final Meter.MeterProvider<Timer> requests;
    private final Meter.MeterProvider<Counter> refusals;

    public RequestMetrics(ApiRoutes routes, MeterRegistry registry) {
        this.routes = routes;
        this.requests = Timer.builder(REQUESTS).description("Answers of the API port, by operation and status")
                .publishPercentileHistogram().withRegistry(registry);
        this.refusals = Counter.builder(REFUSALS).description("Error answers of the API port, by error code and spent limit")
                .withRegistry(registry);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            record(request, response, System.nanoTime() - start);
        }
    }

    private void record(HttpServletRequest request, HttpServletResponse response, long nanos) {
        boolean inApi = routes.inApi(request);
        String operation = routes.operation(request).map(ApiRoutes.Operation::operationId).orElse(inApi ? "unknown" : "none");
        requests.withTags("operation", operation, "status", Integer.toString(response.getStatus()))
                .record(nanos, TimeUnit.NANOSECONDS);
        if (request.getAttribute(ErrorResponses.CODE_ATTRIBUTE) instanceof String code) {
            refusals.withTags("code", code, "limit", response.getStatus() == 429 ? limit(request, inApi) : "none").increment();
        }
    }

    /**
     * Which budget a 429 spent: a key's when the key authenticated; the failed-authentication
     * lockout's when a credential was sent inside the API and none authenticated; else the address's.
     */
    private static String limit(HttpServletRequest request, boolean inApi) {
        if (Caller.find(request).isPresent()) {
            return "key";
        }
        return inApi && request.getHeader(HttpHeaders.AUTHORIZATION) != null ? "failed-authentications" : "address";
    }
}
