package com.clickairtime.balance.client.codegen;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.openapitools.codegen.ClientOptInput;
import org.openapitools.codegen.CodegenConfig;
import org.openapitools.codegen.CodegenConstants;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.api.TemplateDefinition;
import org.openapitools.codegen.api.TemplateFileType;
import org.openapitools.codegen.config.CodegenConfigurator;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Generates the Java SDK from a spec: OpenAPI Generator's {@code java} generator ({@code native} library) with the
 * models as it writes them, and this kit's templates ({@code src/main/templates}) for the operations and the error
 * tables. The templates cannot join an operation to its envelope's {@code data} type or collect codes from the
 * examples, so this step reads both from the spec first and hands them over as vendor extensions and properties;
 * likewise the key format ({@code x-key-pattern}) for {@code ApiKeyFormat.mustache}.
 *
 * <p>The build runs it with the JDK's source launcher ({@code java SdkGenerator.java spec templates output}), and
 * FixtureGenerationTest calls {@link #generate} on frozen fixture specs.
 */
public final class SdkGenerator {

    public static final String PACKAGE = "com.clickairtime.balance.client";
    /** Every operation lands in one class whatever its tags: {@code BalanceOperations}. */
    static final String TAG = "Balance";
    static final String DATA_TYPE = "x-sdk-data-type";
    static final String GENERIC_ERRORS = "x-generic-errors";
    /** The reason a deprecated operation gives, as javadoc text; absent on an operation that is not deprecated. */
    static final String DEPRECATION = "x-sdk-deprecation";
    /** The spec's own reason for a deprecation: OpenAPI 3.0 has {@code deprecated: true} but no field for why. */
    static final String DEPRECATION_REASON = "x-deprecation";
    static final String KEY_PATTERN = "x-key-pattern";

    private SdkGenerator() {
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: SdkGenerator <spec> <template dir> <output dir>");
            System.exit(2);
        }
        try {
            generate(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]));
        } catch (IllegalStateException e) {
            // A spec the SDK cannot serve is a build error with a sentence, not a stack trace.
            System.err.println("SDK generation failed: " + e.getMessage());
            System.exit(1);
        }
    }

    // ClientOptInput's getters are deprecated as internal, but they are the one way to the parsed spec and the config.
    @SuppressWarnings("deprecation")
    public static List<File> generate(Path spec, Path templates, Path output) {
        CodegenConfigurator configurator = new CodegenConfigurator()
                .setGeneratorName("java").setLibrary("native")
                .setInputSpec(spec.toString()).setOutputDir(output.toString()).setTemplateDir(templates.toString())
                .setApiPackage(PACKAGE).setApiNameSuffix("Operations")
                .setModelPackage(PACKAGE + ".generated.model").setInvokerPackage(PACKAGE + ".generated.invoker")
                .addAdditionalProperty("openApiNullable", "false")
                .addAdditionalProperty("useJakartaEe", "true")
                .addAdditionalProperty("enumUnknownDefaultCase", "true")
                .addAdditionalProperty("hideGenerationTimestamp", "true")
                .addAdditionalProperty("useTags", "true")
                .addAdditionalProperty("annotationLibrary", "none")
                .addAdditionalProperty("documentationProvider", "none")
                .addAdditionalProperty("sourceFolder", "src/main/java");
        ClientOptInput input = configurator.toClientOptInput();
        OpenAPI openApi = input.getOpenAPI();
        CodegenConfig config = input.getConfig();
        config.setOpenAPI(openApi);
        annotateOperations(openApi, config);
        List<Map<String, Object>> errors = documentedErrors(openApi);
        config.additionalProperties().put("documentedErrors", errors);
        config.additionalProperties().put("documentedStatuses", documentedStatuses(errors));
        config.additionalProperties().putAll(keyFormat(openApi));
        String errorFolder = "src/main/java/" + (PACKAGE + ".error").replace('.', '/');
        input.userDefinedTemplates(List.of(
                supportingFile("ErrorCodes.mustache", errorFolder, "ErrorCodes.java"),
                supportingFile("ErrorTypes.mustache", errorFolder, "ErrorTypes.java"),
                supportingFile("ApiKeyFormat.mustache", "src/main/java/" + PACKAGE.replace('.', '/'), "ApiKeyFormat.java")));
        DefaultGenerator generator = new DefaultGenerator();
        generator.setGeneratorPropertyDefault(CodegenConstants.API_TESTS, "false");
        generator.setGeneratorPropertyDefault(CodegenConstants.MODEL_TESTS, "false");
        generator.setGeneratorPropertyDefault(CodegenConstants.API_DOCS, "false");
        generator.setGeneratorPropertyDefault(CodegenConstants.MODEL_DOCS, "false");
        return generator.opts(input).generate();
    }

    private static TemplateDefinition supportingFile(String template, String folder, String file) {
        TemplateDefinition definition = new TemplateDefinition(template, folder, file);
        definition.setTemplateType(TemplateFileType.SupportingFiles);
        return definition;
    }

    /** Each operation: one tag, and the Java type of its success envelope's {@code data}. */
    private static void annotateOperations(OpenAPI openApi, CodegenConfig config) {
        for (Map.Entry<String, PathItem> path : openApi.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().readOperationsMap().entrySet()) {
                Operation operation = entry.getValue();
                String name = operation.getOperationId() == null ? entry.getKey() + " " + path.getKey() : operation.getOperationId();
                if (operation.getRequestBody() != null) {
                    throw new IllegalStateException(name + " has a request body, which the SDK's runtime does not send yet");
                }
                operation.setTags(new ArrayList<>(List.of(TAG)));
                Schema<?> envelope = successSchema(openApi, name, operation);
                Schema<?> data = envelope.getProperties() == null ? null : envelope.getProperties().get("data");
                if (data == null) {
                    throw new IllegalStateException(name + ": its success body is not the envelope {success, data, meta}");
                }
                operation.addExtension(DATA_TYPE, config.getTypeDeclaration(data));
                String reason = deprecationReason(name, operation);
                if (reason != null) {
                    operation.addExtension(DEPRECATION, javadocText(reason));
                }
            }
        }
    }

    /**
     * Why a {@code deprecated: true} operation is deprecated: its {@code x-deprecation} text; else the paragraph of its
     * description that speaks of the deprecation (an operation's description says what it does, which is no reason);
     * else a sentence saying that the spec gives none. Null for an operation in use.
     */
    static String deprecationReason(String name, Operation operation) {
        Object reason = operation.getExtensions() == null ? null : operation.getExtensions().get(DEPRECATION_REASON);
        boolean deprecated = Boolean.TRUE.equals(operation.getDeprecated());
        if (reason != null && !(reason instanceof String && !((String) reason).isBlank())) {
            throw new IllegalStateException(name + ": " + DEPRECATION_REASON + " must be a text, the reason of the deprecation");
        }
        if (reason != null && !deprecated) {
            // A reason the SDK would silently drop: the flag is what marks the methods.
            throw new IllegalStateException(name + " has " + DEPRECATION_REASON + " but is not deprecated: true");
        }
        if (!deprecated) {
            return null;
        }
        if (reason != null) {
            return (String) reason;
        }
        String description = operation.getDescription() == null ? "" : operation.getDescription();
        for (String paragraph : description.split("\\n\\s*\\n")) {
            if (paragraph.toLowerCase(java.util.Locale.ROOT).contains("deprecat")) {
                return paragraph;
            }
        }
        return "The spec marks this operation deprecated and gives no reason.";
    }

    /**
     * Spec prose as javadoc text on one line: HTML's special characters as entities, no {@code *}{@code /} to end
     * the comment, no backslash for javac's unicode escapes (read even in comments) and no {@code @} to start a tag.
     */
    static String javadocText(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        StringBuilder out = new StringBuilder(line.length() + 16);
        char previous = 0;
        for (char c : line.toCharArray()) {
            switch (c) {
                case '&': out.append("&amp;"); break;
                case '<': out.append("&lt;"); break;
                case '>': out.append("&gt;"); break;
                case '\\': out.append("&#92;"); break;
                case '@': out.append("{@literal @}"); break;
                case '/': out.append(previous == '*' ? "&#47;" : "/"); break;
                default: out.append(c);
            }
            previous = c;
        }
        return out.toString();
    }

    private static Schema<?> successSchema(OpenAPI openApi, String name, Operation operation) {
        Components components = openApi.getComponents();
        for (Map.Entry<String, ApiResponse> response : operation.getResponses().entrySet()) {
            if (!response.getKey().startsWith("2")) {
                continue;
            }
            ApiResponse resolved = resolve(components.getResponses(), response.getValue().get$ref(), response.getValue());
            MediaType json = resolved.getContent() == null ? null : resolved.getContent().get("application/json");
            if (json != null && json.getSchema() != null) {
                Schema<?> schema = json.getSchema();
                return schema.get$ref() == null ? schema : components.getSchemas().get(simpleName(schema.get$ref()));
            }
        }
        throw new IllegalStateException(name + " documents no application/json success response");
    }

    /**
     * The key format of the one security scheme that states {@code x-key-pattern}, as Java string literals for
     * {@code ApiKeyFormat.mustache}: the pattern, its literal prefix (the SDK masks key-like text by it) and a
     * description for the error on a malformed key.
     */
    static Map<String, Object> keyFormat(OpenAPI openApi) {
        Map<String, SecurityScheme> schemes = openApi.getComponents() == null || openApi.getComponents().getSecuritySchemes() == null
                ? Map.of() : openApi.getComponents().getSecuritySchemes();
        Map<String, SecurityScheme> withPattern = new TreeMap<>();
        schemes.forEach((name, scheme) -> {
            if (scheme.getExtensions() != null && scheme.getExtensions().get(KEY_PATTERN) != null) {
                withPattern.put(name, scheme);
            }
        });
        if (withPattern.size() != 1) {
            throw new IllegalStateException(withPattern.isEmpty()
                    ? "no security scheme states " + KEY_PATTERN + ", the key format the SDK checks keys against"
                    : "security schemes " + String.join(", ", withPattern.keySet()) + " each state " + KEY_PATTERN
                    + "; the SDK takes one key format");
        }
        String name = withPattern.keySet().iterator().next();
        SecurityScheme scheme = withPattern.get(name);
        String pattern = String.valueOf(scheme.getExtensions().get(KEY_PATTERN));
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new IllegalStateException(name + "." + KEY_PATTERN + " is not a regular expression: " + e.getDescription());
        }
        String prefix = literalPrefix(pattern);
        if (prefix.isEmpty()) {
            throw new IllegalStateException(name + "." + KEY_PATTERN + " " + pattern + " does not start with a literal prefix"
                    + " (like ^ce_live_), which the SDK finds keys in text by, to mask them");
        }
        String description = scheme.getBearerFormat() == null || scheme.getBearerFormat().isBlank()
                ? "matched by " + pattern : scheme.getBearerFormat().strip();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("keySchemeName", name);
        properties.put("keyPatternJava", javaString(pattern));
        properties.put("keyPrefixJava", javaString(prefix));
        properties.put("keyDescriptionJava", javaString(description));
        return properties;
    }

    /**
     * The characters every match of an anchored pattern starts with: those after {@code ^} up to the first
     * metacharacter, less the last one if a quantifier makes it optional. Empty for an unanchored pattern or one
     * with an alternative at its top level.
     */
    static String literalPrefix(String pattern) {
        if (!pattern.startsWith("^") || topLevelAlternative(pattern)) {
            return "";
        }
        int end = 1;
        while (end < pattern.length() && "\\.[]{}()*+?^$|".indexOf(pattern.charAt(end)) < 0) {
            end++;
        }
        boolean quantified = end < pattern.length() && "*+?{".indexOf(pattern.charAt(end)) >= 0;
        return pattern.substring(1, quantified ? end - 1 : end);
    }

    private static boolean topLevelAlternative(String pattern) {
        int depth = 0;
        boolean inClass = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                return true;
            }
        }
        return false;
    }

    /** The text as the inside of a Java string literal. */
    static String javaString(String text) {
        StringBuilder literal = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '\\' || c == '"') {
                literal.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                literal.append(String.format("\\u%04x", (int) c));
            } else {
                literal.append(c);
            }
        }
        return literal.toString();
    }

    /**
     * Every code the spec documents, with its status: the {@code error.code} of each error response's examples
     * (its status is the response's), and {@code components.x-generic-errors}. Sorted, one entry per code.
     */
    static List<Map<String, Object>> documentedErrors(OpenAPI openApi) {
        Components components = openApi.getComponents();
        Map<String, Integer> statuses = new TreeMap<>();
        List<String> conflicts = new ArrayList<>();
        for (PathItem path : openApi.getPaths().values()) {
            for (Operation operation : path.readOperations()) {
                operation.getResponses().forEach((status, response) -> {
                    if (!status.matches("[45]\\d\\d")) {
                        return;
                    }
                    ApiResponse resolved = resolve(components.getResponses(), response.get$ref(), response);
                    if (resolved.getContent() == null) {
                        return;
                    }
                    for (MediaType media : resolved.getContent().values()) {
                        List<Object> values = new ArrayList<>();
                        if (media.getExample() != null) {
                            values.add(media.getExample());
                        }
                        if (media.getExamples() != null) {
                            for (Example example : media.getExamples().values()) {
                                values.add(resolve(components.getExamples(), example.get$ref(), example).getValue());
                            }
                        }
                        for (Object value : values) {
                            String code = errorCode(value);
                            if (code != null) {
                                add(statuses, conflicts, code, Integer.parseInt(status));
                            }
                        }
                    }
                });
            }
        }
        Object generic = components.getExtensions() == null ? null : components.getExtensions().get(GENERIC_ERRORS);
        if (generic instanceof Map) {
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) generic).entrySet()) {
                Object status = entry.getValue() instanceof Map ? ((Map<?, ?>) entry.getValue()).get("status") : null;
                if (!(status instanceof Number)) {
                    throw new IllegalStateException(GENERIC_ERRORS + "." + entry.getKey() + " has no numeric status");
                }
                add(statuses, conflicts, entry.getKey().toString(), ((Number) status).intValue());
            }
        }
        if (!conflicts.isEmpty()) {
            throw new IllegalStateException("error codes documented with two statuses: " + String.join(", ", conflicts));
        }
        List<Map<String, Object>> errors = new ArrayList<>();
        statuses.forEach((code, status) -> {
            if (!code.matches("[A-Z][A-Z0-9_]*")) {
                throw new IllegalStateException("error code " + code + " is not UPPER_SNAKE_CASE, so it cannot be a Java constant");
            }
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", code);
            error.put("status", status);
            errors.add(error);
        });
        return errors;
    }

    /**
     * Each documented status once, with the exception the SDK raises for it. The SDK's exception types are its own
     * design (one per status family a caller handles differently); which statuses get one is the spec's.
     */
    static List<Map<String, Object>> documentedStatuses(List<Map<String, Object>> errors) {
        Map<Integer, String> types = new TreeMap<>();
        for (Map<String, Object> error : errors) {
            int status = (Integer) error.get("status");
            types.put(status, exceptionFor(status));
        }
        List<Map<String, Object>> statuses = new ArrayList<>();
        types.forEach((status, type) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("status", status);
            entry.put("exception", type);
            statuses.add(entry);
        });
        return statuses;
    }

    private static String exceptionFor(int status) {
        switch (status) {
            case 401:
                return "AuthenticationException";
            case 403:
                return "PermissionDeniedException";
            case 404:
                return "NotFoundException";
            case 429:
                return "RateLimitedException";
            default:
                return status >= 500 ? "ServerErrorException" : "BalanceApiException";
        }
    }

    private static void add(Map<String, Integer> statuses, List<String> conflicts, String code, int status) {
        Integer before = statuses.putIfAbsent(code, status);
        if (before != null && before != status) {
            conflicts.add(code + " (" + before + " and " + status + ")");
        }
    }

    /** {@code error.code} of an example value, whether the parser kept it as a JSON tree or as maps. */
    private static String errorCode(Object value) {
        if (value instanceof com.fasterxml.jackson.databind.JsonNode) {
            com.fasterxml.jackson.databind.JsonNode code = ((com.fasterxml.jackson.databind.JsonNode) value).at("/error/code");
            return code.isTextual() ? code.textValue() : null;
        }
        if (value instanceof Map && ((Map<?, ?>) value).get("error") instanceof Map) {
            Object code = ((Map<?, ?>) ((Map<?, ?>) value).get("error")).get("code");
            return code instanceof String ? (String) code : null;
        }
        return null;
    }

    private static <T> T resolve(Map<String, T> components, String ref, T inline) {
        if (ref == null) {
            return inline;
        }
        T resolved = components == null ? null : components.get(simpleName(ref));
        if (resolved == null) {
            throw new IllegalStateException("unresolved reference " + ref);
        }
        return resolved;
    }

    private static String simpleName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }
}
