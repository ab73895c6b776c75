package org.kglab.documents;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * A keyset position in the newest-first document order: the (created_at, id) of the last row a
 * client saw. Opaque to clients (base64url), versioned so that the format can change.
 */
record DocumentCursor(Instant createdAt, UUID id) {

    private static final String VERSION = "d1";
    /** Every timestamp we issue lies in these years; beyond them PostgreSQL cannot even compare one. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    static DocumentCursor of(Document document) {
        return new DocumentCursor(document.createdAt(), document.id());
    }

    String encode() {
        long micros = Math.addExact(Math.multiplyExact(createdAt.getEpochSecond(), 1_000_000L),
                createdAt.getNano() / 1_000);
        String raw = VERSION + ":" + micros + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static DocumentCursor decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split(":", 3);
            if (parts.length != 3 || !VERSION.equals(parts[0])) {
                throw new InvalidCursor(cursor);
            }
            long micros = Long.parseLong(parts[1]);
            Instant createdAt = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                    Math.floorMod(micros, 1_000_000L) * 1_000L);
            if (createdAt.isBefore(EARLIEST) || createdAt.isAfter(LATEST)) {
                throw new InvalidCursor(cursor);
            }
            return new DocumentCursor(createdAt, UUID.fromString(parts[2]));
        } catch (IllegalArgumentException e) {
            throw new InvalidCursor(cursor);
        }
    }
}
