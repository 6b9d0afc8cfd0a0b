package com.clickairtime.balance.client;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A thousand async calls in flight on the SDK's defaults start at most 20 platform threads, in each way the SDK runs
 * them (see {@link SdkThreads}): on this JVM as it is, on this JVM with a common pool of parallelism 4 (as on a
 * machine with more cores), and on a JDK 21+ with virtual threads when one is installed next to it. Thread counts,
 * not timings: each run is a fresh JVM ({@link AsyncLoad}) against a loopback server that holds every answer 50 ms,
 * so that the calls overlap; each is bounded in time.
 */
class AsyncThreadsTest {

    static final int CALLS = 1000;
    static final int MAX_NEW_THREADS = 20;
    static final long LIMIT_SECONDS = 120;

    @Test
    void aThousandCallsInFlightOnThisJvm() throws Exception {
        Properties run = load(javaHere(), List.of());
        assertThat(run.getProperty("mode")).isEqualTo(SdkThreads.mode().toString());
        assertFewThreads(run);
    }

    @Test
    void aThousandCallsInFlightWhereTheCommonPoolIsBounded() throws Exception {
        Assumptions.assumeTrue(Runtime.version().feature() < 21, "virtual threads come first from JDK 21 on");
        Properties run = load(javaHere(), List.of("-Djava.util.concurrent.ForkJoinPool.common.parallelism=4"));
        assertThat(run.getProperty("mode")).isEqualTo(SdkThreads.Mode.JDK_ASYNC.toString());
        assertFewThreads(run);
    }

    @Test
    void aThousandCallsInFlightOnVirtualThreads() throws Exception {
        Path java = CloseCheck.jdk21OrLater();
        Assumptions.assumeTrue(java != null, "no JDK 21+ next to " + System.getProperty("java.home"));
        Properties run = load(java, List.of());
        assertThat(run.getProperty("mode")).isEqualTo(SdkThreads.Mode.VIRTUAL_THREADS.toString());
        assertFewThreads(run);
    }

    @Test
    void theModeFollowsWhatTheJvmHas() {
        assertThat(SdkThreads.mode(true, 1)).isEqualTo(SdkThreads.Mode.VIRTUAL_THREADS);
        assertThat(SdkThreads.mode(true, 7)).isEqualTo(SdkThreads.Mode.VIRTUAL_THREADS);
        assertThat(SdkThreads.mode(false, 7)).isEqualTo(SdkThreads.Mode.JDK_ASYNC);
        assertThat(SdkThreads.mode(false, 2)).isEqualTo(SdkThreads.Mode.JDK_ASYNC);
        assertThat(SdkThreads.mode(false, 1)).isEqualTo(SdkThreads.Mode.BOUNDED_BLOCKING);
    }

    private static void assertFewThreads(Properties run) {
        assertThat(run.getProperty("calls")).isEqualTo(String.valueOf(CALLS));
        assertThat(run.getProperty("failed")).as("calls that failed").isEqualTo("0");
        assertThat(Long.parseLong(run.getProperty("threads.started"))).as("platform threads started: %s", run)
                .isLessThanOrEqualTo(MAX_NEW_THREADS);
    }

    private static Path javaHere() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    private static Properties load(Path java, List<String> options) throws IOException, InterruptedException {
        return AsyncLoad.fork(java, options, CALLS, 50, 0, 0, LIMIT_SECONDS, 0);
    }
}
