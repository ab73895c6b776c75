package org.kglab.ingestion.web;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which addresses a fetch may never reach on its own: everything that is not the public internet.
 * IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64, 6to4) are judged by that address,
 * so that {@code ::ffff:10.0.0.5} is as private as {@code 10.0.0.5}.
 */
final class AddressRules {

    /** Names of cloud metadata services and of this machine, refused before they are even resolved. */
    private static final Set<String> FORBIDDEN_NAMES = Set.of("localhost", "localhost.localdomain",
            "metadata", "metadata.google.internal", "metadata.goog", "instance-data", "instance-data.ec2.internal",
            "metadata.azure.com", "metadata.tencentyun.com");

    private AddressRules() {
    }

    /** Why a host name is refused without resolving it, or empty when it may be resolved and checked. */
    static Optional<String> refusedName(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (FORBIDDEN_NAMES.contains(name) || name.endsWith(".localhost")) {
            return Optional.of("a name of this machine or of a cloud metadata service");
        }
        return Optional.empty();
    }

    /** Why an address is refused ("a private address"), or empty for a public one. */
    static Optional<String> refusal(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return ipv4(b);
        }
        if (address instanceof Inet6Address) {
            return ipv6(b);
        }
        return Optional.of("not an IP address");
    }

    private static Optional<String> ipv4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        if (a0 == 0) {
            return Optional.of("an unspecified address");
        }
        if (a0 == 127) {
            return Optional.of("a loopback address");
        }
        if (a0 == 10 || (a0 == 172 && (a1 & 0xf0) == 16) || (a0 == 192 && a1 == 168)) {
            return Optional.of("a private address");
        }
        if (a0 == 100 && (a1 & 0xc0) == 64) {
            return Optional.of("a carrier-grade NAT (shared) address");
        }
        if (a0 == 169 && a1 == 254) {
            return Optional.of("a link-local address (where cloud metadata services live)");
        }
        if (a0 == 192 && a1 == 0 && (b[2] & 0xff) == 0) {
            return Optional.of("an IETF protocol address");
        }
        if (a0 == 198 && (a1 & 0xfe) == 18) {
            return Optional.of("a benchmarking address");
        }
        if ((a0 & 0xf0) == 224) {
            return Optional.of("a multicast address");
        }
        if ((a0 & 0xf0) == 240) {
            return Optional.of("a reserved or broadcast address");
        }
        return Optional.empty();
    }

    private static Optional<String> ipv6(byte[] b) {
        int b0 = b[0] & 0xff;
        int b1 = b[1] & 0xff;
        if (isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return embedded(b, 12, "an IPv4-mapped form of ");
        }
        if (isZero(b, 0, 12)) {
            if (isZero(b, 12, 15)) {
                int last = b[15] & 0xff;
                if (last == 0) {
                    return Optional.of("an unspecified address");
                }
                if (last == 1) {
                    return Optional.of("a loopback address");
                }
            }
            return embedded(b, 12, "an IPv4-compatible form of ");
        }
        if (b0 == 0x00 && b1 == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && isZero(b, 4, 12)) {
            return embedded(b, 12, "a NAT64 form of ");
        }
        if (b0 == 0x20 && b1 == 0x02) {
            return embedded(b, 2, "a 6to4 form of ");
        }
        if (b0 == 0xfe && (b1 & 0xc0) == 0x80) {
            return Optional.of("a link-local address");
        }
        if (b0 == 0xfe && (b1 & 0xc0) == 0xc0) {
            return Optional.of("a site-local (private) address");
        }
        if ((b0 & 0xfe) == 0xfc) {
            return Optional.of("a unique local (private) address");
        }
        if (b0 == 0xff) {
            return Optional.of("a multicast address");
        }
        return Optional.empty();
    }

    private static Optional<String> embedded(byte[] b, int from, String prefix) {
        byte[] v4 = {b[from], b[from + 1], b[from + 2], b[from + 3]};
        return ipv4(v4).map(reason -> prefix + reason);
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** An IP literal as an address, without any name lookup; empty for anything else. */
    static Optional<InetAddress> literal(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean v4 = h.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = h.indexOf(':') >= 0 && h.matches("[0-9A-Fa-f:.%a-zA-Z0-9]+");
        if (!v4 && !v6) {
            return Optional.empty();
        }
        try {
            // A literal is parsed, never looked up.
            return Optional.of(InetAddress.getByName(h));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
