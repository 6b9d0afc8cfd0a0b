package com.clickairtime.balance.sandbox.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IP address literals, read strictly and never resolved: a string that is not an IPv4 or IPv6
 * literal is no address (and no name lookup is ever made for it).
 */
public final class IpAddresses {

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private IpAddresses() {
    }

    /** The address a literal names; empty for anything else (a name, a zone, a port, garbage). */
    public static Optional<InetAddress> parse(String literal) {
        if (literal == null || !(IPV4.matcher(literal).matches() || IPV6.matcher(literal).matches() && literal.length() <= 45)) {
            return Optional.empty();
        }
        try {
            // Only literals reach this: InetAddress parses them itself and looks nothing up.
            return Optional.of(InetAddress.getByName(literal));
        } catch (UnknownHostException malformed) {
            return Optional.empty();
        }
    }

    /**
     * What one caller is, for counting: every loopback address is the same local machine, and an
     * IPv6 /64 is one subscriber (providers hand out whole /64s), so neither can be used to get
     * a fresh budget per address. An IPv4-mapped IPv6 address is its IPv4 address.
     */
    public static String caller(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return "loopback";
        }
        if (address instanceof Inet6Address) {
            byte[] prefix = Arrays.copyOf(address.getAddress(), 16);
            Arrays.fill(prefix, 8, 16, (byte) 0);
            try {
                return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
            } catch (UnknownHostException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        return address.getHostAddress();
    }

    /** The usual text of an address: IPv4 dotted, IPv6 in Java's full form. */
    public static String text(InetAddress address) {
        return address.getHostAddress();
    }
}
