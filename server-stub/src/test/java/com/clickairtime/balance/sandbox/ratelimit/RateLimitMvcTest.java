package com.clickairtime.balance.sandbox.ratelimit;

import com.clickairtime.balance.sandbox.config.SandboxProperties;
import com.clickairtime.balance.sandbox.SandboxTestSupport;
import com.clickairtime.balance.sandbox.SandboxTestSupport.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Duration;
import java.time.Instant;

import static com.clickairtime.balance.sandbox.SandboxTestSupport.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The default budgets, per key and per guessing address, enforced through the full stack. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(SandboxTestSupport.MutableClockConfiguration.class)
// Each test spends budgets and sets the clock: a fresh sandbox for each, so their order cannot matter.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class RateLimitMvcTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Autowired
    SandboxProperties properties;

    @Test
    void theThreeHundredAndFirstRequestOfAMinuteIsRefusedForThatKeyOnly() throws Exception {
        clock.set(Instant.parse("2026-01-01T12:00:00.250Z"));
        int limit = properties.rateLimit().requestsPerMinute();
        for (int i = 1; i <= limit; i++) {
            MockHttpServletResponse ok = balance(SandboxTestSupport.ACME);
            assertThat(ok.getStatus()).as("request %d", i).isEqualTo(200);
            assertThat(ok.getHeader("X-RateLimit-Remaining")).isEqualTo(Integer.toString(limit - i));
            clock.advance(Duration.ofMillis(150));
        }
        MockHttpServletResponse refused = balance(SandboxTestSupport.ACME);
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(SandboxTestSupport.exact(refused.getContentAsString()).at("/error/code").asText())
                .isEqualTo("RATE_LIMIT_EXCEEDED");
        // 300 x 150 ms = 45 s have passed in the window, so 15 s are left.
        assertThat(refused.getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("15");
        assertThat(refused.getHeader("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(refused.getHeader("X-RateLimit-Reset"))
                .isEqualTo(Long.toString(Instant.parse("2026-01-01T12:01:00.250Z").getEpochSecond() + 1));

        assertThat(balance(SandboxTestSupport.GLOBEX).getStatus()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(15));
        assertThat(balance(SandboxTestSupport.ACME).getStatus()).isEqualTo(200);
    }

    @Test
    void authenticationAndPermissionAreCheckedBeforeTheLimit() throws Exception {
        clock.set(Instant.parse("2026-01-02T12:00:00Z"));
        for (int i = 0; i < 301; i++) {
            balance(SandboxTestSupport.ACME_AIRTIME_ONLY);
        }
        MockHttpServletResponse response = balance(SandboxTestSupport.ACME_AIRTIME_ONLY);
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getHeader("X-RateLimit-Remaining")).isEqualTo("0");
    }

    /**
     * Guessing keys is limited per address: each failed authentication is counted, and once the
     * budget is spent every API request from that address gets 429, a valid key's included, so
     * that a guess that happens to hit a real key is not revealed either.
     */
    @Test
    void failedAuthenticationsLockTheAddressOutUntilTheWindowEnds() throws Exception {
        clock.set(Instant.parse("2026-01-03T12:00:00Z"));
        int budget = properties.rateLimit().failedAuthenticationsPerMinute();
        for (int i = 1; i <= budget; i++) {
            MockHttpServletResponse guess = balanceFrom(GUESSER, "ce_live_Guess" + "0".repeat(23) + String.format("%04d", i));
            assertThat(guess.getStatus()).as("guess %d", i).isEqualTo(401);
            assertThat(guess.getHeader("X-RateLimit-Limit")).isEqualTo(Integer.toString(budget));
            assertThat(guess.getHeader("X-RateLimit-Remaining")).isEqualTo(Integer.toString(budget - i));
            clock.advance(Duration.ofMillis(500));
        }
        for (String key : new String[] {"ce_live_Guess" + "9".repeat(27), SandboxTestSupport.ACME}) {
            MockHttpServletResponse locked = balanceFrom(GUESSER, key);
            assertThat(locked.getStatus()).isEqualTo(429);
            assertThat(SandboxTestSupport.exact(locked.getContentAsString()).at("/error/code").asText())
                    .isEqualTo("RATE_LIMIT_EXCEEDED");
            // The window opened with the first guess; budget x 500 ms have passed.
            assertThat(locked.getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo(Long.toString((60_000 - budget * 500L + 999) / 1000));
            assertThat(locked.getHeader("X-RateLimit-Remaining")).isEqualTo("0");
        }
        // Another address, and the same key from it, are not affected.
        assertThat(balanceFrom("192.0.2.99", SandboxTestSupport.ACME).getStatus()).isEqualTo(200);

        clock.advance(Duration.ofMillis(60_000 - budget * 500L));
        assertThat(balanceFrom(GUESSER, SandboxTestSupport.ACME).getStatus()).isEqualTo(200);
    }

    /** No credential is no guess: keyless requests are traffic, counted against the address, never a lockout. */
    @Test
    void requestsWithoutAKeyAreNotFailedAuthentications() throws Exception {
        clock.set(Instant.parse("2026-01-04T12:00:00Z"));
        int failures = properties.rateLimit().failedAuthenticationsPerMinute();
        for (int i = 1; i <= failures + 5; i++) {
            MockHttpServletResponse keyless = mvc.perform(get("/v2/balance").with(from("192.0.2.50"))).andReturn().getResponse();
            assertThat(keyless.getStatus()).as("request %d", i).isEqualTo(401);
            assertThat(keyless.getHeader("X-RateLimit-Limit")).isEqualTo(Integer.toString(properties.rateLimit().requestsPerMinute()));
        }
        MockHttpServletResponse guess = balanceFrom("192.0.2.50", "ce_live_Guess" + "1".repeat(27));
        assertThat(guess.getStatus()).isEqualTo(401);
        assertThat(guess.getHeader("X-RateLimit-Remaining")).isEqualTo(Integer.toString(failures - 1));
        assertThat(balanceFrom("192.0.2.50", SandboxTestSupport.ACME).getStatus()).isEqualTo(200);
    }

    /** Any local process can bind any 127.0.0.0/8 address: the whole range is one address, so is an IPv6 /64. */
    @Test
    void theLoopbackRangeAndAnIpv6Slash64CountAsOneAddress() throws Exception {
        clock.set(Instant.parse("2026-01-06T12:00:00Z"));
        int failures = properties.rateLimit().failedAuthenticationsPerMinute();
        for (int i = 1; i <= failures; i++) {
            assertThat(balanceFrom("127.0.0." + (i + 1), "ce_live_Guess" + "2".repeat(27)).getStatus()).isEqualTo(401);
            assertThat(balanceFrom("2001:db8:0:7::" + Integer.toHexString(i), "ce_live_Guess" + "3".repeat(27)).getStatus())
                    .isEqualTo(401);
        }
        assertThat(balanceFrom("127.0.0.1", SandboxTestSupport.ACME).getStatus()).isEqualTo(429);
        assertThat(balanceFrom("127.77.0.1", "ce_live_Guess" + "4".repeat(27)).getStatus()).isEqualTo(429);
        assertThat(balanceFrom("2001:db8:0:7:ffff::1", SandboxTestSupport.ACME).getStatus()).isEqualTo(429);
        // The next /64 is another subscriber.
        assertThat(balanceFrom("2001:db8:0:8::1", SandboxTestSupport.ACME).getStatus()).isEqualTo(200);
    }

    /** A key used from outside its allow-list is refused without spending its owner's budget. */
    @Test
    void aCallerOutsideTheAllowListDoesNotSpendTheKeysBudget() throws Exception {
        clock.set(Instant.parse("2026-01-05T12:00:00Z"));
        String key = SandboxTestSupport.ACME_IP_RESTRICTED;
        String owner = SandboxTestSupport.DATASET.apiKeys().stream().filter(k -> k.key().equals(key)).findFirst()
                .orElseThrow().allowedIps().get(0);
        for (int i = 0; i < 5; i++) {
            assertThat(balanceFrom("192.0.2.77", key).getStatus()).isEqualTo(403);
        }
        MockHttpServletResponse fromOwner = balanceFrom(owner, key);
        assertThat(fromOwner.getStatus()).isEqualTo(200);
        assertThat(fromOwner.getHeader("X-RateLimit-Remaining"))
                .isEqualTo(Integer.toString(properties.rateLimit().requestsPerMinute() - 1));
    }

    private static final String GUESSER = "192.0.2.66";

    private MockHttpServletResponse balanceFrom(String address, String key) throws Exception {
        return mvc.perform(get("/v2/balance").header(HttpHeaders.AUTHORIZATION, bearer(key)).with(from(address)))
                .andReturn().getResponse();
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private MockHttpServletResponse balance(String key) throws Exception {
        return mvc.perform(get("/v2/balance").header(HttpHeaders.AUTHORIZATION, bearer(key))).andReturn().getResponse();
    }
}
