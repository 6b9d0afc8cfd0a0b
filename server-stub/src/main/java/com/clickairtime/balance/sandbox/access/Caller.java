package com.clickairtime.balance.sandbox.access;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The authenticated caller of the current request.
 *
 * @param account the account the key belongs to
 */
public record Caller(String account) {

    private static final String ATTRIBUTE = Caller.class.getName();

    public static Caller of(HttpServletRequest request) {
        Object caller = request.getAttribute(ATTRIBUTE);
        if (caller == null) {
            throw new IllegalStateException("no authenticated caller: is the controller missing @RequiresPermission?");
        }
        return (Caller) caller;
    }

    void bind(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }
}
