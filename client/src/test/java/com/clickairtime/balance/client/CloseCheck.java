package com.clickairtime.balance.client;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/** Run on a JDK 21+ by {@link KeyRotationAndCloseTest}: closes clients and prints whether their HttpClient ended. */
final class CloseCheck {

    private CloseCheck() {
    }

    public static void main(String[] args) throws Exception {
        BalanceClient sdkOwned = BalanceClient.builder().apiKey(KeyRotationAndCloseTest.FIRST).build();
        HttpClient callers = HttpClient.newHttpClient();
        BalanceClient withCallers = BalanceClient.builder().apiKey(KeyRotationAndCloseTest.FIRST).httpClient(callers).build();
        sdkOwned.close();
        withCallers.close();
        System.out.println("sdk client terminated: " + terminated(sdkOwned.core.http));
        System.out.println("caller's client terminated: " + terminated(callers));
    }

    // HttpClient.awaitTermination exists from JDK 21 on; this class is compiled for 17.
    private static boolean terminated(HttpClient http) throws Exception {
        return (Boolean) HttpClient.class.getMethod("awaitTermination", Duration.class).invoke(http, Duration.ofSeconds(5));
    }

    /** A JDK 21 or later: this one, or one installed next to it (as /usr/lib/jvm holds them). */
    static Path jdk21OrLater() throws Exception {
        if (Runtime.version().feature() >= 21) {
            return Path.of(System.getProperty("java.home"), "bin", "java");
        }
        Path home = Path.of(System.getProperty("java.home")).toRealPath();
        try (Stream<Path> siblings = Files.list(home.getParent())) {
            return siblings.filter(jdk -> Files.isRegularFile(jdk.resolve("release")) && Files.isExecutable(jdk.resolve("bin/java")))
                    .filter(jdk -> feature(jdk) >= 21).map(jdk -> jdk.resolve("bin/java")).findFirst().orElse(null);
        }
    }

    private static int feature(Path jdk) {
        try {
            return Files.readAllLines(jdk.resolve("release")).stream().filter(line -> line.startsWith("JAVA_VERSION="))
                    .map(line -> line.replaceAll("[^0-9.]", "").split("\\.")[0]).mapToInt(Integer::parseInt).findFirst().orElse(0);
        } catch (Exception e) {
            return 0;
        }
    }
}
