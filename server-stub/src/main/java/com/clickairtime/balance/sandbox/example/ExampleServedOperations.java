package com.clickairtime.balance.sandbox.example;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ServletInvocableHandlerMethod;

/**
 * Where an operation without a hand-written handler is answered from the examples: in place
 * of the generated interface's default method (a 501), once Spring MVC has done all it does
 * before a call. So the operation is routed, negotiated, authenticated, permitted, counted and
 * its parameters converted and validated exactly like one with a handler; only the body
 * comes from the spec.
 */
@Component
public class ExampleServedOperations implements WebMvcRegistrations {

    private final ObjectProvider<ExampleResponses> examples;

    public ExampleServedOperations(ObjectProvider<ExampleResponses> examples) {
        this.examples = examples;
    }

    /** Whether the handler is the interface's own default method, which no class overrides. */
    public static boolean servedFromExamples(HandlerMethod handler) {
        return handler.getMethod().isDefault();
    }

    @Override
    public RequestMappingHandlerAdapter getRequestMappingHandlerAdapter() {
        return new RequestMappingHandlerAdapter() {
            @Override
            protected ServletInvocableHandlerMethod createInvocableHandlerMethod(HandlerMethod handlerMethod) {
                if (!servedFromExamples(handlerMethod)) {
                    return super.createInvocableHandlerMethod(handlerMethod);
                }
                return new ServletInvocableHandlerMethod(handlerMethod) {
                    @Override
                    protected Object doInvoke(Object... args) throws Exception {
                        // The arguments are resolved and validated by now; only the call is replaced.
                        ServletRequestAttributes current = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
                        examples.getObject().respond(getMethod().getName(), current.getRequest(), current.getResponse());
                        return null;
                    }
                };
            }
        };
    }
}
