package com.clickairtime.balance.client.error;

/** No response arrived: the connection failed, the request timed out, or the thread was interrupted. */
public class BalanceTransportException extends BalanceClientException {

    public BalanceTransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
