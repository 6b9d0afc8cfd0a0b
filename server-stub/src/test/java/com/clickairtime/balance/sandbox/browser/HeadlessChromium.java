package com.clickairtime.balance.sandbox.browser;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Debian's headless Chromium under Selenium, for the tests that need a real browser, with a
 * profile of its own that is deleted on close. Where Chromium or its driver is missing, CI
 * (CI=true) fails, since the browser tests are part of its proof; elsewhere {@link #start}
 * returns null and the test skips itself with a message.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("chromium.driver", "/usr/bin/chromedriver"));

    /** The message of a skipped browser test. */
    public static final String SKIPPED = "no Chromium here: the browser test is skipped (it never is in CI)";

    private final WebDriver driver;
    private final Path profile;

    private HeadlessChromium(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /**
     * @param test      the test class, named in the skip message
     * @param arguments Chromium arguments beyond the ones every test needs (a window size, say)
     * @return the browser, or null where it is not installed outside CI
     */
    public static HeadlessChromium start(Class<?> test, String... arguments) throws IOException {
        if (!(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))) {
            String missing = "Chromium or its driver is missing (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): apt-get install -y chromium chromium-driver";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI runs the browser tests and never skips them. " + missing);
            }
            System.err.println("[" + test.getSimpleName() + "] SKIPPED: " + missing);
            return null;
        }
        Path profile = Files.createTempDirectory(test.getSimpleName() + "-profile");
        // Nothing but the pages under test: no first-run pages, updates, sync or background traffic.
        List<String> all = new ArrayList<>(List.of("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile));
        all.addAll(List.of(arguments));
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments(all);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new HeadlessChromium(new ChromeDriver(service, options), profile);
    }

    public WebDriver driver() {
        return driver;
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
