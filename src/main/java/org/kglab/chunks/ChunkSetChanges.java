package org.kglab.chunks;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.kglab.documents.DocumentStored;
import org.kglab.platform.change.Change;

import java.util.List;
import java.util.UUID;

/**
 * Announces a document's chunk set as a {@link Change}, under the document's id so that it never overtakes the
 * document: when its chunks are replaced, and when the document becomes READY (the chunks made while it was
 * ingested follow it). Runs synchronously inside the publishing transaction.
 */
@Singleton
final class ChunkSetChanges {

    /** The aggregate type of a document's chunk set. */
    static final String AGGREGATE_TYPE = "document-chunks";

    private final ApplicationEventPublisher<Change> changes;
    private final ChunkService chunks;

    ChunkSetChanges(ApplicationEventPublisher<Change> changes, ChunkService chunks) {
        this.changes = changes;
        this.chunks = chunks;
    }

    @EventListener
    void on(ChunksReplaced event) {
        changes.publishEvent(change(event));
    }

    @EventListener
    void on(DocumentStored event) {
        ChunksReplaced current = chunks.current(event.id());
        if (current.version() > 0) {
            changes.publishEvent(change(current));
        }
    }

    static Change change(ChunksReplaced event) {
        return Change.of(AGGREGATE_TYPE, event.documentId().value(), event.version(),
                new ChunkSetState(event.chunks().stream().map(c -> new ChunkSetState.Item(c.id(), c.ordinal())).toList()));
    }

    /** What another store keeps of a document's chunks; the field names are stored, so they never change. */
    @Serdeable
    record ChunkSetState(List<Item> chunks) {

        @Serdeable
        record Item(UUID id, int ordinal) {
        }
    }
}
