package com.clickairtime.balance.server.api;

import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What the generator makes of fixtures/limits-operation.yaml's operation (in the generated
 * interfaces' package, as it would be): a default method, annotated from the spec, that
 * answers 501. The sandbox has no handler for it. An inline enum becomes a plain {@code String},
 * with no annotation for its values, as the generator makes it; the sandbox checks it against the spec.
 */
public interface FixtureLimitsApi {

    String PATH_GET_WALLET_LIMITS = "/v2/balance/{wallet_id}/fixture-limits";

    @RequestMapping(method = RequestMethod.GET, value = FixtureLimitsApi.PATH_GET_WALLET_LIMITS, produces = {"application/json"})
    @Deprecated
    default ResponseEntity<Object> getFixtureWalletLimits(
            @Pattern(regexp = "^wal_[a-z0-9_]{1,40}$") @PathVariable("wallet_id") String walletId,
            @Pattern(regexp = "^[A-Z]{3}$") @RequestParam(value = "currency", required = false) String currency,
            @RequestParam(value = "type", required = false) String type,
            @RequestHeader(value = "X-Region", required = false) String xRegion) {
        return new ResponseEntity<>(HttpStatus.NOT_IMPLEMENTED);
    }
}
