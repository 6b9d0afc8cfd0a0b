package com.clickairtime.balance.client.codegen;

import com.samskivert.mustache.Mustache;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The error tables of the TypeScript and Python SDKs, from the same catalogue as the Java one's
 * ({@link SdkGenerator#documentedErrors}): each template is rendered with {@code documentedErrors}
 * (code and status), so a code the spec adds reaches every SDK in the next build.
 *
 * <p>Usage: {@code SdkErrorTables <spec> <template> <output> [<template> <output>]...}
 */
public final class SdkErrorTables {

    private SdkErrorTables() {
    }

    public static void main(String[] args) {
        if (args.length < 3 || args.length % 2 == 0) {
            System.err.println("usage: SdkErrorTables <spec> <template> <output> [<template> <output>]...");
            System.exit(2);
        }
        try {
            List<Map<String, Object>> errors = SdkGenerator.documentedErrors(parse(Path.of(args[0])));
            for (int i = 1; i < args.length; i += 2) {
                render(Path.of(args[i]), Path.of(args[i + 1]), Map.of("documentedErrors", errors));
            }
        } catch (IllegalStateException e) {
            System.err.println("SDK error tables failed: " + e.getMessage());
            System.exit(1);
        }
    }

    static OpenAPI parse(Path spec) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIParser().readLocation(spec.toUri().toString(), null, options);
        if (result.getOpenAPI() == null) {
            throw new IllegalStateException(spec + " is no OpenAPI document: " + result.getMessages());
        }
        return result.getOpenAPI();
    }

    static void render(Path template, Path output, Map<String, Object> data) {
        try (Reader reader = Files.newBufferedReader(template, StandardCharsets.UTF_8)) {
            Files.createDirectories(output.toAbsolutePath().getParent());
            try (Writer writer = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                // The tables hold codes, never markup: no HTML escaping.
                Mustache.compiler().escapeHTML(false).compile(reader).execute(data, writer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
