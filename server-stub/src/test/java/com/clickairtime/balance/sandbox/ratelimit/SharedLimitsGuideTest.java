package com.clickairtime.balance.sandbox.ratelimit;

import com.clickairtime.balance.sandbox.config.SandboxProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.io.IOException;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/shared-limits.md says what the code does: its settings and their defaults, the environment names, the header, the keys. */
class SharedLimitsGuideTest {

    private static final Pattern SETTING_ROW = Pattern.compile("(?m)^\\| `sandbox\\.rate-limit\\.([a-z-]+)` \\| `([^`]*)` \\|");
    private static final Pattern ENVIRONMENT = Pattern.compile("`(SANDBOX_RATELIMIT_[A-Z]+)=([^`]+)`");

    private static String guide() throws IOException {
        return Files.readString(Path.of("..", "docs", "shared-limits.md"));
    }

    @Test
    void theSettingsTableHasTheStoresSettingsWithTheirDefaults() throws IOException {
        Map<String, String> documented = new LinkedHashMap<>();
        Matcher row = SETTING_ROW.matcher(guide());
        while (row.find()) {
            documented.put(row.group(1), row.group(2));
        }
        Map<String, String> defaults = new LinkedHashMap<>();
        RecordComponent[] components = SandboxProperties.RateLimit.class.getRecordComponents();
        Parameter[] parameters = SandboxProperties.RateLimit.class.getDeclaredConstructors()[0].getParameters();
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName().replaceAll("([A-Z])", "-$1").toLowerCase();
            DefaultValue value = parameters[i].getAnnotation(DefaultValue.class);
            defaults.put(name, value.value()[0].toLowerCase());
        }
        // The guide's settings are the store's own: store and redis-*.
        Set<String> storeSettings = defaults.keySet().stream().filter(name -> name.equals("store") || name.startsWith("redis-"))
                .collect(Collectors.toSet());
        assertThat(documented.keySet()).containsExactlyInAnyOrderElementsOf(storeSettings);
        documented.forEach((name, value) -> assertThat(value).as(name).isEqualTo(defaults.get(name)));
    }

    @Test
    void theEnvironmentNamesBindToTheSettings() throws IOException {
        Map<String, Object> environment = new LinkedHashMap<>();
        Matcher variable = ENVIRONMENT.matcher(guide());
        while (variable.find()) {
            environment.put(variable.group(1), variable.group(2));
        }
        assertThat(environment).containsOnlyKeys("SANDBOX_RATELIMIT_STORE", "SANDBOX_RATELIMIT_REDISURL");
        Binder binder = new Binder(ConfigurationPropertySources.from(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment)));
        assertThat(binder.bind("sandbox.rate-limit.store", SandboxProperties.RateLimit.Store.class).get())
                .isEqualTo(SandboxProperties.RateLimit.Store.REDIS);
        assertThat(binder.bind("sandbox.rate-limit.redis-url", String.class).get())
                .isEqualTo(environment.get("SANDBOX_RATELIMIT_REDISURL"));
    }

    /** The bench command names an execution of the sandbox's pom that runs the shared limits' bench. */
    @Test
    void theBenchCommandRunsTheSharedLimitsBench() throws IOException {
        Matcher command = Pattern.compile("\\./mvnw -Pbench -pl server-stub package exec:exec@([a-z-]+)\\n").matcher(guide());
        assertThat(command.find()).as("the guide's bench command").isTrue();
        String pom = Files.readString(Path.of("pom.xml"));
        int execution = pom.indexOf("<id>" + command.group(1) + "</id>");
        assertThat(execution).as("execution " + command.group(1) + " in server-stub/pom.xml").isNotNegative();
        assertThat(pom.substring(execution, pom.indexOf("</execution>", execution)))
                .contains("<argument>com.clickairtime.balance.sandbox.bench.SharedLimitsBench</argument>");
    }

    @Test
    void theHeaderAndTheKeysAreTheCodes() throws IOException {
        String guide = guide();
        assertThat(guide).contains("\n" + RateLimiter.PER_REPLICA_HEADER + ": " + RateLimiter.PER_REPLICA + "\n");
        assertThat(guide).contains("(keys under `" + RedisStore.PREFIX + "`)");
    }
}
