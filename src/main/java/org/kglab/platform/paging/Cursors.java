package org.kglab.platform.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The one cursor format of every list: the keyset values of the last row a client saw, behind a
 * version and a shape tag, in base64url. Opaque to clients; a cursor of another version or shape,
 * or one this service could not have issued, decodes to empty and the caller refuses it.
 *
 * <p>Shapes: {@code t} is (instant to the microsecond, uuid), {@code s} a string, {@code n} a long.
 */
public final class Cursors {

    static final String VERSION = "k1";
    /** Longer cursors are not ours: the longest we issue carries a bounded key. */
    static final int MAX_LENGTH = 1_024;
    /** Every timestamp we issue lies in these years; beyond them PostgreSQL cannot even compare one. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private Cursors() {
    }

    /** The position (instant, id), e.g. newest-first by creation time with the id breaking ties. */
    public record TimeAndId(Instant at, UUID id) {
    }

    public static String encode(Instant at, UUID id) {
        long micros = Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
        return wrap("t", micros + ":" + id);
    }

    public static String encode(String key) {
        return wrap("s", key);
    }

    public static String encode(long key) {
        return wrap("n", Long.toString(key));
    }

    public static Optional<TimeAndId> timeAndId(String cursor) {
        return unwrap(cursor, "t").flatMap(payload -> {
            String[] parts = payload.split(":", 2);
            if (parts.length != 2) {
                return Optional.empty();
            }
            try {
                long micros = Long.parseLong(parts[0]);
                Instant at = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                        Math.floorMod(micros, 1_000_000L) * 1_000L);
                UUID id = UUID.fromString(parts[1]);
                if (at.isBefore(EARLIEST) || at.isAfter(LATEST) || !id.toString().equals(parts[1])) {
                    return Optional.empty();
                }
                return Optional.of(new TimeAndId(at, id));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    public static Optional<String> string(String cursor) {
        return unwrap(cursor, "s");
    }

    public static Optional<Long> number(String cursor) {
        return unwrap(cursor, "n").flatMap(payload -> {
            try {
                return Optional.of(Long.parseLong(payload));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private static String wrap(String shape, String payload) {
        String raw = VERSION + ":" + shape + ":" + payload;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<String> unwrap(String cursor, String shape) {
        if (cursor.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String prefix = VERSION + ":" + shape + ":";
        return raw.startsWith(prefix) ? Optional.of(raw.substring(prefix.length())) : Optional.empty();
    }
}
