package com.clickairtime.balance.sandbox.access;

import com.clickairtime.balance.sandbox.error.ApiException;
import com.clickairtime.balance.sandbox.error.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.List;
import java.util.Map;

/**
 * The checks that need the operation, once Spring has routed the request: its permission
 * (403), then the key's rate limit (429). {@link AccessFilter} has already authenticated and
 * counted the request.
 */
@Component
public class AccessInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        RequiresPermission required = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), RequiresPermission.class);
        if (required == null) {
            return true;
        }
        Caller caller = Caller.of(request);
        if (caller.permissions() == null || !caller.permissions().contains(required.value())) {
            throw new ApiException(ErrorCode.INSUFFICIENT_PERMISSIONS,
                    Map.of("required_permissions", List.of(required.value())));
        }
        if (!caller.budget().allowed()) {
            throw AccessFilter.exceeded(caller.budget(), response);
        }
        return true;
    }
}
