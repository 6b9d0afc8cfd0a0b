package com.example.wallets;

import com.clickairtime.balance.server.model.ErrorDetail;
import com.clickairtime.balance.server.model.ErrorResponse;
import com.clickairtime.balance.server.model.Meta;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;

/** The envelope's meta, and every error as the envelope. */
@RestControllerAdvice
class Envelope {

    private static final char[] ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    static Meta meta() {
        StringBuilder id = new StringBuilder("req_");
        for (int i = 0; i < 12; i++) {
            id.append(ID_ALPHABET[RANDOM.nextInt(ID_ALPHABET.length)]);
        }
        return new Meta().requestId(id.toString()).timestamp(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS));
    }

    @ExceptionHandler(ApiError.class)
    ResponseEntity<ErrorResponse> error(ApiError error) {
        ErrorDetail detail = new ErrorDetail().code(error.code).message(error.getMessage()).details(new LinkedHashMap<>(error.details));
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(error.status).contentType(MediaType.APPLICATION_JSON);
        if (error.status == 401) {
            // Spec 2.1.0 requires it on every 401.
            answer.header("WWW-Authenticate", "Bearer");
        }
        return answer.body(new ErrorResponse().success(false).error(detail).meta(meta()));
    }
}
