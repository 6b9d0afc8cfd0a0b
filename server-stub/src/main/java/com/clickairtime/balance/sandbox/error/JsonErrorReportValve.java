package com.clickairtime.balance.sandbox.error;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * Tomcat's error report, as the envelope. Tomcat rejects some requests itself before any
 * servlet sees them (an encoded NUL, a request line it cannot parse) and answers with its
 * own HTML page; this valve answers with JSON instead.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(JsonErrorReportValve.class);

    private final ErrorResponses errors;

    public JsonErrorReportValve(ErrorResponses errors) {
        this.errors = errors;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            errors.write(request.getRequest(), response.getResponse(), ErrorCode.forStatus(status));
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            log.debug("Could not write the error envelope for status {}", status, e);
        }
    }
}
