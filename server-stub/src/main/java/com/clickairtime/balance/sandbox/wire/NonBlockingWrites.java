package com.clickairtime.balance.sandbox.wire;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Every answer leaves through Tomcat's non-blocking output, so that a client that stops reading
 * holds no worker. A blocking write waits for the client, and the sandbox has four workers: eight
 * connections that asked for the 1.6 MB Swagger UI bundle and never read held all four until the
 * write timeout, and a real call waited 5 s or more. Here the answer is made in memory first (an
 * envelope, a balance), or is bytes every request shares ({@link #sendShared}: the docs' assets, the
 * page and the spec, never copied per request, so that thousands of held connections do not each
 * hold a copy); then the worker hands it to the connection's write listener and is free. What the
 * client does not read waits in the connection's buffers, written as the socket drains, and a
 * client that reads nothing for the connection timeout (5 s) is disconnected by Tomcat's poller.
 * The next request of a pipelined connection is read only once the answer before it is out.
 *
 * <p>Tomcat adds this filter ahead of all others (container.TomcatConfiguration); without it (MockMvc)
 * answers are written as they are made.
 */
public final class NonBlockingWrites implements Filter {

    private static final String ACTIVE = NonBlockingWrites.class.getName() + ".active";
    private static final String SHARED_BODY = NonBlockingWrites.class.getName() + ".shared";
    private static final byte[] NO_BODY = new byte[0];
    private static final int CHUNK = 16 * 1024;

    /**
     * Sends bytes that every answer shares and nobody modifies, without copying them for this one:
     * through the non-blocking writer where it runs, else straight to the response.
     */
    public static void sendShared(HttpServletRequest request, HttpServletResponse response, byte[] body) throws IOException {
        if (request.getAttribute(ACTIVE) != null) {
            request.setAttribute(SHARED_BODY, body);
        } else {
            response.getOutputStream().write(body);
        }
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        if (!(servletRequest instanceof HttpServletRequest request) || !(servletResponse instanceof HttpServletResponse response)
                || request.getDispatcherType() != DispatcherType.REQUEST || !request.isAsyncSupported()) {
            chain.doFilter(servletRequest, servletResponse);
            return;
        }
        ContentCachingResponseWrapper made = new ContentCachingResponseWrapper(response);
        request.setAttribute(ACTIVE, Boolean.TRUE);
        chain.doFilter(request, made);
        byte[] shared = (byte[]) request.getAttribute(SHARED_BODY);
        request.removeAttribute(ACTIVE);
        if (request.isAsyncStarted() || response.isCommitted() || "close".equalsIgnoreCase(response.getHeader(HttpHeaders.CONNECTION))) {
            // Sent already (sendError hands the answer to the container's error page), being sent by someone else, or
            // the last answer of a connection that the container ends at once (a body refused unread): as it was made.
            made.copyBodyToResponse();
            return;
        }
        byte[] body = shared != null ? shared : made.getContentAsByteArray();
        String declared = made.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (body.length > 0) {
            response.setContentLengthLong(body.length);
        } else if (declared != null) {
            response.setHeader(HttpHeaders.CONTENT_LENGTH, declared);
        }
        if ("HEAD".equals(request.getMethod())) {
            body = NO_BODY;
        }
        AsyncContext async = request.startAsync(request, response);
        // No deadline of its own: a client that stops reading is disconnected by the connection timeout.
        async.setTimeout(0);
        ServletOutputStream out = response.getOutputStream();
        Sender sender = new Sender(async, out, body);
        async.addListener(sender);
        out.setWriteListener(sender);
    }

    /** Writes while the socket takes it; completes only once everything is out, so completing never blocks. */
    private static final class Sender implements WriteListener, AsyncListener {

        private final AsyncContext async;
        private final ServletOutputStream out;
        private final byte[] body;
        private final AtomicBoolean finished = new AtomicBoolean();
        private int written;
        private boolean flushed;

        Sender(AsyncContext async, ServletOutputStream out, byte[] body) {
            this.async = async;
            this.out = out;
            this.body = body;
        }

        @Override
        public void onWritePossible() throws IOException {
            while (out.isReady()) {
                if (written < body.length) {
                    int length = Math.min(CHUNK, body.length - written);
                    out.write(body, written, length);
                    written += length;
                } else if (!flushed) {
                    // Commits the head of a bodiless answer too, without blocking.
                    flushed = true;
                    out.flush();
                } else {
                    finish();
                    return;
                }
            }
        }

        /** The client went away, or read nothing for the connection timeout. The container goes on to {@link #onError(AsyncEvent)}. */
        @Override
        public void onError(Throwable t) {
            // Completing here would be undone: the container marks the exchange failed after this returns.
        }

        /**
         * Completing the failed exchange ends it: nothing to say to a client that is gone, and
         * nothing to log. Left uncompleted, the container would dispatch to the error page, which
         * cannot write to a committed answer, and logged that, a stack trace per client that left.
         */
        @Override
        public void onError(AsyncEvent event) {
            finish();
        }

        @Override
        public void onComplete(AsyncEvent event) {
            finished.set(true);
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            finish();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // Started once, here.
        }

        private void finish() {
            if (finished.compareAndSet(false, true)) {
                async.complete();
            }
        }
    }
}
