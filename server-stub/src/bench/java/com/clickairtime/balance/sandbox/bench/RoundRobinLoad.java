package com.clickairtime.balance.sandbox.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bench client's own load balancer: a fixed number of workers, each sending one request at a
 * time, to the given replicas in turn. wrk speaks to one address only; this is how two replicas
 * behind a round-robin look to a caller. Every run is bounded by its duration.
 */
final class RoundRobinLoad {

    /** What one run measured. */
    record Result(double requestsPerSecond, long requests, double p50Millis, double p99Millis, long non2xx, long failures) {
    }

    private final String authorization;
    private final int workers;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    RoundRobinLoad(String authorization, int workers) {
        this.authorization = authorization;
        this.workers = workers;
    }

    Result run(List<String> urls, int seconds) throws InterruptedException {
        List<HttpRequest> requests = urls.stream().map(url -> HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", authorization).timeout(Duration.ofSeconds(10)).GET().build()).toList();
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicLong non2xx = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        for (int w = 0; w < workers; w++) {
            int first = w;
            long[][] mine = {new long[1 << 14]};
            int[] count = {0};
            Thread thread = new Thread(() -> {
                int next = first;
                while (System.nanoTime() < deadline) {
                    HttpRequest request = requests.get(next++ % requests.size());
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() / 100 != 2) {
                            non2xx.incrementAndGet();
                        }
                    } catch (IOException failed) {
                        failures.incrementAndGet();
                    } catch (InterruptedException stopped) {
                        return;
                    }
                    if (count[0] == mine[0].length) {
                        mine[0] = Arrays.copyOf(mine[0], count[0] * 2);
                    }
                    mine[0][count[0]++] = System.nanoTime() - sent;
                }
                synchronized (latencies) {
                    latencies.add(Arrays.copyOf(mine[0], count[0]));
                }
            }, "round-robin-" + w);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(seconds + 30).toMillis());
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(all.length / elapsed, all.length, percentile(all, 0.50), percentile(all, 0.99), non2xx.get(),
                failures.get());
    }

    private static double percentile(long[] sorted, double which) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(which * sorted.length) - 1)] / 1e6;
    }
}
