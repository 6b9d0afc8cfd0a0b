package com.clickairtime.balance.sandbox.config;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The settings that decide who can reach the sandbox, checked together as soon as they are
 * known, so that a deployment that would be open to the wrong callers, or to none, does not start.
 *
 * <p>{@code sandbox.hosted.enabled=true} says the sandbox is a shared service behind a reverse
 * proxy (which holds TLS; {@code sandbox.trusted-proxies} names it). Such a deployment must name
 * what it serves: {@code sandbox.allowed-hosts}, with at least one name that is not a loopback
 * name, and {@code sandbox.cors.allowed-origins} (empty for no browser access). Their local
 * defaults (the loopback names and origins) would refuse every caller of a public name, and
 * would let every local page of every visitor's machine call it.
 *
 * <p>The management port must differ from the API port: on the same port, the health and
 * metrics endpoints would be answered on the API's.
 *
 * <p>A wrong value is reported as Spring Boot reports one: the property, its value and why, no stack.
 */
public class DeploymentPreflight implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    static final String HOSTED = "sandbox.hosted.enabled";
    static final String ALLOWED_HOSTS = "sandbox.allowed-hosts";
    static final String ALLOWED_ORIGINS = "sandbox.cors.allowed-origins";
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        Binder binder = Binder.get(environment);
        if (binder.bind(HOSTED, Boolean.class).orElse(false)) {
            List<String> hosts = binder.bind(ALLOWED_HOSTS, Bindable.listOf(String.class)).orElse(List.of());
            if (hosts.stream().allMatch(host -> LOOPBACK_NAMES.contains(host.strip().toLowerCase(Locale.ROOT)))) {
                throw new InvalidConfigurationPropertyValueException(ALLOWED_HOSTS, hosts.isEmpty() ? "(not set)" : String.join(",", hosts),
                        HOSTED + "=true needs the host names the deployment is reached by (sandbox.allowed-hosts="
                                + "sandbox.example.com); the loopback names alone would refuse every caller of a public name");
            }
            if (!binder.bind(ALLOWED_ORIGINS, Bindable.listOf(String.class)).isBound()) {
                throw new InvalidConfigurationPropertyValueException(ALLOWED_ORIGINS, "(not set)",
                        HOSTED + "=true needs the browser origins that may call it (sandbox.cors.allowed-origins="
                                + "https://app.example.com), or an empty value for none");
            }
        }
        Integer api = binder.bind("server.port", Integer.class).orElse(8080);
        Integer management = binder.bind("management.server.port", Integer.class).orElse(null);
        if (management != null && management > 0 && management.equals(api)) {
            throw new InvalidConfigurationPropertyValueException("management.server.port", management,
                    "the management port must differ from the API port (server.port), or the health and metrics "
                            + "endpoints would be answered on the API's");
        }
    }
}
