package com.clickairtime.balance.openapi.changes;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The permissions an operation needs, given machine-readably as {@code x-required-permissions}.
 * openapi-diff-core sees security schemes and requirements but no extension, so a new required
 * permission, which turns every key without it away with 403, would pass unseen.
 */
final class PermissionChanges {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private PermissionChanges() {
    }

    static List<ApiChange> between(BalanceSpec baseline, BalanceSpec current) {
        List<ApiChange> changes = new ArrayList<>();
        permissions(baseline.raw(), current.raw(), changes);
        return changes;
    }

    private static void permissions(JsonNode before, JsonNode after, List<ApiChange> changes) {
        for (Iterator<Map.Entry<String, JsonNode>> paths = after.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode now = path.getValue().path(method);
                JsonNode old = before.path("paths").path(path.getKey()).path(method);
                if (now.isMissingNode() || old.isMissingNode()) {
                    continue;
                }
                Set<String> oldNeeds = values(old.path("x-required-permissions"));
                Set<String> newNeeds = values(now.path("x-required-permissions"));
                String place = method.toUpperCase() + " " + path.getKey();
                for (String permission : newNeeds) {
                    if (!oldNeeds.contains(permission)) {
                        changes.add(ApiChange.both(Level.BREAKING, "permission-required", place,
                                "keys now need the permission " + permission));
                    }
                }
                for (String permission : oldNeeds) {
                    if (!newNeeds.contains(permission)) {
                        // An implementation that still demands it turns away keys the spec lets through.
                        changes.add(new ApiChange(Level.COMPATIBLE, Level.BREAKING, "permission-no-longer-required", place,
                                "keys no longer need the permission " + permission));
                    }
                }
            }
        }
    }

    private static Set<String> values(JsonNode array) {
        Set<String> values = new TreeSet<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
