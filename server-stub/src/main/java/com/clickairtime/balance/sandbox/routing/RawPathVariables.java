package com.clickairtime.balance.sandbox.routing;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path variable is the whole segment the client sent. Tomcat and Spring both drop matrix
 * parameters ({@code ;x=1}) from a segment before matching, so {@code wal_ghs_001;x=1} would
 * be served as {@code wal_ghs_001}; the API documents no matrix parameters, so such a segment
 * is an id like any other (one no wallet has). Runs before the handler's arguments are read.
 */
@Component
public class RawPathVariables implements HandlerInterceptor {

    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String raw = request.getRequestURI().substring(request.getContextPath().length());
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (raw.indexOf(';') < 0 || !(pattern instanceof String template) || !(variables instanceof Map<?, ?> matched)) {
            return true;
        }
        String[] templateSegments = template.split("/", -1);
        String[] rawSegments = raw.split("/", -1);
        if (templateSegments.length != rawSegments.length) {
            return true;
        }
        Map<String, String> whole = new LinkedHashMap<>();
        matched.forEach((name, value) -> whole.put(String.valueOf(name), String.valueOf(value)));
        for (int i = 0; i < templateSegments.length; i++) {
            Matcher variable = VARIABLE.matcher(templateSegments[i]);
            if (variable.matches()) {
                whole.put(variable.group(1), UriUtils.decode(rawSegments[i], StandardCharsets.UTF_8));
            }
        }
        request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, whole);
        return true;
    }
}
