package com.clickairtime.balance.server.support.error;

import com.clickairtime.balance.openapi.DocumentedError;
import com.clickairtime.balance.server.model.ErrorDetail;
import com.clickairtime.balance.server.model.ErrorResponse;
import com.clickairtime.balance.server.support.wire.JsonBodyWriter;
import com.clickairtime.balance.server.support.wire.ResponseMeta;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the documented error envelope straight to the servlet response: the code's status and
 * message from the spec, the details given, the request's meta, {@code WWW-Authenticate: Bearer}
 * on every 401 and {@code Content-Type: application/json}. It bypasses content negotiation on
 * purpose: a 406 is JSON too, and so is an error a filter writes, where no Spring MVC runs.
 */
public class ErrorEnvelopes {

    private final ErrorCatalog catalog;
    private final ResponseMeta meta;
    private final JsonBodyWriter json;

    public ErrorEnvelopes(ErrorCatalog catalog, ResponseMeta meta, JsonBodyWriter json) {
        this.catalog = catalog;
        this.meta = meta;
        this.json = json;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ApiException error) throws IOException {
        write(request, response, error.code(), error.details());
    }

    public void write(HttpServletRequest request, HttpServletResponse response, String code) throws IOException {
        write(request, response, code, Map.of());
    }

    public void write(HttpServletRequest request, HttpServletResponse response, String code, Map<String, ?> details)
            throws IOException {
        DocumentedError documented = catalog.error(code);
        ErrorResponse body = new ErrorResponse().success(false)
                .error(new ErrorDetail().code(code).message(documented.message()).details(new LinkedHashMap<>(details)))
                .meta(meta.of(request));
        response.resetBuffer();
        response.setStatus(documented.status());
        if (documented.status() == HttpServletResponse.SC_UNAUTHORIZED) {
            // RFC 9110, section 11.6.1, and the spec: every 401 names the scheme it wants.
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        // JSON is UTF-8 by definition (RFC 8259); the mapper writes bytes, so no charset parameter.
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.write(response.getOutputStream(), body);
    }
}
