package com.clickairtime.balance.sandbox.routing;

import com.clickairtime.balance.server.api.WalletBalanceApi;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The API's routes as Spring MVC actually mapped them: every handler method that implements
 * an operation of the generated interfaces, its path and methods, and the namespace their
 * paths share ({@code /v2}), inside which every request is authenticated first. A new
 * operation in the spec is a new default method of the interface, so it is mapped, and so it
 * is here, with nothing to list by hand.
 *
 * <p>Read from the handler mapping on first use: the mapping is built after the web
 * configuration that needs these routes, so they cannot be computed any earlier.
 */
@Component
public class ApiRoutes {

    /** Where the generator puts the operation interfaces (e.g. {@link WalletBalanceApi}). */
    private static final String API_PACKAGE = WalletBalanceApi.class.getPackageName();

    private final ObjectProvider<RequestMappingHandlerMapping> mapping;
    private volatile Routes routes;

    public ApiRoutes(@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mapping) {
        this.mapping = mapping;
    }

    /**
     * One mapped operation.
     *
     * @param operationId         the operation, as the generator names its method
     * @param path                the path template, e.g. {@code /v2/balance/{wallet_id}}
     * @param methods             the HTTP methods it is mapped to
     * @param servedFromExamples  whether no hand-written handler overrides the interface's default method
     */
    public record Operation(String operationId, String path, Set<String> methods, boolean servedFromExamples) {
    }

    private record Routes(String namespace, List<Operation> operations, Map<PathPattern, Set<String>> allowByPath,
                          Set<String> allowAnywhere, Map<PathPattern, List<Operation>> operationsByPath) {
    }

    /** The path prefix that the operations share, e.g. {@code /v2}. */
    public String namespace() {
        return routes().namespace();
    }

    /** Every mapped operation, in path order. */
    public List<Operation> operations() {
        return routes().operations();
    }

    /** Whether the request is inside the API's namespace, known operation or not. */
    public boolean inApi(HttpServletRequest request) {
        String path = path(request);
        String namespace = namespace();
        return path.equals(namespace) || path.startsWith(namespace + "/");
    }

    /** Whether the request's path is one of the operations' paths. */
    public boolean isOperation(HttpServletRequest request) {
        PathContainer path = PathContainer.parsePath(path(request));
        return routes().allowByPath().keySet().stream().anyMatch(pattern -> pattern.matches(path));
    }

    /** The operation the request is routed to, by its path and method ({@code HEAD} is its {@code GET}'s). */
    public Optional<Operation> operation(HttpServletRequest request) {
        PathContainer path;
        try {
            path = PathContainer.parsePath(path(request));
        } catch (IllegalArgumentException undecodable) {
            // A segment with a broken escape (a bare %) names no operation: it was answered as an unknown path.
            return Optional.empty();
        }
        String method = "HEAD".equals(request.getMethod()) ? "GET" : request.getMethod();
        for (Map.Entry<PathPattern, List<Operation>> route : routes().operationsByPath().entrySet()) {
            if (route.getKey().matches(path)) {
                return route.getValue().stream().filter(operation -> operation.methods().contains(method)).findFirst();
            }
        }
        return Optional.empty();
    }

    /** Whether the method is served at all: on some path, or {@code HEAD} and {@code OPTIONS}, which every path serves. */
    public boolean isServed(String method) {
        return routes().allowAnywhere().contains(method);
    }

    /**
     * The {@code Allow} header for the request's path: the methods mapped there, with {@code HEAD}
     * for {@code GET} (RFC 9110) and {@code OPTIONS}; on any other path, every method that is
     * served somewhere.
     */
    public String allow(HttpServletRequest request) {
        PathContainer path = PathContainer.parsePath(path(request));
        Set<String> methods = routes().allowByPath().entrySet().stream()
                .filter(route -> route.getKey().matches(path)).map(Map.Entry::getValue).findFirst()
                .orElse(routes().allowAnywhere());
        return String.join(", ", methods);
    }

    private Routes routes() {
        Routes current = routes;
        if (current == null) {
            current = read(mapping.getObject().getHandlerMethods());
            routes = current;
        }
        return current;
    }

    static Routes read(Map<RequestMappingInfo, HandlerMethod> handlerMethods) {
        List<Operation> operations = new ArrayList<>();
        Map<PathPattern, Set<String>> allowByPath = new LinkedHashMap<>();
        Map<PathPattern, List<Operation>> operationsByPath = new LinkedHashMap<>();
        handlerMethods.forEach((info, handler) -> {
            if (!isOperation(handler)) {
                return;
            }
            Set<String> methods = new TreeSet<>();
            info.getMethodsCondition().getMethods().stream().map(RequestMethod::name).forEach(methods::add);
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                Operation operation = new Operation(handler.getMethod().getName(), pattern.getPatternString(),
                        Set.copyOf(methods), handler.getMethod().isDefault());
                operations.add(operation);
                operationsByPath.computeIfAbsent(pattern, p -> new ArrayList<>()).add(operation);
                allowByPath.computeIfAbsent(pattern, p -> new TreeSet<>()).addAll(methods);
            }
        });
        if (operations.isEmpty()) {
            throw new IllegalStateException("no handler implements an operation of " + API_PACKAGE);
        }
        operations.sort(Comparator.comparing(Operation::path).thenComparing(Operation::operationId));
        String first = operations.get(0).path();
        String namespace = first.substring(0, first.indexOf('/', 1) < 0 ? first.length() : first.indexOf('/', 1));
        List<String> outside = operations.stream().map(Operation::path)
                .filter(path -> !path.equals(namespace) && !path.startsWith(namespace + "/")).toList();
        if (!outside.isEmpty()) {
            throw new IllegalStateException("the operations do not share the namespace " + namespace + ": " + outside);
        }
        Set<String> anywhere = new LinkedHashSet<>();
        Map<PathPattern, Set<String>> allow = new LinkedHashMap<>();
        allowByPath.forEach((pattern, methods) -> {
            Set<String> allowed = withHeadAndOptions(methods);
            allow.put(pattern, allowed);
            anywhere.addAll(allowed);
        });
        return new Routes(namespace, List.copyOf(operations), Map.copyOf(allow), withHeadAndOptions(anywhere),
                Map.copyOf(operationsByPath));
    }

    /** GET, HEAD, OPTIONS first, in that order, as the spec writes the Allow header; any other method after them. */
    private static Set<String> withHeadAndOptions(Set<String> methods) {
        Set<String> all = new TreeSet<>(methods);
        if (all.contains("GET")) {
            all.add("HEAD");
        }
        all.add("OPTIONS");
        List<String> order = List.of("GET", "HEAD", "OPTIONS");
        Set<String> sorted = new LinkedHashSet<>();
        order.stream().filter(all::contains).forEach(sorted::add);
        sorted.addAll(all);
        return Collections.unmodifiableSet(sorted);
    }

    /** A handler method that implements a method of a generated operation interface. */
    public static boolean isOperation(HandlerMethod handler) {
        Method method = handler.getMethod();
        for (Class<?> type : ClassUtils.getAllInterfacesForClassAsSet(handler.getBeanType())) {
            if (type.getPackageName().equals(API_PACKAGE)
                    && ClassUtils.hasMethod(type, method.getName(), method.getParameterTypes())) {
                return true;
            }
        }
        return false;
    }

    private static String path(HttpServletRequest request) {
        return RequestPaths.canonical(request);
    }
}
