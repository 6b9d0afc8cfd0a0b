package com.clickairtime.balance.sandbox.dataset;

/** A dataset the sandbox refuses to start with; the message says where and what, and is all a user needs. */
public class DatasetException extends RuntimeException {

    public DatasetException(String message) {
        super(message, null, false, false);
    }
}
