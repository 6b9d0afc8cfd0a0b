package com.clickairtime.balance.server.support.jackson3;

import com.clickairtime.balance.server.support.wire.PropertyOrder;
import com.clickairtime.balance.server.support.wire.WireValues;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.BeanPropertyWriter;
import tools.jackson.databind.ser.ValueSerializerModifier;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** The spec's wire format for Jackson 3 (Spring Boot 4), which registers every JacksonModule bean. */
public class Jackson3WireModule extends SimpleModule {

    public Jackson3WireModule() {
        super("balance-wire-format");
        addSerializer(OffsetDateTime.class, new ValueSerializer<>() {
            @Override
            public void serialize(OffsetDateTime value, JsonGenerator generator, SerializationContext context) {
                generator.writeString(WireValues.timestamp(value));
            }
        });
        addSerializer(BigDecimal.class, new ValueSerializer<>() {
            @Override
            public void serialize(BigDecimal value, JsonGenerator generator, SerializationContext context) {
                generator.writeNumber(WireValues.decimal(value));
            }
        });
        setSerializerModifier(new ValueSerializerModifier() {
            @Override
            public List<BeanPropertyWriter> orderProperties(SerializationConfig config, BeanDescription.Supplier bean,
                                                            List<BeanPropertyWriter> properties) {
                return PropertyOrder.sorted(bean.getBeanClass(), properties, writer -> writer.getMember().getName());
            }

            @Override
            public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription.Supplier bean,
                                                             List<BeanPropertyWriter> properties) {
                BeanPropertyWriter currency = properties.stream()
                        .filter(writer -> writer.getName().equals(PropertyOrder.CURRENCY)
                                && writer.getType().hasRawClass(String.class))
                        .findFirst().orElse(null);
                if (currency == null) {
                    return properties;
                }
                return properties.stream().map(writer -> writer.getType().hasRawClass(BigDecimal.class)
                        ? new Amount(writer, currency) : writer).toList();
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
        public void serializeAsProperty(Object bean, JsonGenerator generator, SerializationContext context) throws Exception {
            Object amount = get(bean);
            if (amount == null) {
                super.serializeAsProperty(bean, generator, context);
                return;
            }
            generator.writeName(getName());
            generator.writeNumber(WireValues.money((BigDecimal) amount, (String) currency.get(bean)));
        }
    }
}
