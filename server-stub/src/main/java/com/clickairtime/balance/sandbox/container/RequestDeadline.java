package com.clickairtime.balance.sandbox.container;

import org.apache.coyote.AbstractProcessor;
import org.apache.coyote.Constants;
import org.apache.coyote.Request;
import org.apache.tomcat.util.net.AbstractEndpoint;
import org.apache.tomcat.util.net.SocketEvent;
import org.apache.tomcat.util.net.SocketWrapperBase;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A total deadline for a request's head. Tomcat's timeouts are per read, so a client that
 * sends one header byte every few seconds keeps a connection for as long as it likes, and
 * enough of them fill {@code max-connections}. Every quarter of the deadline this closes each
 * connection whose request started arriving longer ago than the deadline and is still being
 * parsed, exactly as Tomcat closes one that timed out. The head is parsed without a worker,
 * so the sweep only frees connection slots; bodies are never read ({@link BodyRefusalValve}).
 */
final class RequestDeadline {

    private final AbstractEndpoint<?, ?> endpoint;
    private final long deadlineNanos;
    private final ScheduledExecutorService sweeper;

    RequestDeadline(AbstractEndpoint<?, ?> endpoint, Duration deadline) {
        this.endpoint = endpoint;
        this.deadlineNanos = deadline.toNanos();
        this.sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "request-deadline");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(50, deadline.toMillis() / 4);
        sweeper.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
    }

    void stop() {
        sweeper.shutdownNow();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void sweep() {
        long now = System.nanoTime();
        for (SocketWrapperBase<?> connection : endpoint.getConnections()) {
            if (connection.getCurrentProcessor() instanceof AbstractProcessor processor && overdue(processor.getRequest(), now)) {
                connection.setError(new SocketTimeoutException("request head not complete within the deadline"));
                ((AbstractEndpoint) endpoint).processSocket(connection, SocketEvent.ERROR, true);
            }
        }
    }

    /**
     * Started (its first byte arrived), not being served by a worker, and older than the
     * deadline. A processor left waiting for the rest of a head is at the stage it ended its
     * last parse with (ENDED), or still at PARSE; a kept-alive idle connection has no processor.
     */
    private boolean overdue(Request request, long now) {
        long start = request.getStartTimeNanos();
        int stage = request.getRequestProcessor().getStage();
        return start > 0 && (stage == Constants.STAGE_PARSE || stage == Constants.STAGE_ENDED) && now - start > deadlineNanos;
    }
}
