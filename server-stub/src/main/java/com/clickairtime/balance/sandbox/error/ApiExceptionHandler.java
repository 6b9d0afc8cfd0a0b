package com.clickairtime.balance.sandbox.error;

import com.clickairtime.balance.sandbox.wire.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.HandlerMapping;

import java.io.IOException;

/** Turns every exception of the MVC layer into the error envelope; nothing escapes as HTML or a stack trace. */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ErrorResponses errors;

    public ApiExceptionHandler(ErrorResponses errors) {
        this.errors = errors;
    }

    @ExceptionHandler(ApiException.class)
    void api(ApiException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        errors.write(request, response, e.code(), e.details());
    }

    /** Every path serves the same methods, so Spring's own list (GET alone) would understate it. */
    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    void method(HttpServletRequest request, HttpServletResponse response) throws IOException {
        errors.methodNotAllowed(request, response);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    void notAcceptable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        errors.write(request, response, ErrorCode.NOT_ACCEPTABLE);
    }

    @ExceptionHandler(Exception.class)
    void unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Spring's own client errors (no route, unreadable request, ...) keep their status under a generic code.
        if (e instanceof ErrorResponse spring && spring.getStatusCode().is4xxClientError()) {
            errors.write(request, response, ErrorCode.forStatus(spring.getStatusCode().value()));
            return;
        }
        // The route's template and the request id, never the raw path or query: they are the caller's input.
        log.error("Unexpected error on {} {} (request_id={})", request.getMethod(),
                request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE), RequestIds.of(request), e);
        errors.write(request, response, ErrorCode.INTERNAL_ERROR);
    }
}
