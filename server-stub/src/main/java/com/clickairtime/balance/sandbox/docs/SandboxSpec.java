package com.clickairtime.balance.sandbox.docs;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * balance.yaml as the {@code balance-openapi} jar packages it: served byte for byte, and
 * read for the one fact the docs page takes from it, the default demo key.
 */
@Component
public class SandboxSpec {

    /** Where the openapi module packages the document. */
    static final String RESOURCE = "openapi/balance.yaml";

    private final byte[] bytes;
    private final String defaultKey;

    public SandboxSpec() {
        try (InputStream in = SandboxSpec.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath: is balance-openapi a dependency?");
            }
            this.bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode scheme = new YAMLMapper().readTree(bytes).at("/components/securitySchemes/bearerAuth");
        this.defaultKey = scheme.path("x-sandbox-api-key").asString(null);
    }

    byte[] bytes() {
        return bytes.clone();
    }

    /** The key the spec's examples use by default, or null if it names none. */
    String defaultKey() {
        return defaultKey;
    }
}
