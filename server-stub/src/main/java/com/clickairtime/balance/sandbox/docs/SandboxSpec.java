package com.clickairtime.balance.sandbox.docs;

import com.clickairtime.balance.openapi.BalanceSpec;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;

/**
 * balance.yaml as the {@code balance-openapi} jar packages it, from the sandbox's one reading
 * of the spec: served byte for byte, and the source of the one fact the docs page takes from
 * it, the default demo key.
 */
@Component
public class SandboxSpec {

    private final byte[] bytes;
    private final String defaultKey;

    public SandboxSpec(BalanceSpec spec) {
        this.bytes = spec.text().getBytes(StandardCharsets.UTF_8);
        this.defaultKey = spec.defaultSandboxKey().orElse(null);
    }

    /** The spec's bytes, shared by every answer that sends them: never to be modified. */
    byte[] bytes() {
        return bytes;
    }

    /** The key the spec's examples use by default, or null if it names none. */
    String defaultKey() {
        return defaultKey;
    }
}
