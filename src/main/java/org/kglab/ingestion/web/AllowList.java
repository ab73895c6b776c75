package org.kglab.ingestion.web;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The exceptions to the address rules that an operator grants ({@code KGLAB_FETCH_ALLOW}): host names,
 * which may then resolve anywhere, and address ranges in CIDR notation (a bare address is a range of one).
 */
final class AllowList {

    private final Set<String> hosts;
    private final List<Range> ranges;

    private AllowList(Set<String> hosts, List<Range> ranges) {
        this.hosts = hosts;
        this.ranges = ranges;
    }

    static AllowList parse(List<String> entries) {
        var ranges = new ArrayList<Range>();
        var hosts = entries.stream().map(String::strip).filter(e -> !e.isEmpty())
                .filter(entry -> {
                    var range = Range.parse(entry);
                    range.ifPresent(ranges::add);
                    return range.isEmpty();
                })
                .map(h -> h.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        return new AllowList(hosts, List.copyOf(ranges));
    }

    boolean allowsHost(String host) {
        return hosts.contains(host.toLowerCase(Locale.ROOT));
    }

    boolean allowsAddress(InetAddress address) {
        return ranges.stream().anyMatch(r -> r.contains(address));
    }

    /** An address range: the first {@code bits} bits of {@code network}. */
    record Range(byte[] network, int bits) {

        static java.util.Optional<Range> parse(String entry) {
            int slash = entry.indexOf('/');
            String address = slash < 0 ? entry : entry.substring(0, slash);
            var literal = AddressRules.literal(address);
            if (literal.isEmpty()) {
                return java.util.Optional.empty();
            }
            byte[] network = literal.get().getAddress();
            int bits = network.length * 8;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("Not a CIDR range in kglab.fetch.allow: " + entry, e);
                }
                if (bits < 0 || bits > network.length * 8) {
                    throw new IllegalArgumentException("Prefix out of range in kglab.fetch.allow: " + entry);
                }
            }
            return java.util.Optional.of(new Range(network, bits));
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (candidate[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (candidate[full] & mask) == (network[full] & mask);
        }
    }
}
