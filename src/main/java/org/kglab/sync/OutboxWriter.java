package org.kglab.sync;

import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;
import org.kglab.chunks.ChunkService;
import org.kglab.chunks.ChunksReplaced;
import org.kglab.documents.DocumentDeleted;
import org.kglab.documents.DocumentStored;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Appends an outbox entry for each domain change, inside the transaction that made the change,
 * just before it commits: the change and its entry are stored together or not at all.
 */
@Singleton
class OutboxWriter {

    private final Outbox outbox;
    private final ObjectMapper json;

    private final ChunkService chunks;

    OutboxWriter(Outbox outbox, ObjectMapper json, ChunkService chunks) {
        this.outbox = outbox;
        this.json = json;
        this.chunks = chunks;
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.BEFORE_COMMIT)
    void on(DocumentStored event) {
        outbox.append(EventType.DOCUMENT, event.id().value(), event.version(), EventType.DOCUMENT_STORED.name(),
                toJson(DocumentSnapshot.of(event)));
        // The chunks made while the document was being ingested follow it into the graph.
        ChunksReplaced current = chunks.current(event.id());
        if (current.version() > 0) {
            append(current);
        }
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.BEFORE_COMMIT)
    void on(DocumentDeleted event) {
        outbox.append(EventType.DOCUMENT, event.id().value(), event.version(), EventType.DOCUMENT_DELETED.name(),
                "{}");
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.BEFORE_COMMIT)
    void on(ChunksReplaced event) {
        append(event);
    }

    private void append(ChunksReplaced event) {
        outbox.append(EventType.DOCUMENT, event.documentId().value(), event.version(),
                EventType.CHUNKS_REPLACED.name(), toJson(ChunksSnapshot.of(event)));
    }

    private String toJson(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
