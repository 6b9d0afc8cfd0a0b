package com.clickairtime.balance.server.support.wire;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.stream.LongStream;

/**
 * Gives every request its {@code meta.request_id} ({@code req_} + 12 lowercase alphanumerics
 * from a secure random source) before anything else runs, and puts it in the log context
 * ({@code request_id}).
 */
public class RequestIds extends OncePerRequestFilter implements Ordered {

    private static final String ATTRIBUTE = RequestIds.class.getName();
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ID_LENGTH = 12;
    private static final long ID_SPACE = LongStream.range(0, ID_LENGTH).reduce(1, (space, i) -> space * ALPHABET.length);

    /** The id of this request, made on first use where the filter did not run (container errors). */
    public static String of(HttpServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        if (id == null) {
            id = next();
            request.setAttribute(ATTRIBUTE, id);
        }
        return (String) id;
    }

    static String next() {
        // One draw of a number below 36^12 (fits a long), written in base 36: 12 uniform characters
        // for one call into the secure source, whose lock every request thread shares.
        long value = RANDOM.nextLong(ID_SPACE);
        char[] id = new char[ID_LENGTH];
        for (int i = ID_LENGTH - 1; i >= 0; i--) {
            id[i] = ALPHABET[(int) (value % ALPHABET.length)];
            value /= ALPHABET.length;
        }
        return "req_" + new String(id);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        MDC.put("request_id", of(request));
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove("request_id");
        }
    }
}
