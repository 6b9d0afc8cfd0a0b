package com.clickairtime.balance.server.support.error;

import jakarta.servlet.http.HttpServletRequest;
import com.clickairtime.balance.server.support.wire.RequestIds;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestValueException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Every exception of the MVC layer as the documented error envelope: {@link ApiException} with
 * its code, a parameter outside its schema as {@code INVALID_PARAMETER} naming it, a method or an
 * {@code Accept} the route does not serve as {@code METHOD_NOT_ALLOWED} (with {@code Allow}) or
 * {@code NOT_ACCEPTABLE}, no route as {@code NOT_FOUND}, any other client error (a query Tomcat
 * cannot decode among them) as {@code MALFORMED_REQUEST}, and anything else as {@code INTERNAL_ERROR}, logged, never a stack trace.
 */
@RestControllerAdvice
public class ErrorEnvelopeAdvice {

    static final String INTERNAL_ERROR = "INTERNAL_ERROR";
    static final String INVALID_PARAMETER = "INVALID_PARAMETER";
    static final String MALFORMED_REQUEST = "MALFORMED_REQUEST";
    static final String METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED";
    static final String NOT_ACCEPTABLE = "NOT_ACCEPTABLE";
    static final String NOT_FOUND = "NOT_FOUND";

    /**
     * Tomcat parses the query only when an operation reads a parameter, so a bad percent-escape
     * surfaces here, as this exception: the caller's malformed request. By name, so that the
     * library needs no Tomcat.
     */
    private static final String TOMCAT_BAD_QUERY = "org.apache.tomcat.util.http.InvalidParameterException";

    private static final Logger log = LoggerFactory.getLogger(ErrorEnvelopeAdvice.class);

    private final ErrorEnvelopes errors;
    private final ErrorCatalog catalog;

    public ErrorEnvelopeAdvice(ErrorEnvelopes errors, ErrorCatalog catalog) {
        this.errors = errors;
        this.catalog = catalog;
        catalog.require(INTERNAL_ERROR, INVALID_PARAMETER, MALFORMED_REQUEST, METHOD_NOT_ALLOWED, NOT_ACCEPTABLE, NOT_FOUND);
    }

    @ExceptionHandler(ApiException.class)
    void api(ApiException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!catalog.documents(e.code())) {
            // A code the spec does not document is the server's own fault, not something to send.
            unexpected(new IllegalStateException("balance.yaml does not document the error code " + e.code(), e),
                    request, response);
            return;
        }
        errors.write(request, response, e);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    void method(HttpRequestMethodNotSupportedException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Set<HttpMethod> supported = e.getSupportedHttpMethods();
        if (supported != null && !supported.isEmpty()) {
            // Spring MVC also answers HEAD wherever GET is mapped, and OPTIONS on every mapped path, but
            // names only the mapped methods here: the spec's Allow names what the path answers.
            Set<String> allowed = new LinkedHashSet<>();
            supported.stream().map(HttpMethod::name).sorted().forEach(method -> {
                allowed.add(method);
                if (method.equals("GET")) {
                    allowed.add("HEAD");
                }
            });
            allowed.add("OPTIONS");
            response.setHeader(HttpHeaders.ALLOW, String.join(", ", allowed));
        }
        errors.write(request, response, METHOD_NOT_ALLOWED);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    void notAcceptable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        errors.write(request, response, NOT_ACCEPTABLE);
    }

    /**
     * A parameter outside its schema (a pattern, a length, an enum, a type): the documented 400,
     * naming the parameter as the spec does and never echoing the value.
     */
    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingRequestValueException.class,
            HandlerMethodValidationException.class})
    void invalidParameter(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        errors.write(request, response, INVALID_PARAMETER,
                RejectedParameter.of(e).<Map<String, Object>>map(name -> Map.of("parameter", name)).orElse(Map.of()));
    }

    @ExceptionHandler(Exception.class)
    void unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (e instanceof ErrorResponse spring && spring.getStatusCode().is4xxClientError()) {
            errors.write(request, response, spring.getStatusCode().value() == HttpServletResponse.SC_NOT_FOUND
                    ? NOT_FOUND : MALFORMED_REQUEST);
            return;
        }
        if (TOMCAT_BAD_QUERY.equals(e.getClass().getName())) {
            errors.write(request, response, MALFORMED_REQUEST);
            return;
        }
        // The method and the request's id, never the raw path or query: they are the caller's input.
        log.error("Unexpected error on {} (request {})", request.getMethod(),
                RequestIds.of(request), e);
        errors.write(request, response, INTERNAL_ERROR);
    }
}
