package com.example.wallets;

import com.clickairtime.balance.server.api.WalletBalanceApi;
import com.clickairtime.balance.server.model.BalanceSummary;
import com.clickairtime.balance.server.model.BalanceSummaryResponse;
import com.clickairtime.balance.server.model.Money;
import com.clickairtime.balance.server.model.Wallet;
import com.clickairtime.balance.server.model.WalletResponse;
import com.clickairtime.balance.server.model.WalletStatus;
import com.clickairtime.balance.server.model.WalletType;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** The team's implementation of the kit's generated interface, over its own data. */
@RestController
class WalletController implements WalletBalanceApi {

    private final Accounts accounts;
    private final HttpServletRequest request;

    WalletController(Accounts accounts, HttpServletRequest request) {
        this.accounts = accounts;
        this.request = request;
    }

    @Override
    public ResponseEntity<BalanceSummaryResponse> getBalance() {
        List<Accounts.StoredWallet> wallets = accounts.walletsOf(account());
        BigDecimal total = wallets.stream().map(w -> w.balance().multiply(w.usdRate()))
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_EVEN);
        BalanceSummary summary = new BalanceSummary().availableBalance(new Money().amount(money(total)).currency("USD"))
                .wallets(wallets.stream().map(this::wallet).toList());
        return ResponseEntity.ok(new BalanceSummaryResponse().success(true).data(summary).meta(Envelope.meta()));
    }

    @Override
    public ResponseEntity<WalletResponse> getWalletBalance(String walletId) {
        return accounts.walletsOf(account()).stream().filter(w -> w.id().equals(walletId)).findFirst()
                .map(w -> ResponseEntity.ok(new WalletResponse().success(true).data(wallet(w)).meta(Envelope.meta())))
                .orElseThrow(() -> SeededBug.current() == SeededBug.NOT_FOUND_CODE
                        ? new ApiError(404, "NOT_FOUND", "No such wallet.")
                        : new ApiError(404, "WALLET_NOT_FOUND", "No such wallet in your account."));
    }

    // Fluent setters, not the all-arguments constructor: a property the spec adds later does not change them.
    private Wallet wallet(Accounts.StoredWallet w) {
        return new Wallet().id(w.id()).currency(w.currency()).balance(money(w.balance())).type(WalletType.fromValue(w.type()))
                .status(WalletStatus.ACTIVE).allowedCountries(w.countries());
    }

    /** The seeded bug stores money as a double, which forgets the written scale: 42.10 comes out as 42.1. */
    private static BigDecimal money(BigDecimal amount) {
        return SeededBug.current() == SeededBug.DOUBLE_MONEY ? BigDecimal.valueOf(amount.doubleValue()) : amount;
    }

    private String account() {
        return (String) request.getAttribute(AccessInterceptor.ACCOUNT);
    }
}
