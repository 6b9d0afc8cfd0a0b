package com.clickairtime.balance.client;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A successful response in full: the {@code data}, and what came with it.
 *
 * @param <T> the type of {@code data}
 */
public final class ApiResult<T> {

    private final int status;
    private final T data;
    private final String requestId;
    private final OffsetDateTime timestamp;
    private final RateLimit rateLimit;

    ApiResult(int status, T data, String requestId, OffsetDateTime timestamp, RateLimit rateLimit) {
        this.status = status;
        this.data = data;
        this.requestId = requestId;
        this.timestamp = timestamp;
        this.rateLimit = rateLimit;
    }

    public int status() {
        return status;
    }

    public T data() {
        return data;
    }

    /** {@code meta.request_id}: quote it to support. */
    public String requestId() {
        return requestId;
    }

    public OffsetDateTime timestamp() {
        return timestamp;
    }

    public Optional<RateLimit> rateLimit() {
        return Optional.ofNullable(rateLimit);
    }

    @Override
    public String toString() {
        return "ApiResult{status=" + status + ", requestId=" + requestId + ", rateLimit=" + rateLimit + ", data=" + data + "}";
    }
}
