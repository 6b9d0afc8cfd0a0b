package com.clickairtime.balance.sandbox.web;

import com.clickairtime.balance.sandbox.access.ApiKeys;
import com.clickairtime.balance.sandbox.logging.ApiKeyMask;
import com.clickairtime.balance.sandbox.routing.ApiRoutes;
import com.clickairtime.balance.sandbox.dataset.Dataset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Prints where the sandbox listens and which demo keys it knows, once it is up. */
@Component
public class StartupBanner implements ApplicationListener<WebServerInitializedEvent> {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    private final ApiKeys keys;
    private final ApiRoutes routes;

    public StartupBanner(ApiKeys keys, ApiRoutes routes) {
        this.keys = keys;
        this.routes = routes;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        String text = "\n\nWallet Balance sandbox: http://localhost:" + event.getWebServer().getPort()
                + routes.operations().get(0).path() + "\n\n" + operations(routes.operations()) + "\n" + demoKeys(keys.all());
        // The demo keys are public by design; the marker lets them past the log's key mask.
        log.info(ApiKeyMask.DEMO_KEYS, "{}", text);
    }

    /**
     * Each mapped operation and what answers it: the sandbox's handler, or, for an operation
     * the spec has and the sandbox has no code for yet, the spec's named examples.
     */
    public static String operations(List<ApiRoutes.Operation> operations) {
        int width = operations.stream().mapToInt(o -> String.join(",", o.methods()).length() + 1 + o.path().length()).max().orElse(0);
        int idWidth = operations.stream().mapToInt(o -> o.operationId().length()).max().orElse(0);
        StringBuilder text = new StringBuilder("Operations:\n");
        for (ApiRoutes.Operation operation : operations) {
            String route = String.join(",", operation.methods()) + " " + operation.path();
            text.append("  ").append(route).append(" ".repeat(width - route.length() + 2))
                    .append(operation.operationId()).append(" ".repeat(idWidth - operation.operationId().length() + 2))
                    .append(operation.servedFromExamples() ? "served from the spec's examples (no handler yet)" : "handler")
                    .append('\n');
        }
        return text.toString();
    }

    /** The demo keys and what each produces, as the banner prints them (and docs/sandbox.md shows them). */
    public static String demoKeys(Collection<Dataset.ApiKeyEntry> keys) {
        StringBuilder text = new StringBuilder("Demo API keys (sandbox only):\n");
        keys.stream().sorted(Comparator.comparing(Dataset.ApiKeyEntry::key)).forEach(key ->
                text.append("  ").append(key.key()).append("  ").append(key.note() == null ? "" : key.note()).append('\n'));
        return text.toString();
    }
}
