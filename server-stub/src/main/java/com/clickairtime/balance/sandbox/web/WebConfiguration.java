package com.clickairtime.balance.sandbox.web;

import com.clickairtime.balance.sandbox.access.AccessInterceptor;
import com.clickairtime.balance.sandbox.parameter.ParameterCheck;
import com.clickairtime.balance.sandbox.routing.RawPathVariables;
import com.clickairtime.balance.sandbox.wire.DeprecationHeader;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {

    private final AccessInterceptor access;
    private final RawPathVariables rawPathVariables;
    private final ParameterCheck parameters;
    private final DeprecationHeader deprecation;

    public WebConfiguration(AccessInterceptor access, RawPathVariables rawPathVariables, ParameterCheck parameters,
                            DeprecationHeader deprecation) {
        this.deprecation = deprecation;
        this.access = access;
        this.rawPathVariables = rawPathVariables;
        this.parameters = parameters;
    }

    /**
     * A query or header parameter of a generated enum type arrives as its wire value
     * ({@code global}), which is no Java constant name ({@code GLOBAL}): read it with the
     * enum's own {@code fromValue}, as Jackson reads it in a body. A value that is no constant
     * fails conversion, which the error handler answers with 400 {@code INVALID_PARAMETER}.
     */
    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverterFactory(new ConverterFactory<String, Enum<?>>() {
            @Override
            public <T extends Enum<?>> Converter<String, T> getConverter(Class<T> type) {
                Method fromValue = ReflectionUtils.findMethod(type, "fromValue", String.class);
                return value -> {
                    if (fromValue != null && Modifier.isStatic(fromValue.getModifiers())) {
                        return type.cast(ReflectionUtils.invokeMethod(fromValue, null, value));
                    }
                    for (T constant : type.getEnumConstants()) {
                        if (constant.name().equals(value)) {
                            return constant;
                        }
                    }
                    throw new IllegalArgumentException("no constant of " + type.getSimpleName());
                };
            }
        });
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // On every path: the interceptor itself keeps to the API's namespace, which is known only
        // once the handler mapping this registry configures has been built.
        // First, so that every answer of a deprecated operation says so, its refusals included.
        registry.addInterceptor(deprecation);
        registry.addInterceptor(access);
        registry.addInterceptor(rawPathVariables);
        // Step 7 of the documented order, after the access checks, on the whole path segments.
        registry.addInterceptor(parameters);
    }
}
