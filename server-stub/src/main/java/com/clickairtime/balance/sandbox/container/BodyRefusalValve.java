package com.clickairtime.balance.sandbox.container;

import com.clickairtime.balance.sandbox.access.ClientAddress;
import com.clickairtime.balance.sandbox.error.ErrorCode;
import com.clickairtime.balance.sandbox.error.ErrorResponses;
import com.clickairtime.balance.sandbox.ratelimit.RateLimits;
import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.Set;

/**
 * No operation takes a request body, so none is ever read: a request that announces one
 * ({@code Content-Length} above 0, or any {@code Transfer-Encoding}) has its connection closed
 * after the answer, and Tomcat is told not to swallow the body first. Swallowing is what let
 * four slow bodies hold all four workers: Tomcat reads the rest of a body before it reuses a
 * connection, one slow byte at a time. {@code GET}, {@code HEAD} and {@code OPTIONS} with a
 * body are answered here, 400 {@code MALFORMED_REQUEST}, before anything else; any other
 * method goes on to its 405, without its body being read either.
 */
@Component
public class BodyRefusalValve extends ValveBase {

    private static final ErrorCode MALFORMED_REQUEST = ErrorCode.of("MALFORMED_REQUEST");

    private static final Set<String> BODILESS = Set.of("GET", "HEAD", "OPTIONS");

    private final ErrorResponses errors;
    private final RateLimits limits;
    private final ClientAddress clientAddress;

    public BodyRefusalValve(ErrorResponses errors, RateLimits limits, ClientAddress clientAddress) {
        super(true);
        this.errors = errors;
        errors.require(MALFORMED_REQUEST);
        this.limits = limits;
        this.clientAddress = clientAddress;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        if (request.getProtocol() == null || !request.getProtocol().startsWith("HTTP/")) {
            // A request line without a version is HTTP/0.9, whose answer Tomcat would send bare: no
            // status line, no headers. This API speaks 1.0 and 1.1 only, so it sends no answer at all.
            request.getCoyoteRequest().action(ActionCode.CLOSE_NOW, null);
            return;
        }
        if (!announcesBody(request)) {
            getNext().invoke(request, response);
            return;
        }
        // Not swallowing marks the exchange as failed, so that the connection closes; the answer
        // written here (or the 405 further on) is that failure's report, so the host must not
        // forward to the error page as well, which would fail on the committed answer and log it.
        request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
        response.setHeader(HttpHeaders.CONNECTION, "close");
        if (!BODILESS.contains(request.getMethod())) {
            getNext().invoke(request, response);
            if (response.isCommitted() || response.getContentWritten() > 0) {
                response.setErrorReported();
            }
            return;
        }
        limits.requests().charge(clientAddress.bucket(request)).writeHeaders(response);
        errors.write(request, response, MALFORMED_REQUEST);
        response.finishResponse();
        response.setErrorReported();
    }

    private static boolean announcesBody(Request request) {
        return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null || request.getContentLengthLong() > 0;
    }
}
