package com.clickairtime.balance.server.support;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.clickairtime.balance.server.support.error.ErrorCatalog;
import com.clickairtime.balance.server.support.error.ErrorEnvelopeAdvice;
import com.clickairtime.balance.server.support.error.ErrorEnvelopes;
import com.clickairtime.balance.server.support.jackson2.Jackson2WireModule;
import com.clickairtime.balance.server.support.jackson3.Jackson3WireModule;
import com.clickairtime.balance.server.support.wire.EnvelopeMeta;
import com.clickairtime.balance.server.support.wire.JsonBodyWriter;
import com.clickairtime.balance.server.support.wire.RequestIds;
import com.clickairtime.balance.server.support.wire.ResponseMeta;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.time.Clock;

/**
 * The Wallet Balance API's wire format for a Spring MVC server on Spring Boot 3.5 (Jackson 2) or
 * 4.0 (Jackson 3): each Boot's Jackson auto-configuration registers the module of its own
 * Jackson, so the controllers return the generated models and the bytes are the spec's.
 */
@AutoConfiguration(afterName = {"org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({BalanceServerSupportAutoConfiguration.Jackson3.class, BalanceServerSupportAutoConfiguration.Jackson2.class})
public class BalanceServerSupportAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public RequestIds balanceRequestIds() {
        return new RequestIds();
    }

    @Bean
    @ConditionalOnMissingBean
    public ResponseMeta balanceResponseMeta(ObjectProvider<Clock> clock) {
        return new ResponseMeta(clock.getIfUnique(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnMissingBean
    public ErrorCatalog balanceErrorCatalog(ObjectProvider<BalanceSpec> spec) {
        // The application's own reading of the spec where it has one (the sandbox does): parsed once.
        return new ErrorCatalog(spec.getIfUnique(BalanceSpec::load));
    }

    @Bean
    @ConditionalOnMissingBean
    public ErrorEnvelopes balanceErrorEnvelopes(ErrorCatalog catalog, ResponseMeta meta, JsonBodyWriter json) {
        return new ErrorEnvelopes(catalog, meta, json);
    }

    @Bean
    @ConditionalOnMissingBean
    public ErrorEnvelopeAdvice balanceErrorEnvelopeAdvice(ErrorEnvelopes errors, ErrorCatalog catalog) {
        return new ErrorEnvelopeAdvice(errors, catalog);
    }

    @Bean
    @ConditionalOnMissingBean
    public EnvelopeMeta balanceEnvelopeMeta(ResponseMeta meta) {
        return new EnvelopeMeta(meta);
    }

    /** Spring Boot 4: Jackson 3 and its JsonMapper. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
    static class Jackson3 {

        @Bean
        Jackson3WireModule balanceWireFormat() {
            return new Jackson3WireModule();
        }

        @Bean
        @ConditionalOnMissingBean
        JsonBodyWriter balanceJsonBodyWriter(tools.jackson.databind.json.JsonMapper mapper) {
            return mapper::writeValue;
        }
    }

    /**
     * Spring Boot 3.5: Jackson 2 and its ObjectMapper. Told apart by Boot's own auto-configuration,
     * not by Jackson 3's presence: a Boot 3.5 build may have Jackson 3 on its test class path.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration")
    static class Jackson2 {

        @Bean
        Jackson2WireModule balanceWireFormat() {
            return new Jackson2WireModule();
        }

        @Bean
        @ConditionalOnMissingBean
        JsonBodyWriter balanceJsonBodyWriter(com.fasterxml.jackson.databind.ObjectMapper mapper) {
            return mapper::writeValue;
        }
    }
}
