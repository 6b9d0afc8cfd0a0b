package com.clickairtime.balance.sandbox.access;

import com.clickairtime.balance.sandbox.ratelimit.RateLimiter;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Set;

/**
 * The authenticated caller of the current request, bound by {@link AccessFilter}.
 *
 * @param account     the account the key belongs to
 * @param permissions what the key may do
 * @param budget      the key's rate-limit verdict for this request, already counted
 */
public record Caller(String account, Set<String> permissions, RateLimiter.Verdict budget) {

    private static final String ATTRIBUTE = Caller.class.getName();

    public static Caller of(HttpServletRequest request) {
        Object caller = request.getAttribute(ATTRIBUTE);
        if (caller == null) {
            throw new IllegalStateException("no authenticated caller: is the request outside the API's paths?");
        }
        return (Caller) caller;
    }

    /** The caller whose key authenticated this request, if one did. */
    public static java.util.Optional<Caller> find(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Caller caller ? java.util.Optional.of(caller) : java.util.Optional.empty();
    }

    void bind(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }
}
