package com.clickairtime.balance.verifier.scc;

import com.clickairtime.balance.verifier.BalanceContractVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The base's two test modes are proven on the sample implementers (src/it); here, a base that gives neither. */
class BalanceContractBaseTest {

    @Test
    void aBaseWithoutMockMvcOrBaseUrlSaysWhichToGive(TestInfo test) {
        BalanceContractBase base = new BalanceContractBase() {
            @Override
            protected BalanceContractVerifier verifier() {
                throw new AssertionError("not reached: the base fails before it reads the spec");
            }
        };
        assertThatThrownBy(() -> base.balanceCase(test))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gives neither mockMvc() (for testMode MOCKMVC) nor baseUrl() (for testMode EXPLICIT): both returned null");
    }
}
