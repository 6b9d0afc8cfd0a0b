package com.clickairtime.balance.sandbox.access;

import com.clickairtime.balance.sandbox.config.SandboxProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The caller's IP address for allow-lists and unauthenticated rate limits.
 *
 * <p>It is the connection's address. Forwarding headers are believed only when the
 * connection comes from a configured trusted proxy, because anyone can send them; then the
 * caller is the right-most hop that is not itself a trusted proxy.
 */
@Component
public class ClientAddress {

    private final Set<String> trustedProxies;

    public ClientAddress(SandboxProperties properties) {
        this.trustedProxies = Set.copyOf(properties.trustedProxies());
    }

    /** The rate-limit bucket of the caller's address. */
    public String bucket(HttpServletRequest request) {
        return "address:" + of(request);
    }

    public String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (!trustedProxies.contains(peer)) {
            return peer;
        }
        List<String> hops = forwardedHops(request);
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!trustedProxies.contains(hops.get(i))) {
                return hops.get(i);
            }
        }
        return hops.isEmpty() ? peer : hops.get(0);
    }

    /** Hops from {@code Forwarded} (RFC 7239) if present, else from {@code X-Forwarded-For}, left to right. */
    private static List<String> forwardedHops(HttpServletRequest request) {
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("Forwarded"))) {
            for (String element : header.split(",")) {
                for (String pair : element.split(";")) {
                    String[] nameValue = pair.strip().split("=", 2);
                    if (nameValue.length == 2 && nameValue[0].toLowerCase(Locale.ROOT).equals("for")) {
                        hops.add(unquote(nameValue[1]));
                    }
                }
            }
        }
        if (hops.isEmpty()) {
            for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
                for (String hop : header.split(",")) {
                    if (!hop.isBlank()) {
                        hops.add(hop.strip());
                    }
                }
            }
        }
        return hops;
    }

    /** {@code "[2001:db8::1]:4711"} and {@code 192.0.2.1:80} become bare addresses. */
    private static String unquote(String value) {
        String node = value.strip().replace("\"", "");
        if (node.startsWith("[")) {
            return node.substring(1, Math.max(1, node.indexOf(']')));
        }
        int colon = node.indexOf(':');
        return colon > 0 && colon == node.lastIndexOf(':') ? node.substring(0, colon) : node;
    }
}
