package com.clickairtime.balance.sandbox.config;

import com.clickairtime.balance.sandbox.net.IpRange;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An IP address or CIDR range, as the sandbox parses one. Checked when the settings are bound,
 * so that a wrong one stops the start with Spring Boot's report of the option, its value and
 * this message, instead of a bean's exception and its stack trace.
 */
@Target(ElementType.TYPE_USE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = IpAddressOrRange.Validator.class)
public @interface IpAddressOrRange {

    String message() default "is no IP address or CIDR range";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<IpAddressOrRange, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value != null && IpRange.parse(value.strip()).isPresent();
        }
    }
}
