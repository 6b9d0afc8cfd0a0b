package com.example.wallets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeds the wire's own bugs ({@link SeededBug}) into what the support library wrote, for the
 * kit's build only: the library itself has no way to write a wrong wire. Does nothing for the
 * faithful server.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class WireBreaker extends OncePerRequestFilter {

    /** A JSON number with a fraction, as a value: after a colon, a bracket or a comma. */
    private static final Pattern DECIMAL = Pattern.compile("(?<=[:\\[,])-?\\d+\\.\\d+(?=[,}\\]])");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SeededBug bug = SeededBug.current();
        if (bug == SeededBug.NONE) {
            chain.doFilter(request, response);
            return;
        }
        if (bug == SeededBug.DOUBLE_MONEY) {
            ContentCachingResponseWrapper body = new ContentCachingResponseWrapper(response);
            chain.doFilter(request, body);
            String json = new String(body.getContentAsByteArray(), StandardCharsets.UTF_8);
            Matcher decimal = DECIMAL.matcher(json);
            String asDoubles = decimal.replaceAll(number -> String.valueOf(Double.parseDouble(number.group())));
            body.resetBuffer();
            body.getOutputStream().write(asDoubles.getBytes(StandardCharsets.UTF_8));
            body.copyBodyToResponse();
            return;
        }
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setHeader(String name, String value) {
                String broken = header(bug, name, value);
                if (broken != null) {
                    super.setHeader(name, broken);
                }
            }

            @Override
            public void addHeader(String name, String value) {
                String broken = header(bug, name, value);
                if (broken != null) {
                    super.addHeader(name, broken);
                }
            }

            @Override
            public void setContentType(String type) {
                super.setContentType(header(bug, "Content-Type", type));
            }
        });
    }

    /** The header as the bug writes it, or null to leave it out. */
    private static String header(SeededBug bug, String name, String value) {
        if (bug == SeededBug.NO_RATE_LIMIT_HEADERS && name.regionMatches(true, 0, "X-RateLimit-", 0, 12)) {
            return null;
        }
        if (bug == SeededBug.RESET_IN_MILLISECONDS && name.equalsIgnoreCase("X-RateLimit-Reset")) {
            return String.valueOf(Long.parseLong(value) * 1000);
        }
        if (bug == SeededBug.NO_WWW_AUTHENTICATE && name.equalsIgnoreCase("WWW-Authenticate")) {
            return null;
        }
        if (bug == SeededBug.CHARSET_PARAMETER && name.equalsIgnoreCase("Content-Type") && "application/json".equals(value)) {
            return "application/json;charset=UTF-8";
        }
        return value;
    }
}
