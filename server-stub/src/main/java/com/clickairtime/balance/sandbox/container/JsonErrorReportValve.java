package com.clickairtime.balance.sandbox.container;

import com.clickairtime.balance.sandbox.access.ClientAddress;
import com.clickairtime.balance.sandbox.error.ErrorCode;
import com.clickairtime.balance.sandbox.error.ErrorResponses;
import com.clickairtime.balance.sandbox.ratelimit.RateLimits;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * Tomcat's error report, as the envelope. Tomcat rejects some requests itself before any
 * filter sees them (an encoded NUL, a request line it cannot parse, an unknown HTTP version,
 * CONNECT) and answers with its own HTML page; this valve answers with JSON instead, and
 * counts the request against the caller's address, as the filter would have.
 */
@Component
public class JsonErrorReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(JsonErrorReportValve.class);

    private final ErrorResponses errors;
    private final RateLimits limits;
    private final ClientAddress clientAddress;

    public JsonErrorReportValve(ErrorResponses errors, RateLimits limits, ClientAddress clientAddress) {
        this.errors = errors;
        this.limits = limits;
        this.clientAddress = clientAddress;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        if ("".equals(request.getCoyoteRequest().protocol().toString())) {
            // An empty protocol (not an absent one: a request line that failed to parse has none,
            // and is answered with a status line) is a whole HTTP/0.9 request line, whose answer
            // would go out bare, without a status line or headers. This API speaks 1.0 and 1.1
            // only: no answer, as BodyRefusalValve does for a 0.9 request that parses.
            request.getCoyoteRequest().action(ActionCode.CLOSE_NOW, null);
            return;
        }
        HttpServletRequest servletRequest = request.getRequest();
        HttpServletResponse servletResponse = response.getResponse();
        try {
            if (!servletResponse.containsHeader("X-RateLimit-Limit")) {
                // Never reached the access filter: the Authorization header is not trusted here, so the address pays.
                limits.requests().charge(clientAddress.bucket(servletRequest)).writeHeaders(servletResponse);
            }
            if ("CONNECT".equals(servletRequest.getMethod())) {
                errors.methodNotAllowed(servletRequest, servletResponse);
            } else {
                errors.write(servletRequest, servletResponse, ErrorCode.forStatus(status));
            }
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // No message or request content: only that the envelope could not be written.
            log.debug("Could not write the error envelope for status {}", status, e);
        }
    }
}
