package com.clickairtime.balance.verifier.wire;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The report names a target by what the team would recognise, never by a JVM-made class name. */
class TargetTest {

    @Test
    void aNamedTargetIsCalledByItsClassAndALambdaOrAnonymousOneIsACustomTarget() {
        assertThat(new GatewayTarget().describe()).isEqualTo("GatewayTarget");
        Target lambda = (request, timeout) -> null;
        assertThat(lambda.describe()).isEqualTo("a custom target");
        Target anonymous = new Target() {
            @Override
            public WireResponse send(WireRequest request, Duration timeout) {
                return null;
            }
        };
        assertThat(anonymous.describe()).isEqualTo("a custom target");
    }

    private static final class GatewayTarget implements Target {
        @Override
        public WireResponse send(WireRequest request, Duration timeout) {
            return null;
        }
    }
}
