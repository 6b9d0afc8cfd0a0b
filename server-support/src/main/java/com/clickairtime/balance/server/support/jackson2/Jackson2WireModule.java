package com.clickairtime.balance.server.support.jackson2;

import com.clickairtime.balance.server.support.wire.PropertyOrder;
import com.clickairtime.balance.server.support.wire.WireValues;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** The spec's wire format for Jackson 2 (Spring Boot 3.5), which registers every Module bean. */
public class Jackson2WireModule extends SimpleModule {

    public Jackson2WireModule() {
        super("balance-wire-format");
        addSerializer(OffsetDateTime.class, new JsonSerializer<>() {
            @Override
            public void serialize(OffsetDateTime value, JsonGenerator generator, SerializerProvider provider) throws IOException {
                generator.writeString(WireValues.timestamp(value));
            }
        });
        addSerializer(BigDecimal.class, new JsonSerializer<>() {
            @Override
            public void serialize(BigDecimal value, JsonGenerator generator, SerializerProvider provider) throws IOException {
                generator.writeNumber(WireValues.decimal(value));
            }
        });
        setSerializerModifier(new BeanSerializerModifier() {
            @Override
            public List<BeanPropertyWriter> orderProperties(SerializationConfig config, BeanDescription bean,
                                                            List<BeanPropertyWriter> properties) {
                return PropertyOrder.sorted(bean.getBeanClass(), properties, writer -> writer.getMember().getName());
            }

            @Override
            public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription bean,
                                                             List<BeanPropertyWriter> properties) {
                BeanPropertyWriter currency = properties.stream()
                        .filter(writer -> writer.getName().equals(PropertyOrder.CURRENCY)
                                && writer.getType().hasRawClass(String.class))
                        .findFirst().orElse(null);
                if (currency == null) {
                    return properties;
                }
                return properties.stream().map(writer -> writer.getType().hasRawClass(BigDecimal.class)
                        ? (BeanPropertyWriter) new Amount(writer, currency) : writer).toList();
            }
        });
    }

    /** An amount beside its currency: written at the currency's scale. */
    private static final class Amount extends BeanPropertyWriter {

        private final BeanPropertyWriter currency;

        Amount(BeanPropertyWriter amount, BeanPropertyWriter currency) {
            super(amount);
            this.currency = currency;
        }

        @Override
        public void serializeAsField(Object bean, JsonGenerator generator, SerializerProvider provider) throws Exception {
            Object amount = get(bean);
            if (amount == null) {
                super.serializeAsField(bean, generator, provider);
                return;
            }
            generator.writeFieldName(getName());
            generator.writeNumber(WireValues.money((BigDecimal) amount, (String) currency.get(bean)));
        }
    }
}
