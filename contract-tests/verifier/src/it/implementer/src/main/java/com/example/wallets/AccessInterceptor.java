package com.example.wallets;

import com.clickairtime.balance.server.support.error.ApiException;
import com.clickairtime.balance.server.support.wire.RateLimitHeaders;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Authentication, allow-list, permission and the rate limit, for every request under /v2. */
@Component
class AccessInterceptor implements HandlerInterceptor {

    static final String ACCOUNT = "wallets.account";
    private static final int LIMIT = 300;

    private final Accounts accounts;
    private final Map<String, long[]> windows = new ConcurrentHashMap<>();

    AccessInterceptor(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        List<String> authorization = Collections.list(request.getHeaders("Authorization"));
        String key = authorization.size() == 1 && authorization.get(0).startsWith("Bearer ")
                ? authorization.get(0).substring(7) : null;
        Accounts.Key found = key == null ? null : accounts.key(key).orElse(null);
        count(found == null ? "address " + request.getRemoteAddr() : "key " + key, response);
        if (found == null) {
            throw new ApiException("INVALID_API_KEY");
        }
        if (found.status() == Accounts.KeyStatus.EXPIRED) {
            throw new ApiException("EXPIRED_API_KEY");
        }
        if (found.status() == Accounts.KeyStatus.REVOKED) {
            throw new ApiException("REVOKED_API_KEY");
        }
        if (found.allowedAddress() != null && !found.allowedAddress().equals(request.getRemoteAddr())) {
            throw new ApiException("IP_NOT_ALLOWED");
        }
        if (!found.permissions().contains("wallets.read")) {
            throw new ApiException("INSUFFICIENT_PERMISSIONS", Map.of("required_permissions", List.of("wallets.read")));
        }
        request.setAttribute(ACCOUNT, found.account());
        return true;
    }

    private void count(String bucket, HttpServletResponse response) {
        long now = Instant.now().getEpochSecond();
        long[] window = windows.compute(bucket, (k, w) -> w == null || w[0] <= now ? new long[] {now + 60, 0} : w);
        long used;
        synchronized (window) {
            used = ++window[1];
        }
        RateLimitHeaders.write(response, LIMIT, used, Instant.ofEpochSecond(window[0]));
    }
}
