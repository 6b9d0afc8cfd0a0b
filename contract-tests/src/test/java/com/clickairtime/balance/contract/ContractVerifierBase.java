package com.clickairtime.balance.contract;

import com.atlassian.oai.validator.mockmvc.OpenApiValidationMatchers;
import com.clickairtime.balance.sandbox.SandboxApplication;
import io.restassured.module.mockmvc.RestAssuredMockMvc;
import com.clickairtime.balance.openapi.ExampleCase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Base of the contract tests generated from balance.yaml (the plugin names it after the
 * contracts' folder). They run against the sandbox with its whole MVC configuration: JSON
 * settings, access checks, rate limiter and error handling. Every response is also
 * validated against the spec, and compared as text with its case's example.
 */
@SpringBootTest(classes = SandboxApplication.class)
@AutoConfigureMockMvc
@Import(ContractVerifierBase.ResponsesMatchTheSpec.class)
public abstract class ContractVerifierBase {

    private static final Map<String, ExampleCase> CASES = ExampleReplay.CASES.stream()
            .collect(Collectors.toMap(ExampleCase::contractName, Function.identity()));

    /** The case whose generated test runs now: its method is {@code validate_<contract name>}. */
    private static volatile ExampleCase current;

    @Autowired
    private MockMvc mockMvc;

    @BeforeEach
    void sandbox(TestInfo test) {
        String method = test.getTestMethod().orElseThrow().getName();
        current = CASES.get(method.substring(method.indexOf('_') + 1));
        if (current == null) {
            throw new IllegalStateException("no documented case for the generated test " + method);
        }
        RestAssuredMockMvc.mockMvc(mockMvc);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class ResponsesMatchTheSpec {

        @Bean
        MockMvcBuilderCustomizer validateEveryResponseAgainstTheSpec() {
            return builder -> builder.alwaysExpect(OpenApiValidationMatchers.openApi().isValid(SpecValidator.RESPONSES));
        }

        /** The generated assertions read the body as JSON, which hides the written scale: this reads the text. */
        @Bean
        MockMvcBuilderCustomizer everyResponseIsWrittenAsDocumented() {
            return builder -> builder.alwaysExpect(result -> WrittenAsDocumented.check(current,
                    result.getResponse().getContentType(), result.getResponse().getContentAsString(),
                    result.getResponse()::getHeader));
        }
    }
}
