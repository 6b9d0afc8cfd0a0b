package com.clickairtime.balance.sandbox.wire;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The wire format the spec documents. */
@Configuration(proxyBeanMethods = false)
public class JsonConfiguration {

    /** Always three fractional digits and Z: Jackson's ISO default would print 10:30:00Z for a whole second. */
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'");

    @Bean
    public static JsonMapperBuilderCustomizer documentedWireFormat() {
        SimpleModule module = new SimpleModule("documented-wire-format");
        module.addSerializer(OffsetDateTime.class, new ValueSerializer<>() {
            @Override
            public void serialize(OffsetDateTime value, JsonGenerator generator, SerializationContext context) {
                generator.writeString(TIMESTAMP.format(value.withOffsetSameInstant(ZoneOffset.UTC)));
            }
        });
        // Fields in the documented order (Jackson 3 would sort them); BigDecimal keeps its
        // scale (1250.50) and never turns into 1.2505E+3.
        return builder -> builder.addModule(module)
                .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN);
    }
}
