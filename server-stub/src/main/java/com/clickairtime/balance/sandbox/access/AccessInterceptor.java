package com.clickairtime.balance.sandbox.access;

import com.clickairtime.balance.sandbox.error.ApiException;
import com.clickairtime.balance.sandbox.error.ErrorCode;
import com.clickairtime.balance.sandbox.ratelimit.RateLimiter;
import com.clickairtime.balance.sandbox.wallet.Dataset;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.time.Clock;
import java.util.Map;

/**
 * Guards the API's controllers in the documented order: authentication (401), then IP
 * allow-list and permission (403), then the rate limit (429).
 *
 * <p>Every request is charged before the verdict, so that every response, errors included,
 * carries the rate-limit headers: a key's window once the key is known, else the caller
 * address's window.
 */
@Component
public class AccessInterceptor implements HandlerInterceptor {

    private final ApiKeys keys;
    private final ClientAddress clientAddress;
    private final RateLimiter rateLimiter;
    private final Clock clock;

    public AccessInterceptor(ApiKeys keys, ClientAddress clientAddress, RateLimiter rateLimiter, Clock clock) {
        this.keys = keys;
        this.clientAddress = clientAddress;
        this.rateLimiter = rateLimiter;
        this.clock = clock;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        RequiresPermission required = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), RequiresPermission.class);
        if (required == null) {
            return true;
        }
        String address = clientAddress.of(request);
        Dataset.ApiKeyEntry key;
        try {
            key = keys.authenticate(request.getHeader(HttpHeaders.AUTHORIZATION), clock.instant());
        } catch (ApiException unauthenticated) {
            rateLimiter.charge("address:" + address).writeHeaders(response);
            throw unauthenticated;
        }
        RateLimiter.Verdict verdict = rateLimiter.charge("key:" + key.key());
        verdict.writeHeaders(response);
        if (key.allowedIps() != null && !key.allowedIps().isEmpty() && !key.allowedIps().contains(address)) {
            throw new ApiException(ErrorCode.IP_NOT_ALLOWED);
        }
        if (key.permissions() == null || !key.permissions().contains(required.value())) {
            throw new ApiException(ErrorCode.INSUFFICIENT_PERMISSIONS,
                    Map.of("required_permissions", java.util.List.of(required.value())));
        }
        if (!verdict.allowed()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(verdict.retryAfterSeconds()));
            throw new ApiException(ErrorCode.RATE_LIMIT_EXCEEDED,
                    Map.of("limit", verdict.limit(), "retry_after_seconds", verdict.retryAfterSeconds()));
        }
        new Caller(key.account()).bind(request);
        return true;
    }
}
