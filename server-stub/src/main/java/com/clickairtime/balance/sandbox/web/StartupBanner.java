package com.clickairtime.balance.sandbox.web;

import com.clickairtime.balance.sandbox.access.ApiKeys;
import com.clickairtime.balance.sandbox.logging.ApiKeyMask;
import com.clickairtime.balance.sandbox.dataset.Dataset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Comparator;

/** Prints where the sandbox listens and which demo keys it knows, once it is up. */
@Component
public class StartupBanner implements ApplicationListener<WebServerInitializedEvent> {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    private final ApiKeys keys;

    public StartupBanner(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        String text = "\n\nWallet Balance sandbox: http://localhost:" + event.getWebServer().getPort()
                + "/v2/balance\n\n" + demoKeys(keys.all());
        // The demo keys are public by design; the marker lets them past the log's key mask.
        log.info(ApiKeyMask.DEMO_KEYS, "{}", text);
    }

    /** The demo keys and what each produces, as the banner prints them (and the README shows them). */
    public static String demoKeys(Collection<Dataset.ApiKeyEntry> keys) {
        StringBuilder text = new StringBuilder("Demo API keys (sandbox only):\n");
        keys.stream().sorted(Comparator.comparing(Dataset.ApiKeyEntry::key)).forEach(key ->
                text.append("  ").append(key.key()).append("  ").append(key.note() == null ? "" : key.note()).append('\n'));
        return text.toString();
    }
}
