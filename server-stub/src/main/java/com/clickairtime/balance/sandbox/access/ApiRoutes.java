package com.clickairtime.balance.sandbox.access;

import com.clickairtime.balance.server.api.WalletBalanceApi;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.List;

/**
 * The API's paths, from the generated interface: the operations' paths, and the namespace
 * they share ({@code /v2}), inside which every request is authenticated first.
 */
@Component
public class ApiRoutes {

    private final List<PathPattern> operations;
    private final String namespace;

    public ApiRoutes() {
        List<String> paths = List.of(WalletBalanceApi.PATH_GET_BALANCE, WalletBalanceApi.PATH_GET_WALLET_BALANCE);
        this.operations = paths.stream().map(PathPatternParser.defaultInstance::parse).toList();
        this.namespace = paths.get(0).substring(0, paths.get(0).indexOf('/', 1));
        if (!paths.stream().allMatch(path -> path.startsWith(namespace + "/"))) {
            throw new IllegalStateException("the operations do not share the namespace " + namespace + ": " + paths);
        }
    }

    /** The path prefix that the operations share, e.g. {@code /v2}. */
    public String namespace() {
        return namespace;
    }

    /** Whether the request is inside the API's namespace, known operation or not. */
    public boolean inApi(HttpServletRequest request) {
        String path = path(request);
        return path.equals(namespace) || path.startsWith(namespace + "/");
    }

    /** Whether the request's path is one of the operations' paths. */
    public boolean isOperation(HttpServletRequest request) {
        PathContainer path = PathContainer.parsePath(path(request));
        return operations.stream().anyMatch(pattern -> pattern.matches(path));
    }

    /** The decoded, normalised path, as the servlet container resolved it for routing. */
    private static String path(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        return pathInfo == null ? servletPath : servletPath + pathInfo;
    }
}
