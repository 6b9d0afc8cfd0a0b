package com.clickairtime.balance.sandbox.error;

import com.clickairtime.balance.sandbox.SandboxTestSupport;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17: the spec declares every status each operation can answer. The statuses are those of
 * the codes the sandbox's own behaviour answers with (each part requires its codes of the
 * catalog at start, their statuses read from the spec), so a code the sandbox gains must be
 * declared by every operation it can reach.
 */
@SpringBootTest
class DeclaredStatusesTest {

    @Autowired
    ErrorCatalog catalog;

    @Test
    void everyOperationDeclaresEveryStatusTheSandboxCanAnswerIt() {
        assertThat(catalog.required()).isNotEmpty();
        Set<String> answerable = catalog.required().stream().map(code -> Integer.toString(catalog.status(code)))
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
