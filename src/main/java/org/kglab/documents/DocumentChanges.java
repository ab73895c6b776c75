package org.kglab.documents;

import jakarta.inject.Singleton;
import org.kglab.platform.change.Change;
import org.kglab.platform.change.ChangeSource;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The current {@link Change} of each READY document: what the graph should hold, for whoever checks it. */
@Singleton
final class DocumentChanges implements ChangeSource {

    private final Documents documents;

    DocumentChanges(Documents documents) {
        this.documents = documents;
    }

    @Override
    public String aggregateType() {
        return DocumentState.AGGREGATE_TYPE;
    }

    @Override
    public List<Change> currentAfter(UUID after, int limit) {
        return documents.findReadyAfter(after, limit).stream().map(DocumentState::stored).toList();
    }

    @Override
    public List<Change> current(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : documents.findReadyIn(ids).stream().map(DocumentState::stored).toList();
    }
}
