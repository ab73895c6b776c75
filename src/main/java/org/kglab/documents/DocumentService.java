package org.kglab.documents;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import org.kglab.audit.AuditAction;
import org.kglab.audit.AuditLog;
import org.kglab.audit.Origin;
import org.kglab.identity.access.Caller;
import org.kglab.identity.access.Scope;
import org.kglab.platform.change.Change;
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
import java.util.Optional;
import java.util.function.Function;
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
    private final ApplicationEventPublisher<Change> changes;
    private final AuditLog audit;
    private final Clock clock;

    DocumentService(Documents documents, DocumentFiles files, TransactionOperations<Connection> transactions,
                    ApplicationEventPublisher<DocumentStored> stored,
                    ApplicationEventPublisher<DocumentDeleted> deleted, ApplicationEventPublisher<Change> changes,
                    AuditLog audit, Clock clock) {
        this.documents = documents;
        this.files = files;
        this.transactions = transactions;
        this.stored = stored;
        this.deleted = deleted;
        this.changes = changes;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Accepts a document for ingestion as the caller's: takes its staged file and stores the row, PROCESSING,
     * with its provenance, and runs {@code then} (queuing its job) in the same transaction. The same bytes from
     * the same owner are answered with the existing document instead, and nothing is stored; two identical
     * uploads at once race on a unique index, and the loser answers with the winner's document. On failure
     * neither row nor file remains, also when the caller's transaction fails after this returned.
     */
    public <T> Accepted<T> accept(Caller owner, NewDocument input, Function<Document, T> then) {
        owner.require(Scope.INGEST);
        UUID ownerId = owner.id().value();
        Optional<Document> existing = documents.findSameContent(ownerId, input.sha256());
        if (existing.isPresent()) {
            return new Accepted<>(existing.get(), true, null);
        }
        DocumentId id = DocumentId.random();
        // PostgreSQL keeps microseconds; truncating here keeps cursors built from this value exact.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        files.adopt(id, input.stagedFile());
        Accepted<T> accepted;
        try {
            accepted = transactions.executeWrite(status -> {
                // The caller's transaction may go on after this returns (a feed item's does) and still roll back.
                status.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(Status completion) {
                        if (completion == Status.ROLLED_BACK) {
                            files.delete(id);
                        }
                    }
                });
                if (documents.insertProcessing(id.value(), input.title(), input.mediaType(), input.sizeBytes(),
                        input.sha256(), ownerId, input.visibility().name(), now) == 0) {
                    return new Accepted<T>(documents.findSameContent(ownerId, input.sha256()).orElseThrow(), true,
                            null);
                }
                NewDocument.Source source = input.source();
                documents.insertProvenance(id.value(), source.kind(), source.fileName(), source.url(),
                        source.feedId(), ownerId, source.apiKeyId(), source.fetchedAt(), source.pipelineVersion());
                Document document = documents.findForPipeline(id.value()).orElseThrow();
                return new Accepted<>(document, false, then.apply(document));
            });
        } catch (RuntimeException e) {
            files.delete(id);
            throw e;
        }
        if (accepted.duplicate()) {
            files.delete(id);
        }
        return accepted;
    }

    /** A document the caller may see; anything else, even if it exists, is not found. */
    public Document get(Caller viewer, DocumentId id) {
        viewer.require(Scope.READ);
        return documents.findVisible(id.value(), viewer.id().value()).orElseThrow(() -> new DocumentNotFound(id));
    }

    /** The documents of {@code ids} that the caller may see, in one query; the others are absent from the map. */
    public Map<DocumentId, Document> visible(Caller viewer, Collection<DocumentId> ids) {
        viewer.require(Scope.READ);
        List<UUID> keys = ids.stream().map(DocumentId::value).distinct().toList();
        Map<DocumentId, Document> found = HashMap.newHashMap(keys.size());
        if (!keys.isEmpty()) {
            documents.findVisibleIn(keys, viewer.id().value()).forEach(d -> found.put(d.documentId(), d));
        }
        return found;
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

    /** Where provenance of many documents the viewer may see is batched: ids they cannot see are absent. */
    public Map<DocumentId, Provenance> provenances(Caller viewer, Collection<DocumentId> ids) {
        viewer.require(Scope.READ);
        List<UUID> keys = ids.stream().map(DocumentId::value).distinct().toList();
        Map<DocumentId, Provenance> found = HashMap.newHashMap(keys.size());
        if (!keys.isEmpty()) {
            documents.findProvenances(keys, viewer.id().value())
                    .forEach(p -> found.put(new DocumentId(p.documentId()), p));
        }
        return found;
    }

    // The ingestion pipeline's side: it acts for the owner of the document its job was queued with.

    /** The document as the pipeline sees it, whoever owns it; not found once deleted. */
    public PipelineDocument forPipeline(DocumentId id) {
        Document document = transactions.executeRead(status -> documents.findVisibleToPipeline(id.value()))
                .orElseThrow(() -> new DocumentNotFound(id));
        return new PipelineDocument(document, files.pathOf(id), documents.findFileName(id.value()).orElse(null));
    }

    /** Stores the extracted text; the document stays PROCESSING until {@link #markReady}. */
    public void recordExtraction(DocumentId id, ExtractedText extracted) {
        transactions.executeWrite(status -> {
            if (documents.writeExtraction(id.value(), extracted.title(), extracted.mediaType(), extracted.text(),
                    extracted.truncated(), extracted.textless()) == 0) {
                throw new DocumentNotFound(id);
            }
            documents.setExtractor(id.value(), extracted.extractor(), extracted.language());
            return null;
        });
    }

    /**
     * READY, with its provenance completed, and announced (to the graph, through the outbox) in the caller's
     * transaction.
     */
    public void markReady(DocumentId id) {
        transactions.executeWrite(status -> {
            Document document = documents.findForPipeline(id.value()).orElseThrow(() -> new DocumentNotFound(id));
            documents.setStatus(id.value(), DocumentStatus.READY.name(), null);
            documents.setIngestedAt(id.value(), clock.instant());
            // The document's change first: what follows from the event (its chunks) orders after it.
            changes.publishEvent(DocumentState.stored(document));
            stored.publishEvent(DocumentStored.of(document));
            return null;
        });
    }

    /** FAILED with its reason; a deleted document stays deleted. */
    public void markFailed(DocumentId id, String reason) {
        transactions.executeWrite(status -> documents.setStatus(id.value(), DocumentStatus.FAILED.name(), reason));
    }

    /** PROCESSING again, for a job that is retried. */
    public void markProcessing(DocumentId id) {
        transactions.executeWrite(status -> documents.setStatus(id.value(), DocumentStatus.PROCESSING.name(), null));
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
            changes.publishEvent(DocumentState.deleted(id, document.version() + 1));
            deleted.publishEvent(new DocumentDeleted(id, document.version() + 1));
            audit.record(AuditAction.DOCUMENT_DELETED, caller.id().value(), id.toString(), origin,
                    "'" + document.title() + "'");
            return null;
        });
        files.delete(id);
    }
}
