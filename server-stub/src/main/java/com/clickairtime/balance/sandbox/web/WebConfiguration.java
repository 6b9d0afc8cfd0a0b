package com.clickairtime.balance.sandbox.web;

import com.clickairtime.balance.sandbox.access.AccessInterceptor;
import com.clickairtime.balance.sandbox.access.ApiRoutes;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {

    private final AccessInterceptor access;
    private final ApiRoutes routes;

    public WebConfiguration(AccessInterceptor access, ApiRoutes routes) {
        this.access = access;
        this.routes = routes;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // Only inside the namespace, where AccessFilter has bound the caller; the rest needs no key.
        registry.addInterceptor(access).addPathPatterns(routes.namespace() + "/**");
    }
}
