package com.clickairtime.balance.sandbox.error;

import com.clickairtime.balance.sandbox.web.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;

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

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    void method(HttpRequestMethodNotSupportedException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Set<HttpMethod> allowed = e.getSupportedHttpMethods();
        if (allowed != null) {
            response.setHeader(HttpHeaders.ALLOW,
                    allowed.stream().map(HttpMethod::name).sorted().collect(Collectors.joining(", ")));
        }
        errors.write(request, response, ErrorCode.METHOD_NOT_ALLOWED);
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
        log.error("Unexpected error on {} {} (request_id={})", request.getMethod(), request.getRequestURI(),
                RequestIds.of(request), e);
        errors.write(request, response, ErrorCode.INTERNAL_ERROR);
    }
}
