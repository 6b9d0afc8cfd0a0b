package com.clickairtime.balance.openapi.changes;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The parts of the document around the operations: {@code servers}, {@code info}, tags, the
 * generic error codes the kit reads ({@code components.x-generic-errors}) and every other
 * {@code x-} extension, wherever it lies, that no other comparison reads. Nothing in the
 * document changes unreported.
 */
final class DocumentChanges {

    static final String GENERIC_ERRORS = "x-generic-errors";
    /** Extensions that other comparisons judge where they lie: permissions on operations. */
    private static final Set<String> JUDGED_ELSEWHERE = Set.of("x-required-permissions");

    private final List<ApiChange> changes = new ArrayList<>();

    private DocumentChanges() {
    }

    static List<ApiChange> between(BalanceSpec before, BalanceSpec after) {
        DocumentChanges walk = new DocumentChanges();
        JsonNode old = before.raw();
        JsonNode now = after.raw();
        walk.servers(old.path("servers"), now.path("servers"));
        walk.info(old, now);
        walk.genericErrors(old.path("components").path(GENERIC_ERRORS), now.path("components").path(GENERIC_ERRORS));
        walk.extensions(old, now, "");
        return walk.changes;
    }

    private void servers(JsonNode old, JsonNode now) {
        for (int i = 0; i < Math.max(old.size(), now.size()); i++) {
            JsonNode was = old.get(i);
            JsonNode is = now.get(i);
            String place = "servers[" + i + "]";
            if (was == null) {
                changes.add(ApiChange.both(Level.COMPATIBLE, "server-added", place, "new server " + is.path("url").asText()));
            } else if (is == null) {
                changes.add(new ApiChange(Level.BREAKING, Level.COMPATIBLE, "server-removed", place,
                        "server " + was.path("url").asText() + " removed: clients that call it lose the API"));
            } else {
                if (!was.path("url").equals(is.path("url"))) {
                    // The SDKs' default base URL and every configured client point at the old one.
                    changes.add(new ApiChange(Level.BREAKING, Level.COMPATIBLE, "server-url-changed", place,
                            "server url " + was.path("url").asText() + " became " + is.path("url").asText()));
                }
                if (!Objects.equals(was.get("variables"), is.get("variables"))) {
                    changes.add(ApiChange.both(Level.POTENTIALLY_BREAKING, "server-variables-changed", place, "server variables changed"));
                }
                if (!Objects.equals(was.get("description"), is.get("description"))) {
                    changes.add(ApiChange.both(Level.COMPATIBLE, "description-changed", place, "server description edited"));
                }
            }
        }
    }

    private void info(JsonNode old, JsonNode now) {
        if (!Objects.equals(old.get("openapi"), now.get("openapi"))) {
            changes.add(ApiChange.both(Level.POTENTIALLY_BREAKING, "openapi-version-changed", "openapi",
                    "OpenAPI " + old.path("openapi").asText() + " became " + now.path("openapi").asText()
                            + ": the generators read the document otherwise"));
        }
        JsonNode was = old.path("info");
        JsonNode is = now.path("info");
        if (!was.path("version").equals(is.path("version"))) {
            changes.add(ApiChange.both(Level.COMPATIBLE, "version-changed", "info.version",
                    "info.version " + was.path("version").asText() + " became " + is.path("version").asText()));
        }
        for (String field : List.of("title", "description", "contact", "license", "termsOfService")) {
            if (!Objects.equals(was.get(field), is.get(field))) {
                changes.add(ApiChange.both(Level.COMPATIBLE, "info-changed", "info." + field, "info." + field + " edited"));
            }
        }
        for (String field : List.of("tags", "externalDocs")) {
            if (!Objects.equals(old.get(field), now.get(field))) {
                changes.add(ApiChange.both(Level.COMPATIBLE, "documentation-changed", field, field + " edited"));
            }
        }
    }

    /** The codes the API answers outside the operations, with their status and message. */
    private void genericErrors(JsonNode old, JsonNode now) {
        Set<String> codes = new TreeSet<>();
        old.fieldNames().forEachRemaining(codes::add);
        now.fieldNames().forEachRemaining(codes::add);
        for (String code : codes) {
            String place = "components." + GENERIC_ERRORS + "." + code;
            JsonNode was = old.get(code);
            JsonNode is = now.get(code);
            if (was == null) {
                // The set of codes is open for clients; implementations must start answering with it.
                changes.add(new ApiChange(Level.POTENTIALLY_BREAKING, Level.BREAKING, "error-code-added", place,
                        "new generic error code " + code + " (" + is.path("status").asText() + ")"));
            } else if (is == null) {
                changes.add(new ApiChange(Level.COMPATIBLE, Level.POTENTIALLY_BREAKING, "error-code-removed", place,
                        "generic error code " + code + " removed"));
            } else {
                if (!was.path("status").equals(is.path("status"))) {
                    changes.add(ApiChange.both(Level.BREAKING, "error-status-changed", place,
                            code + "'s status " + was.path("status").asText() + " became " + is.path("status").asText()));
                }
                if (!was.path("message").equals(is.path("message"))) {
                    // Clients must not parse messages; the sandbox and the contract suite use them as written.
                    changes.add(new ApiChange(Level.COMPATIBLE, Level.POTENTIALLY_BREAKING, "error-message-changed", place,
                            code + "'s message changed"));
                }
            }
        }
    }

    /**
     * Every other {@code x-} extension, in both trees at once. Schemas, security schemes and
     * examples are compared elsewhere, with their extensions.
     */
    private void extensions(JsonNode old, JsonNode now, String pointer) {
        if (!old.isContainerNode() || !now.isContainerNode() || ignored(pointer)) {
            return;
        }
        if (old.isArray() && now.isArray()) {
            for (int i = 0; i < Math.min(old.size(), now.size()); i++) {
                extensions(old.get(i), now.get(i), pointer + "/" + i);
            }
            return;
        }
        Set<String> names = new TreeSet<>();
        old.fieldNames().forEachRemaining(names::add);
        now.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode was = old.get(name);
            JsonNode is = now.get(name);
            String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
            if (name.startsWith("x-")) {
                if (!JUDGED_ELSEWHERE.contains(name) && !name.equals(GENERIC_ERRORS) && !Objects.equals(was, is)) {
                    changes.add(ApiChange.both(Level.COMPATIBLE, "extension-changed", child,
                            name + " changed (the kit does not read it)"));
                }
            } else if (was != null && is != null) {
                extensions(was, is, child);
            }
        }
    }

    private static boolean ignored(String pointer) {
        return pointer.startsWith("/components/schemas") || pointer.startsWith("/components/securitySchemes")
                || pointer.startsWith("/components/examples") || pointer.endsWith("/schema")
                || pointer.endsWith("/examples") || pointer.endsWith("/example");
    }

    /** Where two trees first differ, as a JSON pointer; empty when they are equal. */
    static String firstDifference(JsonNode old, JsonNode now, String pointer) {
        if (old.isObject() && now.isObject()) {
            Set<String> names = new TreeSet<>();
            old.fieldNames().forEachRemaining(names::add);
            now.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode was = old.get(name);
                JsonNode is = now.get(name);
                if (was == null || is == null) {
                    return pointer + "/" + name;
                }
                String inner = firstDifference(was, is, pointer + "/" + name.replace("~", "~0").replace("/", "~1"));
                if (!inner.isEmpty()) {
                    return inner;
                }
            }
            return "";
        }
        if (old.isArray() && now.isArray() && old.size() == now.size()) {
            for (int i = 0; i < old.size(); i++) {
                String inner = firstDifference(old.get(i), now.get(i), pointer + "/" + i);
                if (!inner.isEmpty()) {
                    return inner;
                }
            }
            return "";
        }
        return old.equals(now) ? "" : pointer.isEmpty() ? "/" : pointer;
    }
}
