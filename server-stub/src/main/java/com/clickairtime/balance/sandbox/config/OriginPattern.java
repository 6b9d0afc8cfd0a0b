package com.clickairtime.balance.sandbox.config;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

/**
 * An origin that browsers send, as {@code access.CorsPolicy} matches it: {@code http} or
 * {@code https}, a host (its first label may be {@code *}, any subdomain), and a port, {@code [*]}
 * (any port) or a list of ports. A path, a trailing slash or a bare {@code *} never equals an
 * {@code Origin} header or lets every site in; either stops the start, naming the entry.
 */
@Target(ElementType.TYPE_USE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = OriginPattern.Validator.class)
public @interface OriginPattern {

    String message() default "is no origin: give scheme://host[:port] (https://app.example.com, http://localhost:[*]), without path, and never * alone";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<OriginPattern, String> {

        private static final Pattern ORIGIN = Pattern.compile(
                "https?://(?:\\*\\.)?" + HostName.Validator.NAME + "(?::(?:[0-9]{1,5}|\\[\\*]|\\[[0-9]{1,5}(?:,[0-9]{1,5})*]))?",
                Pattern.CASE_INSENSITIVE);

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value != null && ORIGIN.matcher(value).matches();
        }
    }
}
