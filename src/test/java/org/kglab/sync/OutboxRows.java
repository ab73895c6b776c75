package org.kglab.sync;

import org.kglab.support.Stores;

import java.util.UUID;

/**
 * Appends outbox entries by hand, as a feature's transaction would: each call is one SQL statement, so that all of
 * its entries commit together and a relay sees them in one claim.
 */
final class OutboxRows {

    private OutboxRows() {
    }

    /** The state a document's change carries, as SQL. */
    static String documentState(UUID owner, String title) {
        return "jsonb_build_object('title', " + title + ", 'mediaType', 'text/plain', 'sizeBytes', 10, "
                + "'sha256', '00', 'ownerId', '" + owner + "', 'visibility', 'PRIVATE', "
                + "'createdAt', '2026-01-01T00:00:00Z')";
    }

    /** {@code count} new documents owned by {@code owner}, in one statement. */
    static void appendDocuments(Stores stores, UUID owner, int count) {
        stores.sql("INSERT INTO outbox (aggregate_type, aggregate_id, revision, payload) "
                + "SELECT 'document', gen_random_uuid(), 1, " + documentState(owner, "'Document ' || n")
                + " FROM generate_series(1, " + count + ") AS n ORDER BY n");
    }

    /** Entries given as SQL rows {@code (type, id, revision, payload)}, appended in one statement in this order. */
    static void append(Stores stores, String... rows) {
        stores.sql("INSERT INTO outbox (aggregate_type, aggregate_id, revision, payload) VALUES "
                + String.join(", ", rows));
    }

    static String row(String type, UUID id, long revision, String payload) {
        return "('" + type + "', '" + id + "', " + revision + ", " + payload + ")";
    }

    static String chunks(UUID... ids) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < ids.length; i++) {
            items.append(i == 0 ? "" : ", ").append("{\"id\": \"").append(ids[i]).append("\", \"ordinal\": ")
                    .append(i).append('}');
        }
        return "'{\"chunks\": [" + items + "]}'";
    }
}
