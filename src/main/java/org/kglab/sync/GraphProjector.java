package org.kglab.sync;

import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import org.kglab.graph.GraphSchema;
import org.kglab.graph.GraphStore;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Applies one outbox entry to Neo4j. Every application is idempotent: the graph keeps the version
 * it holds, and older or equal versions change nothing, so an entry may be applied twice safely.
 */
@Singleton
final class GraphProjector {

    private final GraphStore graph;
    private final GraphSchema schema;
    private final ObjectMapper json;

    GraphProjector(GraphStore graph, GraphSchema schema, ObjectMapper json) {
        this.graph = graph;
        this.schema = schema;
        this.json = json;
    }

    void apply(OutboxEntry entry) {
        schema.ensureApplied();
        switch (EventType.valueOf(entry.eventType())) {
            case DOCUMENT_STORED -> graph.upsertDocument(read(entry, DocumentSnapshot.class).toNode());
            case DOCUMENT_DELETED -> graph.deleteDocument(entry.aggregateId(), entry.aggregateVersion());
        }
    }

    private <T> T read(OutboxEntry entry, Class<T> type) {
        try {
            T value = json.readValue(entry.payload(), type);
            if (value == null) {
                throw new IllegalStateException("Outbox entry " + entry.id() + " has a null payload");
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException("Outbox entry " + entry.id() + " has an unreadable payload", e);
        }
    }
}
