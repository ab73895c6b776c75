package org.kglab.ingestion.web;

import org.apache.hc.client5.http.DnsResolver;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The HTTP client's only way to turn a host into addresses: it resolves the name, refuses it if any
 * address breaks the {@link AddressRules} (unless allowed), and hands the client exactly the addresses
 * it checked. The client connects to those, so a DNS answer that changes between check and connect
 * (rebinding) changes nothing. It runs for every connection, so for every redirect hop.
 */
final class GuardedResolver implements DnsResolver {

    private final AllowList allow;

    GuardedResolver(AllowList allow) {
        this.allow = allow;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (allow.allowsHost(name)) {
            return InetAddress.getAllByName(name);
        }
        Optional<InetAddress> literal = AddressRules.literal(name);
        if (literal.isEmpty()) {
            Optional<String> refusedName = AddressRules.refusedName(name);
            if (refusedName.isPresent()) {
                throw new AddressNotAllowed(name, refusedName.get());
            }
        }
        InetAddress[] addresses = literal.isPresent() ? new InetAddress[] {literal.get()} : InetAddress.getAllByName(name);
        for (InetAddress address : addresses) {
            Optional<String> refusal = AddressRules.refusal(address);
            if (refusal.isPresent() && !allow.allowsAddress(address)) {
                String what = literal.isPresent() ? address.getHostAddress()
                        : name + " (" + address.getHostAddress() + ")";
                throw new AddressNotAllowed(what, refusal.get());
            }
        }
        return addresses;
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        // Only used for Kerberos, which this client never does; no extra lookup.
        return host;
    }
}
