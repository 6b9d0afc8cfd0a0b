package com.clickairtime.balance.sandbox.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/shared-service.md's table of environment variables names real settings: every
 * {@code sandbox.*} property it lists is one that {@link SandboxProperties} (or the hosted-mode
 * switch) binds, and its variable is the one Spring Boot maps to it (upper case, {@code -}
 * dropped, {@code .} as {@code _}). A renamed setting fails here instead of in a deployment.
 */
class SettingsDocTest {

    private static final Path DOC = Path.of("..", "docs", "shared-service.md");

    @Test
    void everyDocumentedSandboxSettingIsBoundUnderItsVariable() throws IOException {
        Map<String, String> documented = new TreeMap<>();
        Matcher row = Pattern.compile("(?m)^\\| `([A-Z_]+)` \\| `(sandbox\\.[a-z.-]+)` \\|").matcher(Files.readString(DOC));
        while (row.find()) {
            documented.put(row.group(2), row.group(1));
        }
        TreeSet<String> bound = new TreeSet<>();
        properties("sandbox", SandboxProperties.class, bound);
        bound.add(DeploymentPreflight.HOSTED);

        assertThat(documented).as("sandbox settings in " + DOC).isNotEmpty();
        documented.forEach((property, variable) -> {
            assertThat(bound).as("a setting the sandbox binds").contains(property);
            assertThat(variable).as(property).isEqualTo(property.toUpperCase(Locale.ROOT).replace("-", "").replace('.', '_'));
        });
    }

    private static void properties(String prefix, Class<?> type, TreeSet<String> into) {
        for (RecordComponent component : type.getRecordComponents()) {
            String name = prefix + "." + component.getName().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
            if (component.getType().isRecord()) {
                properties(name, component.getType(), into);
            } else {
                into.add(name);
            }
        }
    }
}
