package org.kglab.sync;

import io.micronaut.serde.annotation.Serdeable;
import org.kglab.chunks.ChunksReplaced;
import org.kglab.graph.ChunkNode;

import java.util.List;
import java.util.UUID;

/** The outbox payload of a replacement of a document's chunks: what the graph keeps of each chunk. */
@Serdeable
record ChunksSnapshot(List<Item> chunks) {

    static ChunksSnapshot of(ChunksReplaced event) {
        return new ChunksSnapshot(event.chunks().stream().map(c -> new Item(c.id(), c.ordinal())).toList());
    }

    List<ChunkNode> toNodes() {
        return chunks.stream().map(c -> new ChunkNode(c.id(), c.ordinal())).toList();
    }

    @Serdeable
    record Item(UUID id, int ordinal) {
    }
}
