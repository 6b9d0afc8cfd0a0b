package com.clickairtime.balance.openapi.changes;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The error codes each operation documents: the {@code error.code} of every example of its 4xx
 * and 5xx responses, where the kit reads them (the sandbox answers them, the SDKs type them, the
 * contract tests demand them). openapi-diff-core reads no examples, so without this a new
 * documented error would pass as compatible.
 *
 * <p>Judged as the generic codes ({@code x-generic-errors}) are: a code an operation documents that
 * it did not document before, new to the API or not, is something implementers must answer there
 * (breaking for them) and that clients must be told of (potentially breaking: the set of codes is
 * open for them); a code it no longer documents only leaves implementers answering what is no longer
 * promised; a code that changed its status breaks both.
 */
final class ErrorChanges {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Pattern ERROR_STATUS = Pattern.compile("[45]\\d\\d");
    private static final String SEP = " > ";

    private ErrorChanges() {
    }

    static List<ApiChange> between(BalanceSpec baseline, BalanceSpec current) {
        Set<String> knownBefore = allCodes(baseline);
        return operations(current).entrySet().stream().<ApiChange>mapMulti((operation, out) -> {
            JsonNode old = operation(baseline, operation.getKey());
            if (old.isMissingNode()) {
                // A new operation is operation-added's business.
                return;
            }
            Map<String, String> before = codes(baseline, old);
            Map<String, String> after = codes(current, operation.getValue());
            String at = operation.getKey();
            after.forEach((code, status) -> {
                String was = before.get(code);
                if (was == null) {
                    String whence = knownBefore.contains(code)
                            ? "error code " + code + " (" + status + "), documented elsewhere already, now documented here"
                            : "new error code " + code + " (" + status + ")";
                    out.accept(new ApiChange(Level.POTENTIALLY_BREAKING, Level.BREAKING, "error-code-added", at + SEP + status,
                            whence + ": implementations must answer it, clients may meet it"));
                } else if (!was.equals(status)) {
                    out.accept(ApiChange.both(Level.BREAKING, "error-status-changed", at + SEP + status,
                            code + "'s status " + was + " became " + status));
                }
            });
            before.forEach((code, status) -> {
                if (!after.containsKey(code)) {
                    out.accept(new ApiChange(Level.COMPATIBLE, Level.POTENTIALLY_BREAKING, "error-code-removed",
                            at + SEP + status, "error code " + code + " no longer documented here"));
                }
            });
        }).toList();
    }

    /** The codes one response documents in its examples (for a 4xx or 5xx status; none otherwise). */
    static Set<String> codes(BalanceSpec spec, String status, JsonNode response) {
        Set<String> codes = new TreeSet<>();
        if (!ERROR_STATUS.matcher(status).matches()) {
            return codes;
        }
        for (JsonNode media : spec.deref(response).path("content")) {
            if (media.has("example")) {
                code(media.get("example")).ifPresent(codes::add);
            }
            for (JsonNode example : media.path("examples")) {
                code(spec.deref(example).path("value")).ifPresent(codes::add);
            }
        }
        return codes;
    }

    private static Optional<String> code(JsonNode body) {
        JsonNode code = body.path("error").path("code");
        return code.isTextual() ? Optional.of(code.asText()) : Optional.empty();
    }

    /** Each code an operation documents, with its status. */
    private static Map<String, String> codes(BalanceSpec spec, JsonNode operation) {
        Map<String, String> codes = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> responses = operation.path("responses").fields(); responses.hasNext(); ) {
            Map.Entry<String, JsonNode> response = responses.next();
            codes(spec, response.getKey(), response.getValue()).forEach(code -> codes.put(code, response.getKey()));
        }
        return codes;
    }

    /** Every operation, by method and path, as the other comparisons locate them. */
    private static Map<String, JsonNode> operations(BalanceSpec spec) {
        Map<String, JsonNode> operations = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.raw().path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            JsonNode item = spec.deref(path.getValue());
            for (String method : METHODS) {
                if (item.has(method)) {
                    operations.put(method.toUpperCase(Locale.ROOT) + " " + path.getKey(), item.get(method));
                }
            }
        }
        return operations;
    }

    private static JsonNode operation(BalanceSpec spec, String location) {
        int space = location.indexOf(' ');
        return spec.deref(spec.raw().path("paths").path(location.substring(space + 1)))
                .path(location.substring(0, space).toLowerCase(Locale.ROOT));
    }

    /** The codes the document states anywhere: on its operations and in {@code x-generic-errors}. */
    private static Set<String> allCodes(BalanceSpec spec) {
        Set<String> codes = new TreeSet<>();
        operations(spec).values().forEach(operation -> codes.addAll(codes(spec, operation).keySet()));
        spec.raw().path("components").path(DocumentChanges.GENERIC_ERRORS).fieldNames().forEachRemaining(codes::add);
        return codes;
    }
}
