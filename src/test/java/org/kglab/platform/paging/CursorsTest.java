package org.kglab.platform.paging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CursorsTest {

    private static final UUID ID = UUID.fromString("0b4f2f6e-6a53-4c55-9a0e-3c1d2b8f7a10");

    @Test
    void roundTripsAnInstantAndIdToTheMicrosecond() {
        Instant at = Instant.parse("2026-11-22T10:15:30.123456Z");
        assertThat(Cursors.timeAndId(Cursors.encode(at, ID))).contains(new Cursors.TimeAndId(at, ID));
    }

    @Test
    void roundTripsInstantsBeforeTheEpoch() {
        Instant at = Instant.parse("1969-12-31T23:59:59.999999Z");
        assertThat(Cursors.timeAndId(Cursors.encode(at, ID))).contains(new Cursors.TimeAndId(at, ID));
    }

    @Test
    void roundTripsStringsIncludingSeparatorsAndNonAscii() {
        String key = "a:b:ö@example.org";
        assertThat(Cursors.string(Cursors.encode(key))).contains(key);
    }

    @Test
    void roundTripsNumbers() {
        assertThat(Cursors.number(Cursors.encode(Long.MAX_VALUE))).contains(Long.MAX_VALUE);
        assertThat(Cursors.number(Cursors.encode(-7L))).contains(-7L);
    }

    @Test
    void isOpaqueAndUrlSafe() {
        String cursor = Cursors.encode("ann@example.org");
        assertThat(cursor).matches("[A-Za-z0-9_-]+").doesNotContain("ann");
    }

    @Test
    void carriesItsVersion() {
        String raw = new String(Base64.getUrlDecoder().decode(Cursors.encode(42L)), StandardCharsets.UTF_8);
        assertThat(raw).isEqualTo(Cursors.VERSION + ":n:42");
    }

    @Test
    void refusesAnotherVersion() {
        assertThat(Cursors.number(raw("k2:n:42"))).isEmpty();
        assertThat(Cursors.string(raw("k0:s:ann@example.org"))).isEmpty();
        assertThat(Cursors.timeAndId(raw("d1:1:" + ID))).isEmpty();
    }

    @Test
    void refusesACursorOfAnotherList() {
        assertThat(Cursors.number(Cursors.encode("ann@example.org"))).isEmpty();
        assertThat(Cursors.string(Cursors.encode(42L))).isEmpty();
        assertThat(Cursors.timeAndId(Cursors.encode("ann@example.org"))).isEmpty();
    }

    @Test
    void refusesTamperedValues() {
        assertThat(Cursors.number(raw("k1:n:42x"))).isEmpty();
        assertThat(Cursors.number(raw("k1:n:99999999999999999999999"))).isEmpty();
        assertThat(Cursors.timeAndId(raw("k1:t:123:not-a-uuid"))).isEmpty();
        assertThat(Cursors.timeAndId(raw("k1:t:123"))).isEmpty();
        assertThat(Cursors.timeAndId(raw("k1:t:abc:" + ID))).isEmpty();
        assertThat(Cursors.timeAndId(raw("k1:t:1-2-3-4-5"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(longs = {Long.MIN_VALUE, Long.MAX_VALUE, -62_135_596_800_000_001L, 253_402_300_800_000_000L})
    void refusesInstantsOutsideTheYearsWeIssue(long micros) {
        assertThat(Cursors.timeAndId(raw("k1:t:" + micros + ":" + ID))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "!!!", "bm90LWEtY3Vyc29y", "a b", "%%%"})
    void refusesGarbage(String cursor) {
        assertThat(Cursors.timeAndId(cursor)).isEmpty();
        assertThat(Cursors.string(cursor)).isEmpty();
        assertThat(Cursors.number(cursor)).isEmpty();
    }

    @Test
    void refusesOverlongCursorsWithoutDecodingThem() {
        String huge = Cursors.encode("x".repeat(Cursors.MAX_LENGTH));
        assertThat(Cursors.string(huge)).isEmpty();
    }

    private static String raw(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
