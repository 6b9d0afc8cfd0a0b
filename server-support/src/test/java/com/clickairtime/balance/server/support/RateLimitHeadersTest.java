package com.clickairtime.balance.server.support;

import com.clickairtime.balance.server.support.wire.RateLimitHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitHeadersTest {

    private static final Instant WINDOW_END = Instant.parse("2024-01-15T10:31:00.250Z");

    @Test
    void theWindowIsWrittenInUnixSecondsAndRemainingNeverBelowZero() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        RateLimitHeaders.write(response, 300, 301, WINDOW_END);
        assertThat(response.getHeader("X-RateLimit-Limit")).isEqualTo("300");
        assertThat(response.getHeader("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(response.getHeader("X-RateLimit-Reset")).isEqualTo("1705314660");
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUpAndAtLeastOne() {
        MockHttpServletResponse late = new MockHttpServletResponse();
        RateLimitHeaders.retryAfter(late, WINDOW_END.minusSeconds(41), WINDOW_END);
        assertThat(late.getHeader("Retry-After")).isEqualTo("41");
        MockHttpServletResponse partial = new MockHttpServletResponse();
        RateLimitHeaders.retryAfter(partial, WINDOW_END.minusMillis(40_100), WINDOW_END);
        assertThat(partial.getHeader("Retry-After")).isEqualTo("41");
        MockHttpServletResponse over = new MockHttpServletResponse();
        RateLimitHeaders.retryAfter(over, WINDOW_END.plusSeconds(3), WINDOW_END);
        assertThat(over.getHeader("Retry-After")).isEqualTo("1");
    }
}
