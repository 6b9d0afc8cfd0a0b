package com.clickairtime.balance.server.support.wire;

import java.beans.Introspector;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * A bean's properties in the order its class declares its fields: the generated models declare
 * them in the schema's order. Jackson 3 would sort them alphabetically; Jackson 2 keeps this order
 * already, and this makes it explicit for both.
 */
public final class PropertyOrder {

    /** Where the currency of a bean's amounts is: the property next to them, as in Money and Wallet. */
    public static final String CURRENCY = "currency";

    private PropertyOrder() {
    }

    /**
     * Sorts the properties by their field's place in the class (superclass first); a property
     * with no field of its own name keeps its place after them.
     *
     * @param javaName the Java name of a property's field, getter or setter ({@code getAllowedCountries})
     */
    public static <P> List<P> sorted(Class<?> type, List<P> properties, Function<P, String> javaName) {
        List<String> fields = fields(type);
        List<P> sorted = new ArrayList<>(properties);
        sorted.sort(Comparator.comparingInt(property -> {
            int index = fields.indexOf(fieldName(javaName.apply(property)));
            return index < 0 ? Integer.MAX_VALUE : index;
        }));
        return sorted;
    }

    private static List<String> fields(Class<?> type) {
        List<String> names = new ArrayList<>();
        if (type.getSuperclass() != null && type.getSuperclass() != Object.class) {
            names.addAll(fields(type.getSuperclass()));
        }
        for (Field field : type.getDeclaredFields()) {
            names.add(field.getName());
        }
        return names;
    }

    private static String fieldName(String member) {
        for (String prefix : List.of("get", "set", "is")) {
            if (member.length() > prefix.length() && member.startsWith(prefix)
                    && Character.isUpperCase(member.charAt(prefix.length()))) {
                return Introspector.decapitalize(member.substring(prefix.length()));
            }
        }
        return member;
    }
}
