package org.kglab.documents;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.kglab.audit.AuditAction;
import org.kglab.audit.AuditLog;
import org.kglab.audit.Origin;
import org.kglab.identity.access.Caller;
import org.kglab.identity.access.Scope;
import org.kglab.platform.paging.Cursors;
import org.kglab.platform.paging.Page;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Stores, reads and deletes documents. Every change publishes its event inside the same
 * transaction, so that whatever listens before commit (the outbox) commits or rolls back with it.
 */
@Singleton
public class DocumentService {

    private final Documents documents;
    private final DocumentFiles files;
    private final TransactionOperations<Connection> transactions;
    private final ApplicationEventPublisher<DocumentStored> stored;
    private final ApplicationEventPublisher<DocumentDeleted> deleted;
    private final AuditLog audit;
    private final Clock clock;

    DocumentService(Documents documents, DocumentFiles files, TransactionOperations<Connection> transactions,
                    ApplicationEventPublisher<DocumentStored> stored,
                    ApplicationEventPublisher<DocumentDeleted> deleted, AuditLog audit, Clock clock) {
        this.documents = documents;
        this.files = files;
        this.transactions = transactions;
        this.stored = stored;
        this.deleted = deleted;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Stores the document as the caller's and takes ownership of its staged file; on failure
     * neither row nor file remains.
     */
    public Document store(Caller owner, NewDocument input) {
        owner.require(Scope.INGEST);
        DocumentId id = DocumentId.random();
        // PostgreSQL keeps microseconds; truncating here keeps cursors built from this value exact.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var document = new Document(id.value(), input.title(), input.mediaType(), input.sizeBytes(),
                input.sha256(), owner.id().value(), input.visibility(), 1L, now, input.truncated(), input.textless());
        files.adopt(id, input.stagedFile());
        try {
            transactions.executeWrite(status -> {
                documents.insert(document.id(), document.title(), document.mediaType(), document.sizeBytes(),
                        document.sha256(), input.text(), document.ownerId(), document.visibility().name(),
                        document.version(), document.createdAt(), document.truncated(), document.textless());
                stored.publishEvent(DocumentStored.of(document));
                return null;
            });
        } catch (RuntimeException e) {
            files.delete(id);
            throw e;
        }
        return document;
    }

    /** A document the caller may see; anything else, even if it exists, is not found. */
    public Document get(Caller viewer, DocumentId id) {
        viewer.require(Scope.READ);
        return documents.findVisible(id.value(), viewer.id().value()).orElseThrow(() -> new DocumentNotFound(id));
    }

    public Page<Document> page(Caller viewer, PageRequest request) {
        viewer.require(Scope.READ);
        int limit = request.first() + 1;
        UUID viewerId = viewer.id().value();
        List<Document> rows;
        if (request.after() == null) {
            rows = documents.firstPage(viewerId, limit);
        } else {
            Cursors.TimeAndId after = DocumentCursor.decode(request.after());
            rows = documents.pageAfter(viewerId, after.at(), after.id(), limit);
        }
        return Page.of(rows, request.first(), DocumentCursor::of);
    }

    /**
     * Up to {@code maxLength} characters of the texts of many documents from {@code offset} on, in one
     * query; ids the viewer cannot see are absent from the map.
     */
    public Map<DocumentId, DocumentText> texts(Caller viewer, Collection<DocumentId> ids, int offset, int maxLength) {
        viewer.require(Scope.READ);
        List<UUID> keys = ids.stream().map(DocumentId::value).distinct().toList();
        Map<DocumentId, DocumentText> texts = HashMap.newHashMap(keys.size());
        if (!keys.isEmpty()) {
            documents.findTexts(keys, viewer.id().value(), offset, maxLength)
                    .forEach(t -> texts.put(new DocumentId(t.id()), t));
        }
        return texts;
    }

    /**
     * Deletes the row (and, through its event, the graph node), then the original file. Only the
     * owner may; others get not-found for private documents and a refusal for public ones.
     */
    public void delete(Caller caller, Origin origin, DocumentId id) {
        caller.require(Scope.WRITE);
        transactions.executeWrite(status -> {
            Document document = documents.findVisibleForUpdate(id.value(), caller.id().value())
                    .orElseThrow(() -> new DocumentNotFound(id));
            if (!document.ownerId().equals(caller.id().value())) {
                throw new DocumentAccessDenied(id);
            }
            documents.deleteRow(id.value());
            deleted.publishEvent(new DocumentDeleted(id, document.version() + 1));
            audit.record(AuditAction.DOCUMENT_DELETED, caller.id().value(), id.toString(), origin,
                    "'" + document.title() + "'");
            return null;
        });
        files.delete(id);
    }
}
