package com.clickairtime.balance.sandbox.access;

import com.clickairtime.balance.sandbox.error.ApiException;
import com.clickairtime.balance.sandbox.error.ErrorCatalog;
import com.clickairtime.balance.sandbox.error.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import com.clickairtime.balance.openapi.BalanceSpec;
import com.clickairtime.balance.sandbox.routing.ApiRoutes;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.List;
import java.util.Map;

/**
 * The checks that need the operation, once Spring has routed a request inside the API's
 * namespace: the operation's {@code x-required-permissions} from the spec (403), then the
 * key's rate limit (429). {@link AccessFilter} has already authenticated and counted it.
 *
 * <p>A handler is an operation by its method's name, which the generator takes from the
 * operationId. A handler there that is no documented operation is a fault, not an open door.
 */
@Component
public class AccessInterceptor implements HandlerInterceptor {

    private static final ErrorCode INSUFFICIENT_PERMISSIONS = ErrorCode.of("INSUFFICIENT_PERMISSIONS");

    private final Map<String, List<String>> requiredPermissions;
    private final ApiRoutes routes;

    public AccessInterceptor(BalanceSpec spec, ApiRoutes routes, ErrorCatalog errors) {
        errors.require(INSUFFICIENT_PERMISSIONS);
        this.requiredPermissions = spec.requiredPermissions();
        this.routes = routes;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        // Outside the namespace no caller is bound and none is needed (the docs, the error page).
        if (!(handler instanceof HandlerMethod method) || !routes.inApi(request)) {
            return true;
        }
        List<String> required = requiredPermissions.get(method.getMethod().getName());
        if (required == null) {
            throw new IllegalStateException("handler " + method.getShortLogMessage() + " is no operation of the spec");
        }
        Caller caller = Caller.of(request);
        if (caller.permissions() == null || !caller.permissions().containsAll(required)) {
            throw new ApiException(INSUFFICIENT_PERMISSIONS, Map.of("required_permissions", required));
        }
        if (!caller.budget().allowed()) {
            throw AccessFilter.exceeded(caller.budget(), response);
        }
        return true;
    }
}
