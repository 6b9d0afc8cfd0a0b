package com.clickairtime.balance.server.support.error;

import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.lang.annotation.Annotation;
import java.util.Optional;

/**
 * The parameter a request was refused for, by its name on the wire ({@code wallet_id}), as
 * {@code INVALID_PARAMETER}'s {@code details.parameter} names it: Spring reports a bad parameter
 * three ways (conversion, a missing required one, its method validation), each naming it its own way.
 */
public final class RejectedParameter {

    private RejectedParameter() {
    }

    public static Optional<String> of(Exception e) {
        if (e instanceof MethodArgumentTypeMismatchException mismatch) {
            return Optional.of(mismatch.getName());
        }
        if (e instanceof MissingServletRequestParameterException missing) {
            return Optional.of(missing.getParameterName());
        }
        if (e instanceof MissingRequestHeaderException missing) {
            return Optional.of(missing.getHeaderName());
        }
        if (e instanceof MissingPathVariableException missing) {
            return Optional.of(missing.getVariableName());
        }
        if (e instanceof HandlerMethodValidationException invalid) {
            return invalid.getParameterValidationResults().stream().map(ParameterValidationResult::getMethodParameter)
                    .map(RejectedParameter::wireName).findFirst();
        }
        return Optional.empty();
    }

    /** The parameter's name on the wire ({@code wallet_id}), from its binding annotation, not the Java name. */
    private static String wireName(MethodParameter parameter) {
        for (Annotation annotation : parameter.getParameterAnnotations()) {
            if (annotation instanceof PathVariable || annotation instanceof RequestParam || annotation instanceof RequestHeader) {
                for (String attribute : new String[] {"name", "value"}) {
                    Object name = AnnotationUtils.getValue(annotation, attribute);
                    if (name instanceof String text && !text.isEmpty()) {
                        return text;
                    }
                }
            }
        }
        return parameter.getParameterName();
    }
}
