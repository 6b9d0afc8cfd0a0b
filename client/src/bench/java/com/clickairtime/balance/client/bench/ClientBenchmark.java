package com.clickairtime.balance.client.bench;

import com.clickairtime.balance.client.BalanceClient;
import com.clickairtime.balance.client.RetryPolicy;
import com.clickairtime.balance.client.generated.model.BalanceSummaryResponse;
import com.clickairtime.balance.client.generated.model.WalletResponse;
import com.clickairtime.balance.openapi.BalanceSpec;
import com.clickairtime.balance.openapi.ExampleCase;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@link BalanceClient} against the few lines of {@code java.net.http} and Jackson a user would write
 * instead: same server, same bytes (the spec's examples), same key, same model types.
 *
 * <p>Each benchmark alternates the two sides call by call and times every call, so both see the
 * machine in the same state; a busy shared machine moves more between two separate runs than the
 * difference being measured. Every measurement iteration is one round: it records the median call of
 * each side in {@link #ROUNDS}, which {@link SdkBench} reads (the runs are not forked for that reason).
 * Medians, because on a shared machine the mean follows whoever else is busy, the median the code.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class ClientBenchmark {

    static final String KEY = "ce_live_BenchmarkKeyNotARealOne000000001";
    static final String WALLET_ID = "wal_ghs_001";

    /**
     * Whether the SDK side has a {@link com.clickairtime.balance.client.CallListener}: one that does what a metrics
     * binding does per attempt (read the tags and the duration, count), so its cost is the SDK's, not a logger's.
     */
    @Param({"none", "listener"})
    public String listener;

    /** What the listener adds up, read once so that the JIT cannot drop its work. */
    static final LongAdder HEARD = new LongAdder();

    /** Per benchmark and listener setting, one {sdk p50 us, hand-written p50 us} per measurement iteration. */
    static final Map<String, List<double[]>> ROUNDS = new ConcurrentHashMap<>();

    private CapturedServer server;
    private BalanceClient sdk;
    private HttpClient http;
    private ObjectMapper mapper;
    private String baseUrl;

    private final long[] sdkNanos = new long[1 << 16];
    private final long[] handNanos = new long[1 << 16];
    private int sdkCalls;
    private int handCalls;
    private boolean sdkNext;

    @Setup(Level.Trial)
    public void start() throws IOException {
        List<ExampleCase> cases = BalanceSpec.load().cases();
        server = new CapturedServer(Map.of(
                "/v2/balance", json(cases, "getBalance_acme_balance"),
                "/v2/balance/" + WALLET_ID, json(cases, "getWalletBalance_ghs_wallet")));
        baseUrl = server.baseUrl();
        mapper = JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    /**
     * New clients every round. Each client has its own selector thread and connection, served by its own
     * server thread, and where the scheduler puts those threads on two cores moved a client's calls by up to
     * 9 % (two identical hand-written clients measured 0.91); new threads each round spread that over both sides.
     */
    @Setup(Level.Iteration)
    public void newRound() {
        sdkCalls = 0;
        handCalls = 0;
        BalanceClient.Builder builder = BalanceClient.builder().apiKey(KEY).baseUrl(baseUrl).retryPolicy(RetryPolicy.none());
        if ("listener".equals(listener)) {
            builder.listener(attempt -> HEARD.add(attempt.duration().toNanos() + attempt.status().orElse(0)
                    + attempt.pathTemplate().length() + attempt.operationId().length() + attempt.number()));
        }
        sdk = builder.build();
        http = HttpClient.newHttpClient();
    }

    @TearDown(Level.Iteration)
    public void recordRound(BenchmarkParams benchmark, IterationParams iteration) {
        if (iteration.getType() == IterationType.MEASUREMENT) {
            String name = benchmark.getBenchmark().substring(benchmark.getBenchmark().lastIndexOf('.') + 1)
                    + "[" + benchmark.getParam("listener") + "]";
            ROUNDS.computeIfAbsent(name, k -> new ArrayList<>())
                    .add(new double[] {medianMicros(sdkNanos, sdkCalls), medianMicros(handNanos, handCalls)});
        }
    }

    private static double medianMicros(long[] samples, int calls) {
        long[] taken = Arrays.copyOf(samples, Math.min(calls, samples.length));
        Arrays.sort(taken);
        return taken.length == 0 ? Double.NaN : taken[taken.length / 2] / 1_000.0;
    }

    private static String json(List<ExampleCase> cases, String name) throws IOException {
        ExampleCase example = cases.stream().filter(c -> c.contractName().equals(name)).findFirst().orElseThrow();
        return BalanceSpec.EXACT_JSON.writeValueAsString(example.body());
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        server.close();
    }

    @Benchmark
    public Object getBalance() throws IOException, InterruptedException {
        return alternate(sdk::getBalance, () -> handWritten("/v2/balance", BalanceSummaryResponse.class).getData());
    }

    @Benchmark
    public Object getWallet() throws IOException, InterruptedException {
        return alternate(() -> sdk.getWalletBalance(WALLET_ID),
                () -> handWritten("/v2/balance/" + WALLET_ID, WalletResponse.class).getData());
    }

    private interface Call {
        Object run() throws IOException, InterruptedException;
    }

    private Object alternate(Call viaSdk, Call handWritten) throws IOException, InterruptedException {
        sdkNext = !sdkNext;
        long started = System.nanoTime();
        Object result = (sdkNext ? viaSdk : handWritten).run();
        long took = System.nanoTime() - started;
        if (sdkNext) {
            sdkNanos[sdkCalls++ & (sdkNanos.length - 1)] = took;
        } else {
            handNanos[handCalls++ & (handNanos.length - 1)] = took;
        }
        return result;
    }

    /** What a user writes without the SDK: one request, a status check, one parse. */
    private <T> T handWritten(String path, Class<T> type) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + KEY)
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode());
        }
        return mapper.readValue(response.body(), type);
    }
}
