package org.kglab.chunks;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;
import org.kglab.documents.DocumentId;
import org.kglab.documents.PageRequest;
import org.kglab.embedding.EmbeddingModel;
import org.kglab.embedding.EmbeddingProperties;
import org.kglab.identity.access.Caller;
import org.kglab.identity.access.Scope;
import org.kglab.platform.paging.Cursors;
import org.kglab.platform.paging.Page;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A document's chunks: cut from its structured text, embedded in batches, and stored all at once in place
 * of the previous ones, together with the outbox entry that replaces them in the graph.
 */
@Singleton
public class ChunkService {

    /** The vector columns there are (migration V9): a model of another dimension needs a column first. */
    static final int STORED_DIMENSION = 384;
    /** The longest text of one chunk, in characters. */
    public static final int MAX_CHUNK_CHARS = Chunker.MAX_CHUNK_CHARS;
    private static final Logger LOG = LoggerFactory.getLogger(ChunkService.class);

    private final Chunks chunks;
    private final Chunker chunker;
    private final @Nullable EmbeddingModel model;
    private final int batchSize;
    private final TransactionOperations<Connection> transactions;
    private final ApplicationEventPublisher<ChunksReplaced> replaced;
    private final Clock clock;

    ChunkService(Chunks chunks, ChunkingProperties chunking, @Nullable EmbeddingModel model,
                 EmbeddingProperties embedding, TransactionOperations<Connection> transactions,
                 ApplicationEventPublisher<ChunksReplaced> replaced, Clock clock) {
        if (model != null && model.dimension() != STORED_DIMENSION) {
            throw new IllegalStateException("The embedding model " + model.id() + " makes vectors of "
                    + model.dimension() + " dimensions, but chunks store " + STORED_DIMENSION + ": add a column "
                    + "and an index for that dimension (see migrations/V9__chunks.sql) or pick a " + STORED_DIMENSION
                    + "-dimensional model");
        }
        this.chunks = chunks;
        this.chunker = new Chunker(chunking.maxTokens(), chunking.overlapTokens());
        this.model = model;
        this.batchSize = embedding.batchSize();
        this.transactions = transactions;
        this.replaced = replaced;
        this.clock = clock;
    }

    /**
     * Chunks the text, embeds every chunk, then replaces the document's chunks with these in one transaction,
     * so that readers see the old set or the new one, never a mix. The embedding happens before that
     * transaction opens, so no lock is held while the model works. A document deleted meanwhile gets none.
     *
     * @return the number of chunks stored
     */
    public int replaceChunks(DocumentId documentId, StructuredText text, ChunkProgress progress) {
        progress.report(ChunkProgress.Step.CHUNKING, 0);
        List<ChunkDraft> drafts = chunker.chunk(text);
        progress.report(ChunkProgress.Step.CHUNKING, 1);
        List<String> texts = drafts.stream().map(d -> text.text().substring(d.start(), d.end())).toList();
        List<float @Nullable []> vectors = embed(texts, progress);
        List<ChunkRows.Row> rows = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            ChunkDraft d = drafts.get(i);
            int tokens = model == null ? d.tokens() : model.countTokens(texts.get(i));
            rows.add(new ChunkRows.Row(new Chunk(UUID.randomUUID(), documentId.value(), d.ordinal(), texts.get(i),
                    d.start(), d.end(), d.page(), d.headingPath(), tokens, model == null ? null : model.id()),
                    vectors.get(i), model == null ? null : model.id()));
        }
        progress.report(ChunkProgress.Step.STORING, 0);
        boolean stored = store(documentId, rows);
        progress.report(ChunkProgress.Step.STORING, 1);
        return stored ? rows.size() : 0;
    }

    /** The id of the model that embeds new chunks, or empty when chunks are stored without vectors. */
    public @Nullable String embeddingModelId() {
        return model == null ? null : model.id();
    }

    /**
     * Documents whose chunks are not all in the configured model's space (embedded by a model used before, or
     * stored without vectors), in id order: what a re-embedding goes through, by calling {@link #replaceChunks} for
     * each. Empty when chunks are stored without vectors.
     */
    public List<DocumentId> documentsToReembed(int limit) {
        return documentsToReembed(null, limit);
    }

    /** The same, from just after {@code after}: a pass walks past documents it could not re-embed. */
    public List<DocumentId> documentsToReembed(@Nullable DocumentId after, int limit) {
        if (model == null) {
            return List.of();
        }
        return chunks.documentsNotEmbeddedBy(model.id(), after == null ? null : after.value(),
                Math.clamp(limit, 1, 10_000)).stream().map(DocumentId::new).toList();
    }

    /** How many documents {@link #documentsToReembed(int)} would go through in all. */
    public long countToReembed() {
        return model == null ? 0 : chunks.countDocumentsNotEmbeddedBy(model.id());
    }

    private List<float @Nullable []> embed(List<String> texts, ChunkProgress progress) {
        progress.report(ChunkProgress.Step.EMBEDDING, 0);
        List<float @Nullable []> vectors = new ArrayList<>(texts.size());
        if (model == null) {
            texts.forEach(t -> vectors.add(null));
        } else {
            for (int from = 0; from < texts.size(); from += batchSize) {
                List<String> batch = texts.subList(from, Math.min(texts.size(), from + batchSize));
                vectors.addAll(model.embed(batch));
                progress.report(ChunkProgress.Step.EMBEDDING, (double) vectors.size() / texts.size());
            }
        }
        progress.report(ChunkProgress.Step.EMBEDDING, 1);
        return vectors;
    }

    private boolean store(DocumentId documentId, List<ChunkRows.Row> rows) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return transactions.executeWrite(status -> {
            Long current = chunks.lockVersion(documentId.value()).orElse(null);
            if (current == null) {
                LOG.debug("Document {} was deleted before its chunks were stored", documentId);
                return false;
            }
            long version = current + 1;
            chunks.setVersion(documentId.value(), version);
            chunks.deleteOfDocument(documentId.value());
            try {
                ChunkRows.insert(status.getConnection(), rows, now);
            } catch (SQLException e) {
                throw new IllegalStateException("Storing the chunks of document " + documentId + " failed", e);
            }
            // A document still being ingested is not in the graph yet: its chunks go there with it, in the
            // transaction that makes it READY (see current()).
            if (chunks.stateOf(documentId.value()).map(ChunkState::ready).orElse(false)) {
                replaced.publishEvent(new ChunksReplaced(documentId, version,
                        rows.stream().map(r -> new ChunksReplaced.Ref(r.chunk().id(), r.chunk().ordinal())).toList()));
            }
            return true;
        });
    }

    /**
     * The document's chunks as they are now, as the graph should hold them: announced with the document when it
     * becomes READY. Empty (version 0) for a document that has none or is gone.
     */
    public ChunksReplaced current(DocumentId documentId) {
        long version = chunks.stateOf(documentId.value()).map(ChunkState::version).orElse(0L);
        return new ChunksReplaced(documentId, version, chunks.refsOfDocument(documentId.value()));
    }

    /** A page of one document's chunks in reading order; empty if the viewer cannot see the document. */
    public Page<Chunk> page(Caller viewer, DocumentId documentId, PageRequest request) {
        return pages(viewer, List.of(documentId), request).getOrDefault(documentId, empty());
    }

    /** The same page of each document's chunks, in one query; a document the viewer cannot see has none. */
    public Map<DocumentId, Page<Chunk>> pages(Caller viewer, Collection<DocumentId> documentIds,
                                              PageRequest request) {
        viewer.require(Scope.READ);
        String cursor = request.after();
        int after = cursor == null ? -1 : decode(cursor);
        List<UUID> ids = documentIds.stream().map(DocumentId::value).distinct().toList();
        Map<UUID, List<Chunk>> byDocument = new HashMap<>();
        if (!ids.isEmpty()) {
            chunks.pagesOf(ids, viewer.id().value(), after, request.first() + 1)
                    .forEach(c -> byDocument.computeIfAbsent(c.documentId(), k -> new ArrayList<>()).add(c));
        }
        Map<DocumentId, Page<Chunk>> pages = HashMap.newHashMap(ids.size());
        for (DocumentId id : documentIds) {
            pages.put(id, Page.of(byDocument.getOrDefault(id.value(), List.of()), request.first(),
                    c -> Cursors.encode(c.ordinal())));
        }
        return pages;
    }

    /** The chunks of {@code ids} whose documents the caller may see, in one query; others are absent. */
    public Map<UUID, Chunk> visible(Caller viewer, Collection<UUID> ids) {
        viewer.require(Scope.READ);
        List<UUID> keys = ids.stream().distinct().toList();
        Map<UUID, Chunk> found = HashMap.newHashMap(keys.size());
        if (!keys.isEmpty()) {
            chunks.findVisibleIn(keys, viewer.id().value()).forEach(c -> found.put(c.id(), c));
        }
        return found;
    }

    private static Page<Chunk> empty() {
        return new Page<>(List.of(), false, c -> Cursors.encode(c.ordinal()));
    }

    private static int decode(String cursor) {
        return Cursors.number(cursor).filter(n -> n >= 0 && n < Integer.MAX_VALUE).map(Long::intValue)
                .orElseThrow(() -> new InvalidChunkCursor(cursor));
    }
}
