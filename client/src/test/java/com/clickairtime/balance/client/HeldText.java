package com.clickairtime.balance.client;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every text an object holds, found the way a heap dump or a reflection-based logger or serializer finds it: each
 * field of each object reachable from it, private ones included, whatever its declared type. The JDK's own classes
 * do not open their fields to the class path, so for those it reads what they show instead (a map's entries, a
 * collection's elements, a throwable's message, cause and suppressed, and otherwise {@code toString()}), which for a
 * JDK holder of headers such as {@code HttpHeaders} prints them whole.
 */
final class HeldText {

    /** Far more than an attempt or an exception holds: a cycle the identity set misses cannot run on. */
    private static final int MAX_OBJECTS = 200_000;

    final List<String> texts = new ArrayList<>();
    /** How many fields were read, so that a test can tell the walk went somewhere. */
    int fieldsRead;
    private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Deque<Object> pending = new ArrayDeque<>();

    static HeldText of(Object... roots) {
        HeldText held = new HeldText();
        for (Object root : roots) {
            held.push(root);
        }
        while (!held.pending.isEmpty()) {
            if (held.seen.size() > MAX_OBJECTS) {
                throw new IllegalStateException("more than " + MAX_OBJECTS + " objects reachable: not an SDK value");
            }
            held.visit(held.pending.poll());
        }
        return held;
    }

    private void push(Object value) {
        if (value != null) {
            pending.add(value);
        }
    }

    private void visit(Object value) {
        if (value == null || !seen.add(value)) {
            return;
        }
        Class<?> type = value.getClass();
        if (value instanceof CharSequence) {
            texts.add(value.toString());
        } else if (value instanceof char[]) {
            texts.add(new String((char[]) value));
        } else if (value instanceof byte[]) {
            texts.add(new String((byte[]) value, StandardCharsets.ISO_8859_1));
        } else if (type.isArray()) {
            if (!type.getComponentType().isPrimitive()) {
                for (int i = 0; i < Array.getLength(value); i++) {
                    push(Array.get(value, i));
                }
            }
        } else if (value instanceof Number || value instanceof Boolean || value instanceof Character
                || value instanceof Class || value instanceof Enum) {
            return;
        } else {
            fields(value, type);
        }
    }

    /** The object's fields class by class, up the hierarchy; a JDK class that keeps them closed shows its views. */
    private void fields(Object value, Class<?> type) {
        boolean shown = false;
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                if (field.trySetAccessible()) {
                    try {
                        fieldsRead++;
                        Object held = field.get(value);
                        if (!field.getType().isPrimitive()) {
                            push(held);
                        }
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                } else if (!shown) {
                    views(value);
                    shown = true;
                }
            }
        }
    }

    private void views(Object value) {
        if (value instanceof Map) {
            ((Map<?, ?>) value).forEach((k, v) -> {
                push(k);
                push(v);
            });
        } else if (value instanceof Iterable) {
            ((Iterable<?>) value).forEach(this::push);
        } else if (value instanceof Optional) {
            ((Optional<?>) value).ifPresent(this::push);
        } else if (value instanceof Throwable) {
            Throwable t = (Throwable) value;
            texts.add(String.valueOf(t.getMessage()));
            texts.add(String.valueOf(t.getLocalizedMessage()));
            push(t.getCause());
            push(t.getSuppressed());
        } else {
            texts.add(value.toString());
        }
    }

    boolean contains(String part) {
        return texts.stream().anyMatch(text -> text.contains(part));
    }
}
