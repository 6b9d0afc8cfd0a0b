package com.clickairtime.balance.server.support.wire;

import com.clickairtime.balance.server.model.Meta;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Fills the envelope's {@code meta} of every response body that has one and left it empty: a
 * controller returns {@code new WalletResponse().success(true).data(wallet)} and the answer
 * carries the request's id and time.
 */
@ControllerAdvice
public class EnvelopeMeta implements ResponseBodyAdvice<Object> {

    private static final String META = "meta";

    private final ResponseMeta meta;

    public EnvelopeMeta(ResponseMeta meta) {
        this.meta = meta;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType,
                                  ServerHttpRequest request, ServerHttpResponse response) {
        if (body == null || body instanceof CharSequence || !(request instanceof ServletServerHttpRequest servlet)) {
            return body;
        }
        BeanWrapper envelope = PropertyAccessorFactory.forBeanPropertyAccess(body);
        if (envelope.isWritableProperty(META) && Meta.class.equals(envelope.getPropertyType(META))
                && envelope.getPropertyValue(META) == null) {
            HttpServletRequest servletRequest = servlet.getServletRequest();
            envelope.setPropertyValue(META, meta.of(servletRequest));
        }
        return body;
    }
}
