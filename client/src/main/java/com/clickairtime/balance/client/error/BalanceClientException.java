package com.clickairtime.balance.client.error;

/** Anything that kept a call of the Wallet Balance client from returning its data. */
public abstract class BalanceClientException extends RuntimeException {

    protected BalanceClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
