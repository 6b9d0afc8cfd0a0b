package com.clickairtime.balance.openapi.contract;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.clickairtime.balance.openapi.ExampleCase;
import com.clickairtime.balance.openapi.SpecFixture;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.http.ImmutableRequest;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.contract.spec.Contract;
import org.springframework.cloud.contract.verifier.dsl.wiremock.WireMockStubStrategy;
import org.springframework.cloud.contract.verifier.file.ContractMetadata;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The converter's contracts, turned into WireMock stubs the way the contract plugin turns them,
 * and matched against each case's own request in memory: every case is answered by its own stub
 * and no other, so none is unreachable. Run on the frozen fixtures and on the live spec.
 */
class ContractStubsTest {

    /** One case and its stub. */
    private record Stub(ExampleCase example, StubMapping mapping) {
    }

    static Stream<BalanceSpec> specs() {
        return Stream.of(SpecFixture.FROZEN, SpecFixture.PARAMETERS, SpecFixture.SPEC);
    }

    private static List<Stub> stubs(BalanceSpec spec) {
        List<ExampleCase> cases = spec.cases();
        List<Contract> contracts = NamedExampleContractConverter.contracts(spec);
        List<Stub> stubs = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            ContractMetadata metadata = new ContractMetadata(Path.of("balance.yaml"), false, 0, null, contracts.get(i));
            stubs.add(new Stub(cases.get(i), new WireMockStubStrategy("balance", metadata, contracts.get(i)).toWireMockClientStub()));
        }
        return stubs;
    }

    /** The request a client sends for the case, as the replay and the producer test send it. */
    private static Request request(ExampleCase example) {
        ImmutableRequest.Builder request = ImmutableRequest.create()
                .withMethod(RequestMethod.fromString(example.method()))
                .withAbsoluteUrl("http://localhost:8080" + example.requestTarget());
        example.headerParameters().forEach(request::withHeader);
        if (example.credentials().authorization() != null) {
            request.withHeader("Authorization", example.credentials().authorization());
        }
        // As WireMock logs a request it received: absent headers and query parameters are "absent", not null.
        return LoggedRequest.createFrom(request.build());
    }

    @ParameterizedTest
    @MethodSource("specs")
    void everyCaseIsAnsweredByItsOwnStubAlone(BalanceSpec spec) {
        List<Stub> stubs = stubs(spec);
        for (Stub own : stubs) {
            Request request = request(own.example());
            List<Stub> matching = stubs.stream().filter(s -> s.mapping().getRequest().match(request).isExactMatch()).toList();
            assertThat(matching).as("stubs matching the request of %s", own.example().contractName())
                    .extracting(s -> s.example().contractName()).contains(own.example().contractName());
            int best = matching.stream().mapToInt(s -> s.mapping().getPriority()).min().orElseThrow();
            assertThat(matching).as("the stubs that answer %s's request first", own.example().contractName())
                    .filteredOn(s -> s.mapping().getPriority() == best)
                    .extracting(s -> s.example().contractName()).containsExactly(own.example().contractName());
        }
    }

    @ParameterizedTest
    @MethodSource("specs")
    void noTwoStubsShareAMatcherAndAPriority(BalanceSpec spec) {
        Map<String, String> seen = new HashMap<>();
        for (Stub stub : stubs(spec)) {
            String key = stub.mapping().getPriority() + " " + Json.write(stub.mapping().getRequest());
            assertThat(seen.put(key, stub.example().contractName())).as(stub.example().contractName()).isNull();
        }
    }

    @Test
    void queryAndHeaderParametersAreMatched() {
        Map<String, StubMapping> byName = new HashMap<>();
        stubs(SpecFixture.PARAMETERS).forEach(stub -> byName.put(stub.example().contractName(), stub.mapping()));
        String ghsOnly = Json.write(byName.get("getBalance_ghs_only").getRequest());
        assertThat(ghsOnly).contains("\"urlPath\" : \"/v2/balance\"").contains("\"currency\"").contains("\"equalTo\" : \"GHS\"");
        String tagged = Json.write(byName.get("getBalance_tagged").getRequest());
        assertThat(tagged).contains("\"X-Request-Tag\"").contains("\"equalTo\" : \"audit\"");
        // The case with the most parameters is tried first among the same credentials.
        assertThat(byName.get("getBalance_ghs_tagged").getPriority())
                .isLessThan(byName.get("getBalance_ghs_only").getPriority())
                .isLessThan(byName.get("getBalance_acme_balance").getPriority());
        assertThat(byName.get("getBalance_tagged").getPriority()).isLessThan(byName.get("getBalance_acme_balance").getPriority());
    }

    @Test
    void twoExamplesWithTheSameRequestAreRefusedByName() {
        BalanceSpec ambiguous = SpecFixture.edited(raw -> {
            SpecFixture.object(raw, "/components/parameters/WalletId/examples")
                    .set("ghs_again", JsonNodeFactory.instance.objectNode().put("value", "wal_ghs_001"));
            SpecFixture.object(raw, "/paths/~1v2~1balance~1{wallet_id}/get/responses/200/content/application~1json/examples")
                    .set("ghs_again", JsonNodeFactory.instance.objectNode().put("$ref", "#/components/examples/GhsWallet"));
        });
        assertThatThrownBy(() -> NamedExampleContractConverter.contracts(ambiguous))
                .hasMessageContaining("match the same requests at the same priority")
                .hasMessageContaining("getWalletBalance_ghs_wallet and getWalletBalance_ghs_again");
    }
}
