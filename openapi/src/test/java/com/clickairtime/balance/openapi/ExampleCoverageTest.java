package com.clickairtime.balance.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Every status of every operation is documented with at least one example. */
class ExampleCoverageTest {

    @Test
    void everyOperationDocumentsThePlatformsStatuses() {
        assertThat(statusesByOperation(SpecFixture.SPEC)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "getBalance", List.of("200", "401", "403", "429", "500"),
                "getWalletBalance", List.of("200", "401", "403", "404", "429", "500")));
    }

    @Test
    void everyOperationAndStatusHasAnExample() {
        assertThat(statusesWithoutExample(SpecFixture.SPEC)).isEmpty();
    }

    @Test
    void aStatusWithoutExampleIsCaught() {
        BalanceSpec broken = SpecFixture.edited(raw -> SpecFixture.object(raw,
                "/components/responses/TooManyRequests/content/application~1json").remove("example"));
        assertThat(statusesWithoutExample(broken)).containsExactly("getBalance 429", "getWalletBalance 429");
    }

    private static Map<String, List<String>> statusesByOperation(BalanceSpec spec) {
        Map<String, List<String>> statuses = new LinkedHashMap<>();
        forEachResponse(spec, (operationId, status, response) ->
                statuses.computeIfAbsent(operationId, id -> new ArrayList<>()).add(status));
        return statuses;
    }

    private static List<String> statusesWithoutExample(BalanceSpec spec) {
        List<String> missing = new ArrayList<>();
        forEachResponse(spec, (operationId, status, response) -> {
            boolean documented = false;
            for (JsonNode content : response.path("content")) {
                documented |= content.has("example") || !content.path("examples").isEmpty();
            }
            if (!documented) {
                missing.add(operationId + " " + status);
            }
        });
        return missing;
    }

    private interface ResponseVisitor {
        void visit(String operationId, String status, JsonNode response);
    }

    private static void forEachResponse(BalanceSpec spec, ResponseVisitor visitor) {
        for (JsonNode path : spec.raw().path("paths")) {
            for (JsonNode operation : path) {
                if (!operation.has("responses")) {
                    continue;
                }
                for (String status : new TreeSet<>(iterableNames(operation.get("responses")))) {
                    visitor.visit(operation.path("operationId").asText(), status,
                            spec.deref(operation.get("responses").get(status)));
                }
            }
        }
    }

    private static List<String> iterableNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
