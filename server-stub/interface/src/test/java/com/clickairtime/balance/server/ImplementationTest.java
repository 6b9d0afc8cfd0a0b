package com.clickairtime.balance.server;

import com.clickairtime.balance.server.api.WalletBalanceApi;
import com.clickairtime.balance.server.model.BalanceSummary;
import com.clickairtime.balance.server.model.BalanceSummaryResponse;
import com.clickairtime.balance.server.model.Meta;
import com.clickairtime.balance.server.model.Money;
import com.clickairtime.balance.server.model.Wallet;
import com.clickairtime.balance.server.model.WalletResponse;
import com.clickairtime.balance.server.model.WalletStatus;
import com.clickairtime.balance.server.model.WalletType;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an implementer of the real server writes, compiled against this module's jar and its
 * dependencies alone: no sandbox, no Spring Boot (the enforcer bans them from this module).
 */
class ImplementationTest {

    /** A minimal implementation, as a team's controller would be (it would add @RestController). */
    static class OneWalletService implements WalletBalanceApi {

        // Fluent setters, not constructors: a property the spec newly requires leaves this code compiling.
        private final Wallet wallet = new Wallet().id("wal_1").currency("USD").balance(new BigDecimal("1.00"))
                .type(WalletType.GLOBAL).status(WalletStatus.ACTIVE).allowedCountries(List.of("All Countries"));
        private final Meta meta = new Meta().requestId("req_000000000000").timestamp(OffsetDateTime.parse("2024-01-15T10:30:00Z"));

        @Override
        public ResponseEntity<BalanceSummaryResponse> getBalance() {
            return ResponseEntity.ok(new BalanceSummaryResponse().success(true).data(new BalanceSummary()
                    .availableBalance(new Money().amount(new BigDecimal("1.00")).currency("USD")).wallets(List.of(wallet))).meta(meta));
        }

        @Override
        public ResponseEntity<WalletResponse> getWalletBalance(String walletId) {
            return wallet.getId().equals(walletId) ? ResponseEntity.ok(new WalletResponse().success(true).data(wallet).meta(meta))
                    : ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        }
    }

    @Test
    void anImplementationCompilesAndRunsAgainstTheInterfaceAlone() {
        WalletBalanceApi api = new OneWalletService();
        assertThat(api.getBalance().getBody().getData().getWallets()).hasSize(1);
        assertThat(api.getWalletBalance("wal_1").getStatusCode().value()).isEqualTo(200);
        assertThat(api.getWalletBalance("wal_2").getStatusCode().value()).isEqualTo(404);
    }

    /** The spec's constraints travel with the models, for the implementer's validator to enforce. */
    @Test
    void theModelsCarryTheSpecsConstraints() throws NoSuchMethodException {
        assertThat(Meta.class.getMethod("getRequestId").getAnnotation(Pattern.class).regexp()).startsWith("^req_");
        assertThat(Money.class.getMethod("getCurrency").getAnnotation(NotNull.class)).isNotNull();
    }
}
