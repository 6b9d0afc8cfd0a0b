package com.clickairtime.balance.verifier.check;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Optional;

/**
 * A header the spec marks {@code x-unix-time: seconds}: a Unix time in seconds near the answer's
 * time, from a little before the request went out to at most {@code x-window-seconds} after the
 * answer. A value in milliseconds lies some 50,000 years ahead, and fails.
 */
final class UnixTimes {

    /** Clocks of the verifier and a server a URL away differ a little, and the server rounds to seconds. */
    static final Duration SLACK = Duration.ofSeconds(5);
    /** Where the spec states no window, a reset a day ahead is still a time, not a count of milliseconds. */
    private static final Duration NO_WINDOW_STATED = Duration.ofDays(1);

    private UnixTimes() {
    }

    static Optional<String> check(String name, JsonNode header, String value, Exchange exchange) {
        String unit = header.path("x-unix-time").asText(null);
        if (unit == null) {
            return Optional.empty();
        }
        if (!"seconds".equals(unit)) {
            throw new IllegalArgumentException("header " + name + ": x-unix-time '" + unit + "' is not a unit the verifier"
                    + " knows (seconds)");
        }
        long seconds;
        try {
            seconds = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return Optional.of("header " + name + ": " + CaseChecks.quoted(value) + " is no Unix time in seconds");
        }
        JsonNode stated = header.path("x-window-seconds");
        Duration window = stated.canConvertToLong() ? Duration.ofSeconds(stated.asLong()) : NO_WINDOW_STATED;
        long earliest = exchange.sent().minus(SLACK).getEpochSecond();
        long latest = exchange.answered().plus(window).plus(SLACK).getEpochSecond();
        if (seconds >= earliest && seconds <= latest) {
            return Optional.empty();
        }
        String hint = seconds / 1000 >= earliest && seconds / 1000 <= latest ? ", which is the time in milliseconds" : "";
        return Optional.of("header " + name + ": " + CaseChecks.quoted(value) + " is not Unix seconds near the answer's time"
                + hint + ": expected " + earliest + " to " + latest + " (the answer at " + exchange.answered().getEpochSecond()
                + ", " + (stated.canConvertToLong() ? "a window of " + window.toSeconds() + " s" : "no window stated")
                + ", " + SLACK.toSeconds() + " s either side)");
    }
}
