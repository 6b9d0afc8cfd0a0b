package com.clickairtime.balance.sandbox.routing;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The one reading of a request's path that everything deciding by path uses: the filters (the
 * API's namespace, the docs' headers) and the docs' routing alike. It is the path as the servlet
 * container resolved it: percent-escapes decoded, {@code ;parameters} dropped, {@code //},
 * {@code .} and {@code ..} segments collapsed. Read raw instead, {@code /%64ocs},
 * {@code /docs;x} or {@code //index.html} were one path for the router and another for a filter,
 * which then left the docs' headers off or served Swagger UI's stock page.
 */
public final class RequestPaths {

    private RequestPaths() {
    }

    /** The decoded, normalised path; empty for a request that never reached a servlet (a {@code CONNECT} to an authority). */
    public static String canonical(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        String pathInfo = request.getPathInfo();
        return pathInfo == null ? servletPath : servletPath + pathInfo;
    }
}
