package com.clickairtime.balance.contract;

import com.atlassian.oai.validator.mockmvc.OpenApiValidationMatchers;
import com.clickairtime.balance.sandbox.SandboxApplication;
import io.restassured.module.mockmvc.RestAssuredMockMvc;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Base of the contract tests generated from balance.yaml (the plugin names it after the
 * contracts' folder). They run against the sandbox with its whole MVC configuration: JSON
 * settings, access checks, rate limiter and error handling. Every response is also
 * validated against the spec.
 */
@SpringBootTest(classes = SandboxApplication.class)
@AutoConfigureMockMvc
@Import(ContractVerifierBase.ResponsesMatchTheSpec.class)
public abstract class ContractVerifierBase {

    @Autowired
    private MockMvc mockMvc;

    @BeforeEach
    void sandbox() {
        RestAssuredMockMvc.mockMvc(mockMvc);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class ResponsesMatchTheSpec {

        @Bean
        MockMvcBuilderCustomizer validateEveryResponseAgainstTheSpec() {
            return builder -> builder.alwaysExpect(OpenApiValidationMatchers.openApi().isValid(SpecValidator.RESPONSES));
        }
    }
}
