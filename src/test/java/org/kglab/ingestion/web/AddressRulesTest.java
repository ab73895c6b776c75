package org.kglab.ingestion.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AddressRulesTest {

    @ParameterizedTest
    @CsvSource({
            "127.0.0.1, a loopback address",
            "127.255.0.9, a loopback address",
            "0.0.0.0, an unspecified address",
            "10.0.0.5, a private address",
            "172.16.0.1, a private address",
            "172.31.255.255, a private address",
            "192.168.1.1, a private address",
            "100.64.0.1, a carrier-grade NAT (shared) address",
            "100.127.255.254, a carrier-grade NAT (shared) address",
            "169.254.169.254, a link-local address (where cloud metadata services live)",
            "224.0.0.1, a multicast address",
            "255.255.255.255, a reserved or broadcast address",
            "::1, a loopback address",
            "::, an unspecified address",
            "fe80::1, a link-local address",
            "fc00::1, a unique local (private) address",
            "fd12:3456::1, a unique local (private) address",
            "fd00:ec2::254, a unique local (private) address",
            "ff02::1, a multicast address",
            "::ffff:10.0.0.5, a private address",
            "::ffff:127.0.0.1, a loopback address",
            "::ffff:169.254.169.254, a link-local address (where cloud metadata services live)",
            "::10.0.0.5, an IPv4-compatible form of a private address",
            "64:ff9b::a9fe:a9fe, a NAT64 form of a link-local address (where cloud metadata services live)",
            "2002:7f00:1::1, a 6to4 form of a loopback address"})
    void refusesAddressesThatAreNotThePublicInternet(String address, String reason) throws UnknownHostException {
        assertThat(AddressRules.refusal(InetAddress.getByName(address))).contains(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "172.32.0.1", "172.15.255.255", "100.128.0.1", "169.253.1.1",
            "2606:2800:21f:cb07:6820:80da:af6b:8b2c", "2001:4860:4860::8888", "::ffff:8.8.8.8", "2002:0808:0808::1"})
    void acceptsPublicAddresses(String address) throws UnknownHostException {
        assertThat(AddressRules.refusal(InetAddress.getByName(address))).isEmpty();
    }

    /** Java turns a mapped literal into an IPv4 address; built from raw bytes it stays IPv6 and is still judged. */
    @org.junit.jupiter.api.Test
    void judgesAMappedAddressThatStaysIPv6() throws UnknownHostException {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = 10;
        mapped[15] = 5;
        var address = java.net.Inet6Address.getByAddress(null, mapped, -1);
        assertThat(address).isInstanceOf(java.net.Inet6Address.class);
        assertThat(AddressRules.refusal(address)).contains("an IPv4-mapped form of a private address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LOCALHOST.", "api.localhost", "metadata.google.internal", "metadata",
            "instance-data"})
    void refusesNamesOfThisMachineAndOfMetadataServices(String host) {
        assertThat(AddressRules.refusedName(host)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.org", "metadata.example.org", "localhost.example.org"})
    void acceptsOtherNames(String host) {
        assertThat(AddressRules.refusedName(host)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void theAllowListLetsThroughHostsAndRangesItNames() throws UnknownHostException {
        var allow = AllowList.parse(List.of("wiki.intranet", " 10.1.0.0/16", "127.0.0.1", "fd00::/8", ""));
        assertThat(allow.allowsHost("WIKI.intranet")).isTrue();
        assertThat(allow.allowsHost("other.intranet")).isFalse();
        assertThat(allow.allowsAddress(InetAddress.getByName("10.1.200.3"))).isTrue();
        assertThat(allow.allowsAddress(InetAddress.getByName("10.2.0.1"))).isFalse();
        assertThat(allow.allowsAddress(InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(allow.allowsAddress(InetAddress.getByName("127.0.0.2"))).isFalse();
        assertThat(allow.allowsAddress(InetAddress.getByName("fd12::1"))).isTrue();
        assertThat(allow.allowsAddress(InetAddress.getByName("fc00::1"))).isFalse();
    }

    @org.junit.jupiter.api.Test
    void theResolverRefusesALiteralPrivateAddressWithAReadableMessage() {
        var resolver = new GuardedResolver(AllowList.parse(List.of()));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> resolver.resolve("10.0.0.5"))
                .isInstanceOf(AddressNotAllowed.class)
                .hasMessageStartingWith("Address not allowed: 10.0.0.5 is a private address");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> resolver.resolve("[::1]"))
                .hasMessageStartingWith("Address not allowed: 0:0:0:0:0:0:0:1 is a loopback address");
    }
}
