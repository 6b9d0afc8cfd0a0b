package com.clickairtime.balance.server.support.wire;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a body with the application's own JSON mapper (Jackson 2 under Spring Boot 3.5,
 * Jackson 3 under 4.0), wire format included, where no message converter runs (an error
 * written from a filter).
 */
@FunctionalInterface
public interface JsonBodyWriter {

    void write(OutputStream out, Object body) throws IOException;
}
