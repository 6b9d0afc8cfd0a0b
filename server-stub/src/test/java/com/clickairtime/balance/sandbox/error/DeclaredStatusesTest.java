package com.clickairtime.balance.sandbox.error;

import com.clickairtime.balance.sandbox.SandboxTestSupport;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17: the spec declares every status each operation can answer. The statuses are the
 * sandbox's own error codes' (their statuses read from the spec by ErrorCatalog), so a code the
 * sandbox gains must be declared by every operation it can reach.
 */
class DeclaredStatusesTest {

    @Test
    void everyOperationDeclaresEveryStatusTheSandboxCanAnswerIt() {
        ErrorCatalog catalog = new ErrorCatalog(SandboxTestSupport.SPEC);
        Set<String> answerable = Stream.of(ErrorCode.values()).map(code -> Integer.toString(catalog.status(code)))
                .collect(Collectors.toCollection(TreeSet::new));
        for (Map.Entry<String, PathItem> path : SandboxTestSupport.SPEC.openApi().getPaths().entrySet()) {
            for (Operation operation : path.getValue().readOperations()) {
                Set<String> expected = new TreeSet<>(answerable);
                // A 404 is an unknown path or wallet: only an operation with a path parameter can answer one.
                if (!path.getKey().contains("{")) {
                    expected.remove("404");
                }
                assertThat(operation.getResponses().keySet()).as(operation.getOperationId()).containsAll(expected);
            }
        }
    }
}
