package com.clickairtime.balance.sandbox.container;

import com.clickairtime.balance.sandbox.access.AccessFilter;
import org.apache.coyote.Adapter;
import org.apache.coyote.Request;
import org.apache.coyote.Response;
import org.apache.tomcat.util.net.SocketEvent;

import java.nio.charset.StandardCharsets;

/**
 * Tomcat answers {@code OPTIONS *} itself, before any valve or filter, with an {@code Allow}
 * that lists POST, PUT and DELETE, which this API does not have. This adapter hands the
 * request on as {@code OPTIONS /}, marked, so that the access filter gives the documented
 * answer (and counts it). Any other request for {@code *} that the container has already refused
 * goes on as {@code /} too, so that its refusal stands.
 */
final class AsteriskOptionsAdapter implements Adapter {

    private static final byte[] ROOT = "/".getBytes(StandardCharsets.US_ASCII);

    private final Adapter delegate;

    AsteriskOptionsAdapter(Adapter delegate) {
        this.delegate = delegate;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        if ("OPTIONS".equals(request.getMethod()) && request.requestURI().equals("*")) {
            request.requestURI().setBytes(ROOT, 0, ROOT.length);
            request.setAttribute(AccessFilter.ASTERISK_ATTRIBUTE, Boolean.TRUE);
        } else if (response.getStatus() >= 400 && request.requestURI().equals("*")) {
            // Refused already, by its version: HTTP/2's preface, PRI * HTTP/2.0 (PriorKnowledgePreface). Tomcat would
            // replace that 505 with a 400 for the asterisk, which only OPTIONS may have; any path keeps the refusal.
            request.requestURI().setBytes(ROOT, 0, ROOT.length);
        }
        delegate.service(request, response);
    }

    @Override
    public boolean prepare(Request request, Response response) throws Exception {
        return delegate.prepare(request, response);
    }

    @Override
    public boolean asyncDispatch(Request request, Response response, SocketEvent status) throws Exception {
        return delegate.asyncDispatch(request, response, status);
    }

    @Override
    public void log(Request request, Response response, long time) {
        delegate.log(request, response, time);
    }

    @Override
    public void checkRecycled(Request request, Response response) {
        delegate.checkRecycled(request, response);
    }

    @Override
    public String getDomain() {
        return delegate.getDomain();
    }
}
