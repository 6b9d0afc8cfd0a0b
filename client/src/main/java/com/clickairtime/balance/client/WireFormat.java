package com.clickairtime.balance.client;

import com.clickairtime.balance.client.generated.invoker.ApiClient;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** How the SDK reads the API's JSON; one configuration for successes and errors alike. */
public final class WireFormat {

    private static final ObjectMapper MAPPER = ApiClient.createDefaultObjectMapper()
            // Decimals in untyped places (error details) stay exact too; typed money is BigDecimal anyway.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE);

    private WireFormat() {
    }

    /** The shared, fully configured mapper. Jackson mappers are thread-safe once configured; do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
