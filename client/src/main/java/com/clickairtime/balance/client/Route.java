package com.clickairtime.balance.client;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An operation's method and path template, split once into literal pieces and parameter names, and the
 * per-call {@link Call} that fills them in. Generated operations hold one each; nothing here names an operation.
 */
final class Route {

    final String operationId;
    final String method;
    final String template;
    /** {@code pieces[i]} precedes {@code parameters[i]}; the last piece follows the last parameter. */
    private final String[] pieces;
    private final String[] parameters;

    private Route(String operationId, String method, String template, String[] pieces, String[] parameters) {
        this.operationId = operationId;
        this.method = method;
        this.template = template;
        this.pieces = pieces;
        this.parameters = parameters;
    }

    static Route of(String operationId, String method, String template) {
        List<String> pieces = new ArrayList<>();
        List<String> parameters = new ArrayList<>();
        int from = 0;
        for (int open = template.indexOf('{'); open >= 0; open = template.indexOf('{', from)) {
            int close = template.indexOf('}', open);
            pieces.add(template.substring(from, open));
            parameters.add(template.substring(open + 1, close));
            from = close + 1;
        }
        pieces.add(template.substring(from));
        return new Route(operationId, method, template, pieces.toArray(new String[0]), parameters.toArray(new String[0]));
    }

    Call call() {
        return new Call();
    }

    /** One request's parameters; filled by generated code, read by {@link ApiCore}. */
    final class Call {

        private final String[] pathValues = new String[parameters.length];
        private StringBuilder query;
        private List<String> headers;

        Route route() {
            return Route.this;
        }

        /** Dot segments are the one thing percent-encoding leaves alone that a URL resolver would still interpret. */
        Call path(String name, String javaName, Object value) {
            String text = value == null ? null : value.toString();
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException(javaName + " must not be null or blank");
            }
            if (text.equals(".") || text.equals("..")) {
                throw new IllegalArgumentException(javaName + " must not be a dot segment");
            }
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i].equals(name)) {
                    pathValues[i] = text;
                }
            }
            return this;
        }

        /** A collection repeats the parameter (form style, exploded: OpenAPI's default for query parameters). */
        Call query(String name, String javaName, Object value, boolean required) {
            if (value == null) {
                if (required) {
                    throw new IllegalArgumentException(javaName + " is required");
                }
                return this;
            }
            for (Object item : value instanceof Iterable ? (Iterable<?>) value : List.of(value)) {
                query = (query == null ? new StringBuilder("?") : query.append('&'))
                        .append(encode(name)).append('=').append(encode(String.valueOf(item)));
            }
            return this;
        }

        Call header(String name, String javaName, Object value, boolean required) {
            if (value == null) {
                if (required) {
                    throw new IllegalArgumentException(javaName + " is required");
                }
                return this;
            }
            if (headers == null) {
                headers = new ArrayList<>(2);
            }
            headers.add(name);
            headers.add(value instanceof Iterable ? String.join(",", toStrings((Iterable<?>) value)) : value.toString());
            return this;
        }

        /** Name, value, name, value...; empty when the operation has no header parameter. */
        List<String> headers() {
            return headers == null ? List.of() : headers;
        }

        /** The URL under {@code baseUrl}; each path value is percent-encoded as one segment (a/b becomes a%2Fb). */
        URI uri(String baseUrl) {
            if (parameters.length == 0 && query == null) {
                return URI.create(baseUrl + pieces[0]);
            }
            StringBuilder uri = new StringBuilder(baseUrl.length() + template.length() + 32).append(baseUrl);
            for (int i = 0; i < parameters.length; i++) {
                uri.append(pieces[i]).append(encode(pathValues[i]));
            }
            uri.append(pieces[parameters.length]);
            if (query != null) {
                uri.append(query);
            }
            return URI.create(uri.toString());
        }
    }

    /** A parameter given as text, as its Java type; null stays null. */
    static <T> T parse(String text, Class<T> type) {
        if (text == null) {
            return null;
        }
        try {
            if (type == Integer.class) {
                return type.cast(Integer.valueOf(text));
            }
            if (type == Long.class) {
                return type.cast(Long.valueOf(text));
            }
            if (type == java.math.BigDecimal.class) {
                return type.cast(new java.math.BigDecimal(text));
            }
            if (type == Double.class) {
                return type.cast(Double.valueOf(text));
            }
            if (type == Float.class) {
                return type.cast(Float.valueOf(text));
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a " + type.getSimpleName() + ": " + ApiKey.maskIn(text));
        }
        if (type == Boolean.class && (text.equals("true") || text.equals("false"))) {
            return type.cast(Boolean.valueOf(text));
        }
        throw new IllegalArgumentException("not a " + type.getSimpleName() + ": " + ApiKey.maskIn(text));
    }

    /** A comma-separated list, as OpenAPI's default style writes an array in a path or header. */
    static List<String> list(String text) {
        return text == null ? null : List.of(text.split(","));
    }

    private static List<String> toStrings(Iterable<?> values) {
        List<String> strings = new ArrayList<>();
        values.forEach(v -> strings.add(String.valueOf(v)));
        return strings;
    }

    // Form encoding writes a space as +, which a path would keep as a plus sign.
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
