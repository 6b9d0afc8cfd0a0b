package com.clickairtime.balance.openapi.changes;

import com.clickairtime.balance.openapi.BalanceSpec;

import java.util.ArrayList;
import java.util.List;

/** Every change from a baseline spec to the current one, worst first. */
public final class ApiChanges {

    private ApiChanges() {
    }

    public static List<ApiChange> between(BalanceSpec baseline, BalanceSpec current) {
        List<ApiChange> changes = new ArrayList<>();
        changes.addAll(StructuralChanges.between(baseline.text(), current.text()));
        changes.addAll(PermissionChanges.between(baseline, current));
        changes.addAll(ExampleChanges.between(baseline, current));
        // A component used by two operations is reported at both, but never twice at one place.
        return changes.stream().distinct().sorted(ApiChange.ORDER).toList();
    }
}
