package com.example.wallets;

import com.clickairtime.balance.server.api.WalletBalanceApi;
import com.clickairtime.balance.server.model.BalanceSummary;
import com.clickairtime.balance.server.model.BalanceSummaryResponse;
import com.clickairtime.balance.server.model.Money;
import com.clickairtime.balance.server.model.Wallet;
import com.clickairtime.balance.server.model.WalletResponse;
import com.clickairtime.balance.server.model.WalletStatus;
import com.clickairtime.balance.server.model.WalletType;
import com.clickairtime.balance.server.support.error.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

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
        BigDecimal total = wallets.stream().map(w -> w.balance().multiply(w.usdRate())).reduce(BigDecimal.ZERO, BigDecimal::add);
        String totalCurrency = SeededBug.current() == SeededBug.TOTAL_IN_EUR ? "EUR" : "USD";
        BalanceSummary summary = new BalanceSummary().availableBalance(new Money().amount(total).currency(totalCurrency))
                .wallets(wallets.stream().map(this::wallet).toList());
        return ResponseEntity.ok(new BalanceSummaryResponse().success(true).data(summary));
    }

    @Override
    public ResponseEntity<WalletResponse> getWalletBalance(String walletId) {
        return accounts.walletsOf(account()).stream().filter(w -> w.id().equals(walletId)).findFirst()
                .map(w -> ResponseEntity.ok(new WalletResponse().success(true).data(wallet(w))))
                .orElseThrow(() -> notFound(walletId));
    }

    // Fluent setters, not the all-arguments constructor: a property the spec adds later does not change them.
    private Wallet wallet(Accounts.StoredWallet w) {
        return new Wallet().id(w.id()).currency(w.currency()).balance(w.balance()).type(WalletType.fromValue(w.type()))
                .status(WalletStatus.ACTIVE).allowedCountries(w.countries());
    }

    private ApiException notFound(String walletId) {
        if (SeededBug.current() == SeededBug.NOT_FOUND_CODE) {
            return new ApiException("NOT_FOUND");
        }
        if (SeededBug.current() == SeededBug.NOT_FOUND_BODIES_DIFFER && accounts.existsElsewhere(walletId)) {
            return new ApiException("WALLET_NOT_FOUND", Map.of("wallet_id", walletId));
        }
        return new ApiException("WALLET_NOT_FOUND");
    }

    private String account() {
        return (String) request.getAttribute(AccessInterceptor.ACCOUNT);
    }
}
