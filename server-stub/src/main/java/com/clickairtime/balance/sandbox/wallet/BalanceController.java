package com.clickairtime.balance.sandbox.wallet;

import com.clickairtime.balance.sandbox.access.Caller;
import com.clickairtime.balance.sandbox.error.ApiException;
import com.clickairtime.balance.sandbox.error.ErrorCatalog;
import com.clickairtime.balance.sandbox.error.ErrorCode;
import com.clickairtime.balance.server.support.wire.ResponseMeta;
import com.clickairtime.balance.server.api.WalletBalanceApi;
import com.clickairtime.balance.server.model.BalanceSummaryResponse;
import com.clickairtime.balance.server.model.WalletResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * The two operations of the generated interface, served from the in-memory store. Access
 * (key, permissions, rate limit) is checked before a request gets here.
 */
@RestController
public class BalanceController implements WalletBalanceApi {

    private static final ErrorCode WALLET_NOT_FOUND = ErrorCode.of("WALLET_NOT_FOUND");

    private final WalletStore store;
    private final ResponseMeta meta;
    private final HttpServletRequest request;

    public BalanceController(WalletStore store, ResponseMeta meta, HttpServletRequest request, ErrorCatalog errors) {
        errors.require(WALLET_NOT_FOUND);
        this.store = store;
        this.meta = meta;
        this.request = request;
    }

    @Override
    public ResponseEntity<BalanceSummaryResponse> getBalance() {
        String account = Caller.of(request).account();
        return ResponseEntity.ok(new BalanceSummaryResponse().success(true).data(store.summary(account)).meta(meta.of(request)));
    }

    @Override
    public ResponseEntity<WalletResponse> getWalletBalance(String walletId) {
        String account = Caller.of(request).account();
        return store.wallet(account, walletId)
                .map(wallet -> ResponseEntity.ok(new WalletResponse().success(true).data(wallet).meta(meta.of(request))))
                .orElseThrow(() -> new ApiException(WALLET_NOT_FOUND));
    }
}
