package org.kglab.chunks;

import io.micronaut.core.annotation.Introspected;
import jakarta.inject.Singleton;
import org.kglab.documents.DocumentId;
import org.kglab.platform.change.Change;
import org.kglab.platform.change.ChangeSource;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The current chunk set of each READY document that has chunks, as {@link ChunkSetChanges} announces it: what the
 * graph should hold, for whoever checks it. Two queries per batch, whatever its size.
 */
@Singleton
final class ChunkSetSource implements ChangeSource {

    private final Chunks chunks;

    ChunkSetSource(Chunks chunks) {
        this.chunks = chunks;
    }

    @Override
    public String aggregateType() {
        return ChunkSetChanges.AGGREGATE_TYPE;
    }

    @Override
    public List<Change> currentAfter(UUID after, int limit) {
        return changes(chunks.findSetsAfter(after, limit));
    }

    @Override
    public List<Change> current(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : changes(chunks.findSetsIn(ids));
    }

    private List<Change> changes(List<SetVersion> sets) {
        if (sets.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<ChunksReplaced.Ref>> refs = chunks.findRefsIn(sets.stream().map(SetVersion::documentId).toList())
                .stream()
                .collect(Collectors.groupingBy(SetRef::documentId,
                        Collectors.mapping(r -> new ChunksReplaced.Ref(r.id(), r.ordinal()), Collectors.toList())));
        return sets.stream()
                .map(s -> ChunkSetChanges.change(new ChunksReplaced(new DocumentId(s.documentId()), s.version(),
                        refs.getOrDefault(s.documentId(), List.of()))))
                .toList();
    }

    /** A document's chunk version. */
    @Introspected
    record SetVersion(UUID documentId, long version) {
    }

    /** One chunk of a document's set. */
    @Introspected
    record SetRef(UUID documentId, UUID id, int ordinal) {
    }
}
