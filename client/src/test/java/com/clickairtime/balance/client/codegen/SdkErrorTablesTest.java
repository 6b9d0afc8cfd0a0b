package com.clickairtime.balance.client.codegen;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The TypeScript and Python error tables follow the spec's catalogue, proven on the frozen fixture: its new code
 * {@code LIMITS_RECOMPUTING} (409) and its generic codes are in both, a code only the live spec has is not.
 */
class SdkErrorTablesTest {

    static final Path FIXTURE = Path.of("src/test/resources/fixtures/limits.yaml");
    static final Path TEMPLATES = Path.of("src/main/templates-sdks");

    @TempDir
    Path work;

    @Test
    void theTypeScriptTableHoldsEachDocumentedCodeWithItsStatus() throws IOException {
        String table = render("errorCodes.ts.mustache", "errorCodes.ts");
        assertThat(table)
                .contains("  LIMITS_RECOMPUTING: 'LIMITS_RECOMPUTING',", "  LIMITS_RECOMPUTING: 409,")
                .contains("  HTTP_VERSION_NOT_SUPPORTED: 505,", "  WALLET_NOT_FOUND: 404,", "  INVALID_API_KEY: 401,")
                .doesNotContain("IP_NOT_ALLOWED");
    }

    @Test
    void thePythonTableHoldsEachDocumentedCodeWithItsStatus() throws IOException {
        String table = render("error_codes.py.mustache", "error_codes.py");
        assertThat(table)
                .contains("    LIMITS_RECOMPUTING = \"LIMITS_RECOMPUTING\"", "    ErrorCode.LIMITS_RECOMPUTING: 409,")
                .contains("    ErrorCode.HTTP_VERSION_NOT_SUPPORTED: 505,", "    ErrorCode.NOT_FOUND: 404,")
                .doesNotContain("IP_NOT_ALLOWED");
    }

    private String render(String template, String file) throws IOException {
        Path output = work.resolve(file);
        SdkErrorTables.render(TEMPLATES.resolve(template), output,
                Map.of("documentedErrors", SdkGenerator.documentedErrors(SdkErrorTables.parse(FIXTURE))));
        return Files.readString(output);
    }
}
