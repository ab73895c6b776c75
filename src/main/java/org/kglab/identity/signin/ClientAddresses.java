package org.kglab.identity.signin;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

/**
 * How sign-in limits tell clients apart: by IPv4 address, and by IPv6 /64 prefix, since one
 * subscriber usually holds a whole /64 and could otherwise count as billions of clients.
 */
final class ClientAddresses {

    private static final int IPV6_PREFIX_BYTES = 8;

    private ClientAddresses() {
    }

    static String key(String address) {
        if (address.indexOf(':') < 0 || Character.digit(address.charAt(0), 16) < 0 && address.charAt(0) != ':') {
            return address;
        }
        try {
            // Shaped like an IPv6 literal, so it is parsed, never looked up.
            InetAddress parsed = InetAddress.getByName(address);
            byte[] bytes = parsed.getAddress();
            if (bytes.length != 16) {
                return parsed.getHostAddress();
            }
            return HexFormat.of().formatHex(bytes, 0, IPV6_PREFIX_BYTES) + "::/64";
        } catch (UnknownHostException | SecurityException e) {
            return address;
        }
    }
}
