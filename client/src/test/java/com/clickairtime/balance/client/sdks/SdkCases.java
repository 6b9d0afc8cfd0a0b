package com.clickairtime.balance.client.sdks;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.clickairtime.balance.openapi.ExampleCase;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The spec's documented cases as JSON, for the TypeScript and Python SDK tests: paired by the kit's
 * {@code BalanceSpec.cases()}, as the contract tests, the stubs and {@code .ci/ToolCases.java} pair
 * them, so those tests never pair examples themselves.
 *
 * <p>Usage: {@code SdkCases <spec> <output.json>}
 */
public final class SdkCases {

    private SdkCases() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: SdkCases <spec> <output.json>");
            System.exit(2);
        }
        BalanceSpec spec = BalanceSpec.read(Path.of(args[0]));
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("defaultKey", spec.defaultSandboxKey().orElseThrow(
                () -> new IllegalStateException("no security scheme names the default sandbox key")));
        ArrayNode cases = out.putArray("cases");
        for (ExampleCase c : spec.cases()) {
            ObjectNode node = cases.addObject();
            node.put("operationId", c.operationId());
            node.put("name", c.name());
            node.put("method", c.method());
            node.put("path", c.path());
            strings(node.putObject("pathParameters"), c.pathParameters());
            strings(node.putObject("queryParameters"), c.queryParameters());
            strings(node.putObject("headerParameters"), c.headerParameters());
            node.put("credentials", c.credentials().kind().name());
            node.put("apiKey", c.credentials().apiKey());
            node.put("status", c.status());
            node.set("body", c.body());
            ArrayNode anyValueOf = node.putArray("anyValueOf");
            c.anyValueOf().stream().sorted().forEach(anyValueOf::add);
            node.put("invalidRequest", c.invalidRequest());
        }
        Path output = Path.of(args[1]);
        Files.createDirectories(output.toAbsolutePath().getParent());
        // Decimals exactly as the spec writes them: the tests compare amounts with their scale.
        BalanceSpec.EXACT_JSON.writerWithDefaultPrettyPrinter().writeValue(output.toFile(), out);
    }

    private static void strings(ObjectNode target, Map<String, String> values) {
        values.forEach(target::put);
    }
}
