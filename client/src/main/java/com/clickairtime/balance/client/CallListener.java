package com.clickairtime.balance.client;

/**
 * Told about every attempt of every call, retries included, once it has ended: plug in logging or metrics
 * (Micrometer, OpenTelemetry...) without the SDK depending on them. It runs on the thread that finished the
 * attempt, so keep it short; what it throws is ignored, so that observing a call can never break it.
 * Nothing it receives holds the API key in clear: headers and the URL come masked.
 */
@FunctionalInterface
public interface CallListener {

    void onAttempt(Attempt attempt);
}
