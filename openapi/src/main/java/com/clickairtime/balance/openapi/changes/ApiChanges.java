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
        changes.addAll(StructuralChanges.between(baseline, current));
        changes.addAll(SchemaChanges.between(baseline, current));
        changes.addAll(SecurityChanges.between(baseline, current));
        changes.addAll(PermissionChanges.between(baseline, current));
        changes.addAll(ErrorChanges.between(baseline, current));
        changes.addAll(DocumentChanges.between(baseline, current));
        changes.addAll(ExampleChanges.between(baseline, current));
        String difference = DocumentChanges.firstDifference(baseline.raw(), current.raw(), "");
        if (changes.isEmpty() && !difference.isEmpty()) {
            // The last line of defence: no rule saw it, so it is reported as what it is, a change.
            changes.add(ApiChange.both(Level.POTENTIALLY_BREAKING, "document-changed", difference,
                    "the document changed at " + difference + ", which no rule of the gate judges"));
        }
        // A component used by two operations is reported at both, but never twice at one place.
        return changes.stream().distinct().sorted(ApiChange.ORDER).toList();
    }
}
