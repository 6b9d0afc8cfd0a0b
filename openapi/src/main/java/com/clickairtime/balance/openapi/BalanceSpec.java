package com.clickairtime.balance.openapi;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIResolver;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Wallet Balance OpenAPI document, read once.
 *
 * <p>The text is parsed once, into a tree that keeps every decimal exactly as written
 * ({@code 1250.50}, not swagger-parser's own {@code 1250.5}); swagger-parser builds its model
 * from that same tree, so the model's example values are those exact nodes too.
 */
public final class BalanceSpec {

    /** Where the document lies in this module's jar. */
    public static final String RESOURCE = "openapi/balance.yaml";

    /** Reads YAML or JSON without losing a decimal's scale. */
    public static final ObjectMapper EXACT_YAML = exact(YAMLMapper.builder());

    /** Writes and reads JSON without losing a decimal's scale. */
    public static final ObjectMapper EXACT_JSON = exact(JsonMapper.builder());

    static final String PERMISSIONS = "x-required-permissions";
    static final String KEY_PATTERN = "x-key-pattern";

    private final String text;
    private final OpenAPI openApi;
    private final List<String> messages;
    private final JsonNode raw;

    private BalanceSpec(String text) {
        this.text = text;
        try {
            this.raw = EXACT_YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("balance.yaml is not YAML", e);
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().parseJsonNode(null, raw, options);
        if (result.getOpenAPI() != null) {
            // What readContents does after parsing: inline the referenced parameters and the like.
            new OpenAPIResolver(result.getOpenAPI(), null, null, null, options).resolve(result);
        }
        this.openApi = result.getOpenAPI();
        this.messages = result.getMessages() == null ? List.of() : List.copyOf(result.getMessages());
        if (openApi == null) {
            throw new IllegalStateException("swagger-parser could not read the document: " + messages);
        }
    }

    /** The document packaged in this module's jar. */
    public static BalanceSpec load() {
        try (InputStream in = BalanceSpec.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return new BalanceSpec(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BalanceSpec read(Path file) {
        try {
            return new BalanceSpec(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static BalanceSpec parse(String text) {
        return new BalanceSpec(text);
    }

    public String text() {
        return text;
    }

    public OpenAPI openApi() {
        return openApi;
    }

    /** Everything swagger-parser had to say; a sound document has none. */
    public List<String> messages() {
        return messages;
    }

    /** The document as written, decimals intact. */
    public JsonNode raw() {
        return raw;
    }

    /**
     * Follows a local {@code $ref} ({@code #/components/...}) to its node in the raw tree;
     * any other node is returned as it is.
     */
    public JsonNode deref(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current != null && current.has("$ref"); hops++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/") || hops > 16) {
                throw new IllegalStateException("unsupported or cyclic $ref: " + ref);
            }
            current = raw.at(ref.substring(1));
            if (current.isMissingNode()) {
                throw new IllegalStateException("dangling $ref: " + ref);
            }
        }
        return current;
    }

    /** Every error code the document states, with its one status and message, by code. */
    public Map<String, DocumentedError> errors() {
        return DocumentedErrors.of(openApi);
    }

    /** What each operation requires ({@code x-required-permissions}), by operationId. */
    public Map<String, List<String>> requiredPermissions() {
        Map<String, List<String>> permissions = new LinkedHashMap<>();
        for (PathItem path : openApi.getPaths().values()) {
            for (Operation operation : path.readOperations()) {
                Object required = operation.getExtensions() == null ? null : operation.getExtensions().get(PERMISSIONS);
                if (!(required instanceof List<?> list) || list.isEmpty()) {
                    throw new IllegalStateException(operation.getOperationId() + " states no " + PERMISSIONS);
                }
                permissions.put(operation.getOperationId(), list.stream().map(String::valueOf).toList());
            }
        }
        return Map.copyOf(permissions);
    }

    /** The key format without its anchors, to embed in a larger expression such as a Bearer header. */
    public String apiKeyRegex() {
        return apiKeyPattern().pattern().replaceFirst("^\\^", "").replaceFirst("\\$$", "");
    }

    /** The API key's format, the bearer scheme's {@code x-key-pattern}: the one place it is written. */
    public Pattern apiKeyPattern() {
        for (SecurityScheme scheme : openApi.getComponents().getSecuritySchemes().values()) {
            if (scheme.getExtensions() != null && scheme.getExtensions().get(KEY_PATTERN) instanceof String pattern) {
                return Pattern.compile(pattern);
            }
        }
        throw new IllegalStateException("no security scheme states the key format in " + KEY_PATTERN);
    }

    /** The demo key that requests send unless an example says otherwise: the security scheme's {@code x-sandbox-api-key}. */
    public Optional<String> defaultSandboxKey() {
        return openApi.getComponents().getSecuritySchemes().values().stream()
                .map(scheme -> scheme.getExtensions() == null ? null : scheme.getExtensions().get(ExamplePairing.API_KEY_EXTENSION))
                .filter(String.class::isInstance).map(String.class::cast).findFirst();
    }

    /** The named example pairs of every operation, checked for completeness. */
    public List<ExampleCase> cases() {
        return new ExamplePairing(this).cases();
    }

    private static ObjectMapper exact(com.fasterxml.jackson.databind.cfg.MapperBuilder<?, ?> builder) {
        return builder
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build();
    }
}
