package com.clickairtime.balance.openapi;

/**
 * An error code as the document states it.
 *
 * @param code    the {@code error.code} value
 * @param status  the HTTP status it comes with
 * @param message the {@code error.message} the API sends with it
 */
public record DocumentedError(String code, int status, String message) {
}
