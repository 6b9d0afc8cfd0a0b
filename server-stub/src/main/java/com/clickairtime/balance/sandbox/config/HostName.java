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
 * A name the {@code Host} check can compare with ({@code access.HostCheck} drops the port and
 * compares the rest): a DNS name, an IPv4 address or a bracketed IPv6 one. A scheme, a port, a
 * path or a wildcard would never equal any request's {@code Host}, so a deployment configured
 * with one would refuse every caller; it stops the start instead, naming the entry.
 */
@Target(ElementType.TYPE_USE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = HostName.Validator.class)
public @interface HostName {

    String message() default "is no host name: give the name alone (sandbox.example.com), without scheme, port, path or wildcard";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<HostName, String> {

        private static final String LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
        static final String NAME = "(?:" + LABEL + "(?:\\." + LABEL + ")*|\\[[0-9a-f:.]+\\])";
        private static final Pattern HOST = Pattern.compile(NAME, Pattern.CASE_INSENSITIVE);

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value != null && HOST.matcher(value).matches();
        }
    }
}
