package com.clickairtime.balance.sandbox.error;

import com.clickairtime.balance.server.support.error.RejectedParameter;
import com.clickairtime.balance.server.support.wire.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingRequestValueException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.HandlerMapping;

import java.io.IOException;
import java.util.Map;

/**
 * Turns every exception of the MVC layer into the error envelope; nothing escapes as HTML or a
 * stack trace. Before the support library's advice, which knows neither the sandbox's exception
 * nor its routes' {@code Allow}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiExceptionHandler {

    private static final ErrorCode INTERNAL_ERROR = ErrorCode.of("INTERNAL_ERROR");
    private static final ErrorCode INVALID_PARAMETER = ErrorCode.of("INVALID_PARAMETER");
    private static final ErrorCode MALFORMED_REQUEST = ErrorCode.of("MALFORMED_REQUEST");
    private static final ErrorCode NOT_ACCEPTABLE = ErrorCode.of("NOT_ACCEPTABLE");

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ErrorResponses errors;

    public ApiExceptionHandler(ErrorResponses errors) {
        this.errors = errors;
        errors.require(INTERNAL_ERROR, INVALID_PARAMETER, MALFORMED_REQUEST, NOT_ACCEPTABLE);
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

    /**
     * A query string that cannot be decoded (a bad percent-escape): Tomcat parses it only when an
     * operation reads a query parameter, so it surfaces here, not in the container.
     */
    @ExceptionHandler(InvalidParameterException.class)
    void malformed(HttpServletRequest request, HttpServletResponse response) throws IOException {
        errors.write(request, response, MALFORMED_REQUEST);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    void notAcceptable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        errors.write(request, response, NOT_ACCEPTABLE);
    }

    /**
     * A parameter the spec constrains (a pattern, a length, an enum, a type) with a value outside
     * it: the documented 400, naming the parameter as the spec does and never echoing the value.
     * Spring reports these three ways: conversion (a query value that is no enum constant),
     * a missing required parameter, and its method validation of the constraint annotations.
     */
    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingRequestValueException.class,
            HandlerMethodValidationException.class})
    void invalidParameter(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        errors.write(request, response, INVALID_PARAMETER, RejectedParameter.of(e).<Map<String, Object>>map(
                name -> Map.of("parameter", name)).orElse(Map.of()));
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
        errors.write(request, response, INTERNAL_ERROR);
    }
}
