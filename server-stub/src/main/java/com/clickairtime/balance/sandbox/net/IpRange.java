package com.clickairtime.balance.sandbox.net;

import java.net.InetAddress;
import java.util.Optional;

/**
 * One address or a CIDR range of them ({@code 203.0.113.7}, {@code 203.0.113.0/24},
 * {@code 2001:db8::/32}), for allow-lists and trusted proxies.
 *
 * @param network      the range's first address (host bits are ignored)
 * @param prefixLength how many leading bits must match
 */
public record IpRange(InetAddress network, int prefixLength) {

    /** The range a text names; empty when it is no address or CIDR range. */
    public static Optional<IpRange> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int slash = text.indexOf('/');
        Optional<InetAddress> address = IpAddresses.parse(slash < 0 ? text : text.substring(0, slash));
        if (address.isEmpty()) {
            return Optional.empty();
        }
        int bits = address.get().getAddress().length * 8;
        if (slash < 0) {
            return Optional.of(new IpRange(address.get(), bits));
        }
        String prefix = text.substring(slash + 1);
        if (!prefix.matches("\\d{1,3}") || Integer.parseInt(prefix) > bits) {
            return Optional.empty();
        }
        return Optional.of(new IpRange(address.get(), Integer.parseInt(prefix)));
    }

    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        byte[] own = network.getAddress();
        if (candidate.length != own.length) {
            return false;
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (candidate[i] != own[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xFF << (8 - rest) & 0xFF;
        return (candidate[full] & mask) == (own[full] & mask);
    }
}
