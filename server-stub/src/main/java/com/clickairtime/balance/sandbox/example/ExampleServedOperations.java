package com.clickairtime.balance.sandbox.example;

import com.clickairtime.balance.sandbox.routing.ApiRoutes;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.validation.method.MethodValidator;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ServletInvocableHandlerMethod;

/**
 * Where an operation without a hand-written handler is answered from the examples: in place
 * of the generated interface's default method (a 501), once Spring MVC has done all it does
 * before a call. So the operation is routed, negotiated, authenticated, permitted, counted and
 * its parameters checked exactly like one with a handler; only the body comes from the spec.
 * An operation with a handler answers its documented error cases the same way first
 * ({@link ExampleResponses#documentedError}).
 *
 * <p>The parameters are checked against the spec's schemas before any call
 * ({@code parameter.ParameterCheck}); Spring's own validation of the generated annotations is
 * left out for the operations, since it counts a length in UTF-16 units, not in characters as
 * the spec's JSON Schema does (40 emoji are 40 characters, and 80 units).
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
                if (!ApiRoutes.isOperation(handlerMethod)) {
                    return super.createInvocableHandlerMethod(handlerMethod);
                }
                boolean fromExamples = servedFromExamples(handlerMethod);
                return new ServletInvocableHandlerMethod(handlerMethod) {
                    @Override
                    public void setMethodValidator(MethodValidator validator) {
                        super.setMethodValidator(null);
                    }

                    @Override
                    protected Object doInvoke(Object... args) throws Exception {
                        // The arguments are resolved and checked by now; only the call is replaced.
                        ServletRequestAttributes current = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
                        String operationId = getMethod().getName();
                        if (fromExamples) {
                            examples.getObject().respond(operationId, current.getRequest(), current.getResponse());
                            return null;
                        }
                        if (examples.getObject().documentedError(operationId, current.getRequest(), current.getResponse())) {
                            return null;
                        }
                        return super.doInvoke(args);
                    }
                };
            }
        };
    }
}
