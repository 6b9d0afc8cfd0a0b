package com.clickairtime.balance.sandbox.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %m}, {@code %msg} and {@code %message} with API keys masked (see {@code logback-spring.xml}). */
public class MaskedMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        String message = super.convert(event);
        if (event.getMarkerList() != null && event.getMarkerList().contains(ApiKeyMask.DEMO_KEYS)) {
            return message;
        }
        return ApiKeyMask.mask(message);
    }
}
