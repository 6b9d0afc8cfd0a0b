package com.example.wallets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Authentication, allow-list, permission and the rate-limit headers, for every request under /v2. */
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
            throw new ApiError(401, "INVALID_API_KEY", "Missing or unknown API key.");
        }
        if (found.status() == Accounts.KeyStatus.EXPIRED) {
            throw new ApiError(401, "EXPIRED_API_KEY", "This API key has expired.");
        }
        if (found.status() == Accounts.KeyStatus.REVOKED) {
            throw new ApiError(401, "REVOKED_API_KEY", "This API key was revoked.");
        }
        if (found.allowedAddress() != null && !found.allowedAddress().equals(request.getRemoteAddr())) {
            throw new ApiError(403, "IP_NOT_ALLOWED", "Not allowed from this address.");
        }
        if (!found.permissions().contains("wallets.read")) {
            throw new ApiError(403, "INSUFFICIENT_PERMISSIONS", "The key lacks wallets.read.",
                    Map.of("required_permissions", List.of("wallets.read")));
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
        if (SeededBug.current() == SeededBug.NO_RATE_LIMIT_HEADERS) {
            return;
        }
        response.setHeader("X-RateLimit-Limit", String.valueOf(LIMIT));
        response.setHeader("X-RateLimit-Remaining", String.valueOf(Math.max(0, LIMIT - used)));
        response.setHeader("X-RateLimit-Reset", String.valueOf(window[0]));
    }
}
