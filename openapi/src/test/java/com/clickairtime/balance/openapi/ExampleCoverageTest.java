package com.clickairtime.balance.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Every operation documents the platform's statuses, and every status has at least one example. */
class ExampleCoverageTest {

    @Test
    void theFixturesOperationsDocumentThePlatformsStatuses() {
        assertThat(statusesByOperation(SpecFixture.FROZEN)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "getBalance", List.of("200", "401", "403", "429", "500"),
                "getWalletBalance", List.of("200", "401", "403", "404", "429", "500")));
        assertThat(missingPlatformStatuses(SpecFixture.FROZEN)).isEmpty();
    }

    /**
     * The rules of the platform, as the description states them: every request may meet the
     * rate limit and a fault (429, 500), every authenticated one authentication and permissions
     * (401, 403), and a lookup by a path parameter 404.
     */
    @Test
    void everyLiveOperationDocumentsThePlatformsStatuses() {
        assertThat(missingPlatformStatuses(SpecFixture.SPEC)).isEmpty();
    }

    @Test
    void aMissingPlatformStatusIsCaught() {
        BalanceSpec broken = SpecFixture.edited(raw -> SpecFixture.object(raw, "/paths/~1v2~1balance~1{wallet_id}/get/responses")
                .remove("404"));
        assertThat(missingPlatformStatuses(broken)).containsExactly("getWalletBalance 404");
    }

    @Test
    void everyLiveOperationAndStatusHasAnExample() {
        assertThat(statusesWithoutExample(SpecFixture.SPEC)).isEmpty();
    }

    private static List<String> missingPlatformStatuses(BalanceSpec spec) {
        List<String> missing = new ArrayList<>();
        Map<String, List<String>> statuses = statusesByOperation(spec);
        boolean secured = !spec.raw().path("security").isEmpty();
        for (JsonNode path : spec.raw().path("paths")) {
            for (JsonNode operation : path) {
                if (!operation.has("responses")) {
                    continue;
                }
                String id = operation.path("operationId").asText();
                List<String> expected = new ArrayList<>();
                if (statuses.get(id).stream().noneMatch(status -> status.startsWith("2"))) {
                    expected.add("2xx");
                }
                if (operation.has("security") ? !operation.path("security").isEmpty() : secured) {
                    expected.addAll(List.of("401", "403"));
                }
                boolean byPathParameter = false;
                for (JsonNode parameter : operation.path("parameters")) {
                    byPathParameter |= "path".equals(spec.deref(parameter).path("in").asText());
                }
                if (byPathParameter) {
                    expected.add("404");
                }
                expected.addAll(List.of("429", "500"));
                expected.stream().filter(status -> !statuses.get(id).contains(status))
                        .forEach(status -> missing.add(id + " " + status));
            }
        }
        return missing;
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
