package com.clickairtime.balance.sandbox.access;

import com.clickairtime.balance.sandbox.config.SandboxProperties;
import com.clickairtime.balance.sandbox.net.IpAddresses;
import com.clickairtime.balance.sandbox.net.IpRange;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The caller's IP address, for allow-lists and the address's budgets.
 *
 * <p>It is the connection's address. A forwarding header is believed only when the connection
 * comes from a configured trusted proxy (an address or CIDR range), because anyone can send
 * one; then exactly one header is read, the configured one ({@code X-Forwarded-For} or
 * {@code Forwarded}, never both), right to left, and the caller is the first hop that is not
 * itself a trusted proxy. A hop that is no IP literal (a name, {@code unknown}, an obfuscated
 * identifier, garbage) ends the walk and the connection's address is used: a value the proxy
 * did not vouch for cannot pick the address that is limited or allowed. A port after an
 * address ({@code 203.0.113.7:80}, {@code [2001:db8::7]:4711}) is dropped the same way in both
 * headers.
 */
@Component
public class ClientAddress {

    private static final String FETCH_SITE = "Sec-Fetch-Site";
    private static final String CROSS_SITE = "cross-site";

    private final List<IpRange> trustedProxies;
    private final SandboxProperties.ForwardedHeader header;

    public ClientAddress(SandboxProperties properties) {
        List<IpRange> proxies = new ArrayList<>();
        for (String proxy : properties.trustedProxies()) {
            proxies.add(IpRange.parse(proxy.strip()).orElseThrow(() -> new IllegalStateException(
                    "sandbox.trusted-proxies: '" + proxy + "' is no IP address or CIDR range")));
        }
        this.trustedProxies = List.copyOf(proxies);
        this.header = properties.forwardedHeader();
    }

    /** The caller's address. */
    public InetAddress address(HttpServletRequest request) {
        InetAddress peer = IpAddresses.parse(request.getRemoteAddr())
                .orElseThrow(() -> new IllegalStateException("the connection has no IP address"));
        if (!trusted(peer)) {
            return peer;
        }
        List<String> hops = hops(request);
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = node(hops.get(i));
            if (hop.isEmpty()) {
                return peer;
            }
            if (!trusted(hop.get()) || i == 0) {
                return hop.get();
            }
        }
        return peer;
    }

    /** The caller's address as text, as allow-lists and logs show it. */
    public String of(HttpServletRequest request) {
        return address(request).getHostAddress();
    }

    /**
     * The rate-limit bucket of the caller: its address, with the loopback range and an IPv6 /64
     * each one caller; what a browser sends on behalf of another site's page is counted apart.
     */
    public String bucket(HttpServletRequest request) {
        return bucket(address(request), request);
    }

    /**
     * The bucket of an address already resolved, so that a request's headers are read once.
     * Any web page can make a browser send requests here ({@code <img src>}, a no-cors
     * {@code fetch}), and the browser marks those {@code Sec-Fetch-Site: cross-site}, which no page
     * can change: they spend a budget of their own, so that a page in a browser tab cannot use up
     * the address's budget and lock the developer's own tools (curl, the docs, an SDK) out of the
     * docs and the spec for the rest of the minute.
     */
    public String bucket(InetAddress address, HttpServletRequest request) {
        String bucket = "address:" + IpAddresses.caller(address);
        return CROSS_SITE.equalsIgnoreCase(request.getHeader(FETCH_SITE)) ? bucket + " cross-site" : bucket;
    }

    private boolean trusted(InetAddress address) {
        return trustedProxies.stream().anyMatch(range -> range.contains(address));
    }

    /** The configured header's hops, left to right, across every line of it. */
    private List<String> hops(HttpServletRequest request) {
        List<String> hops = new ArrayList<>();
        for (String line : Collections.list(request.getHeaders(header.headerName()))) {
            if (line == null) {
                // A value Tomcat could not parse (a control character in it) reads as null: unusable, like garbage.
                hops.add("");
                continue;
            }
            for (String element : line.split(",", -1)) {
                if (header == SandboxProperties.ForwardedHeader.X_FORWARDED_FOR) {
                    hops.add(element.strip());
                    continue;
                }
                String forNode = null;
                for (String pair : element.split(";")) {
                    String[] nameValue = pair.strip().split("=", 2);
                    if (nameValue.length == 2 && nameValue[0].strip().toLowerCase(Locale.ROOT).equals("for")) {
                        forNode = nameValue[1].strip();
                    }
                }
                // An element without for= says nothing about the client: as unusable as garbage.
                hops.add(forNode == null ? "" : unquote(forNode));
            }
        }
        return hops;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }

    /** {@code 203.0.113.7}, {@code 203.0.113.7:80}, {@code 2001:db8::7}, {@code [2001:db8::7]:4711}; anything else is none. */
    static Optional<InetAddress> node(String node) {
        String address = node;
        if (node.startsWith("[")) {
            int close = node.indexOf(']');
            if (close < 0 || !port(node.substring(close + 1))) {
                return Optional.empty();
            }
            address = node.substring(1, close);
        } else if (node.indexOf(':') >= 0 && node.indexOf(':') == node.lastIndexOf(':')) {
            if (!port(node.substring(node.indexOf(':')))) {
                return Optional.empty();
            }
            address = node.substring(0, node.indexOf(':'));
        }
        return IpAddresses.parse(address);
    }

    private static boolean port(String suffix) {
        return suffix.isEmpty() || suffix.matches(":\\d{1,5}") && Integer.parseInt(suffix.substring(1)) <= 65535;
    }
}
