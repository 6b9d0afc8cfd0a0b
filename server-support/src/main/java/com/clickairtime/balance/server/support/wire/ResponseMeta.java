package com.clickairtime.balance.server.support.wire;

import com.clickairtime.balance.server.model.Meta;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The {@code meta} of a response: the request's id and the time, in UTC to the millisecond. */
public class ResponseMeta {

    private final Clock clock;

    public ResponseMeta(Clock clock) {
        this.clock = clock;
    }

    public Meta of(HttpServletRequest request) {
        return new Meta().requestId(RequestIds.of(request))
                .timestamp(OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS));
    }

    /** The meta of the request this thread serves. */
    public Meta current() {
        RequestAttributes attributes = RequestContextHolder.currentRequestAttributes();
        return of(((ServletRequestAttributes) attributes).getRequest());
    }
}
