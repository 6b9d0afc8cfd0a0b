package com.clickairtime.balance.sandbox.dataset;

import com.clickairtime.balance.openapi.ExampleCase;
import com.clickairtime.balance.sandbox.SandboxTestSupport;
import com.clickairtime.balance.sandbox.web.StartupBanner;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The dataset defines the demo keys; the spec's x-sandbox-api-key values and the sandbox's guide follow it. */
class DemoKeysTest {

    private static final Set<String> DEMO_KEYS = SandboxTestSupport.DATASET.apiKeys().stream()
            .map(Dataset.ApiKeyEntry::key).collect(Collectors.toSet());

    @Test
    void everyKeyTheSpecNamesIsADemoKey() {
        Set<String> named = SandboxTestSupport.SPEC.cases().stream().map(ExampleCase::credentials)
                .map(ExampleCase.Credentials::apiKey).filter(Objects::nonNull).collect(Collectors.toSet());
        assertThat(named).isNotEmpty();
        assertThat(DEMO_KEYS).containsAll(named);
    }

    /** The sandbox's guide (docs/sandbox.md) shows the banner's demo-key table as the sandbox prints it from the dataset. */
    @Test
    void theSandboxGuideShowsTheDatasetsKeys() throws IOException {
        String guide = Files.readString(Path.of("..", "docs", "sandbox.md"));
        assertThat(guide).contains(StartupBanner.demoKeys(SandboxTestSupport.DATASET.apiKeys()));
    }
}
