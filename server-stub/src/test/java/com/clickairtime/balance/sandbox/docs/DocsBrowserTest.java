package com.clickairtime.balance.sandbox.docs;

import com.clickairtime.balance.openapi.ExampleCase;
import com.clickairtime.balance.sandbox.SandboxTestSupport;
import com.clickairtime.balance.sandbox.access.ApiKeys;
import com.clickairtime.balance.sandbox.browser.HeadlessChromium;
import com.clickairtime.balance.sandbox.dataset.Dataset;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.HasDevTools;
import org.openqa.selenium.devtools.v156.network.Network;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real browser on {@code /docs}: Debian's headless Chromium, driven by Selenium. It reads
 * the page as a user does, authorizes with the default demo key and runs "Try it out" on both
 * operations against the sandbox that serves the page. In CI (CI=true) a missing browser fails
 * the test; elsewhere the test is skipped with a message.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DocsBrowserTest {

    static final Path SCREENSHOTS = Path.of("target", "docs-browser");

    private static HeadlessChromium chromium;
    private static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    ApiKeys keys;

    @BeforeAll
    static void startChromium() throws IOException {
        chromium = HeadlessChromium.start(DocsBrowserTest.class, "--disable-quic", "--window-size=1400,2600");
        browser = chromium == null ? null : chromium.driver();
    }

    @AfterAll
    static void stopChromium() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aUserReadsTheApiAndTriesItAgainstTheSandbox() throws IOException {
        assumeTrue(browser != null, HeadlessChromium.SKIPPED);
        String origin = "http://127.0.0.1:" + port;
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        List<String> requested = new CopyOnWriteArrayList<>();
        DevTools devTools = ((HasDevTools) browser).getDevTools();
        devTools.createSession();
        devTools.send(Network.enable(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        devTools.addListener(Network.requestWillBeSent(), sent -> requested.add(sent.getRequest().getUrl()));
        browser.get(origin + "/docs");

        WebElement getBalance = wait.until(ExpectedConditions.visibilityOfElementLocated(operation("getBalance")));
        WebElement getWalletBalance = browser.findElement(operation("getWalletBalance"));
        assertThat(getBalance.getText()).contains("/v2/balance");
        assertThat(getWalletBalance.getText()).contains("/v2/balance/{wallet_id}");

        // This sandbox, whatever its port, is the server "Try it out" calls.
        assertThat(new Select(usable(wait, browser, ".servers select")).getFirstSelectedOption()
                .getAttribute("value")).isEqualTo(origin);
        String demoKeys = browser.findElement(By.id("demo-keys")).getText();
        for (Dataset.ApiKeyEntry key : keys.all()) {
            assertThat(demoKeys).contains(key.key()).contains(key.note());
        }

        screenshot("1-top.png", null);
        authorize(wait, SandboxTestSupport.SPEC.defaultSandboxKey().orElseThrow());

        JsonNode balance = SandboxTestSupport.documented("getBalance_acme_balance");
        WebElement balanceResponse = execute(wait, getBalance, null, null);
        assertThat(status(balanceResponse)).isEqualTo("200");
        // As the API wrote it: 1250.50, not the 1250.5 that a JSON.parse would show.
        assertThat(balanceResponse.getText()).contains(balance.at("/data/available_balance/amount").decimalValue().toPlainString());
        screenshot("2-getBalance.png", balanceResponse);

        ExampleCase otherAccount = SandboxTestSupport.SPEC.cases().stream()
                .filter(c -> c.contractName().equals("getWalletBalance_other_account_wallet")).findFirst().orElseThrow();
        WebElement walletResponse = execute(wait, browser.findElement(operation("getWalletBalance")),
                "wallet_id", otherAccount.pathParameters().get("wallet_id"));
        assertThat(status(walletResponse)).isEqualTo(Integer.toString(otherAccount.status()));
        assertThat(walletResponse.getText()).contains(otherAccount.body().at("/error/code").asText());

        screenshot("3-getWalletBalance.png", walletResponse);

        // Everything came from the sandbox itself: no CDN, nothing that needs the internet.
        // (data: URLs are inline images of Swagger UI's stylesheet, not requests to anywhere.)
        // Every request that goes over the network (http, https, ws...) goes to the sandbox; data: and the
        // browser's own chrome:// pages (a new tab still loading when the session attaches) never leave it.
        assertThat(requested).isNotEmpty().filteredOn(url -> !url.startsWith("data:") && !url.startsWith("chrome:"))
                .allSatisfy(url -> assertThat(url).startsWith(origin + "/"));
        assertThat(requested).contains(origin + "/openapi.yaml");
    }

    private static void screenshot(String name, WebElement showing) throws IOException {
        ((ChromeDriver) browser).executeScript(showing == null ? "window.scrollTo(0, 0)"
                : "arguments[0].scrollIntoView({block: 'center'})", showing);
        Path shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(SCREENSHOTS);
        Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        System.out.println("[DocsBrowserTest] screenshot: " + SCREENSHOTS.resolve(name).toAbsolutePath());
    }

    /** Swagger UI's id of an operation's block: {@code operations-<tag>-<operationId>}. */
    private static By operation(String operationId) {
        String tag = SandboxTestSupport.SPEC.openApi().getPaths().values().stream()
                .flatMap(path -> path.readOperations().stream())
                .filter(o -> operationId.equals(o.getOperationId())).findFirst().orElseThrow()
                .getTags().get(0);
        return By.id("operations-" + tag.replace(' ', '_') + "-" + operationId);
    }

    private static void authorize(WebDriverWait wait, String key) {
        usable(wait, browser, ".auth-wrapper button.authorize").click();
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-ux-content input")));
        input.sendKeys(key);
        usable(wait, browser, ".modal-ux-content button.authorize").click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-ux-content button.btn-done"))).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-ux")));
    }

    /** Opens the operation, Try it out, fills the parameter if any, Execute; returns the live response. */
    private static WebElement execute(WebDriverWait wait, WebElement block, String parameter, String value) {
        block.findElement(By.cssSelector(".opblock-summary-control")).click();
        usable(wait, block, ".try-out__btn").click();
        // Swagger UI fills each parameter with its first example; the test sends only what it names.
        for (WebElement input : block.findElements(By.cssSelector("table.parameters input"))) {
            // Keystrokes, not clear(): Swagger UI's React inputs only hear typed changes.
            input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        }
        if (parameter != null) {
            WebElement input = usable(wait, block, "input[placeholder='" + parameter + "']");
            input.clear();
            input.sendKeys(value);
        }
        usable(wait, block, "button.execute").click();
        return wait.until(ExpectedConditions.visibilityOfNestedElementsLocatedBy(block,
                By.cssSelector(".live-responses-table .response"))).get(0);
    }

    /** Waits until the element is rendered (Swagger UI renders as things open) and usable. */
    private static WebElement usable(WebDriverWait wait, SearchContext within, String css) {
        return wait.until(driver -> {
            WebElement element = within.findElement(By.cssSelector(css));
            return element.isDisplayed() && element.isEnabled() ? element : null;
        });
    }

    private static String status(WebElement response) {
        return response.findElement(By.cssSelector(".response-col_status")).getText().strip();
    }
}
