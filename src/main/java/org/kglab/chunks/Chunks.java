package org.kglab.chunks;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import org.jspecify.annotations.Nullable;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The chunks table. Reads on behalf of a viewer join the document and filter with
 * {@code visible_to(owner_id, visibility, :viewer)}. Rows are inserted in batches by {@link ChunkRows}.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface Chunks extends GenericRepository<Chunk, UUID> {

    /** Locks the document's row for a replacement of its chunks; empty if the document is gone. */
    @Query("SELECT chunks_version FROM documents WHERE id = :documentId FOR UPDATE")
    Optional<Long> lockVersion(UUID documentId);

    /** The document's chunk version, and whether it is READY (only a READY document is in the graph). */
    @Query("SELECT chunks_version AS version, status = 'READY' AS ready FROM documents WHERE id = :documentId")
    Optional<ChunkState> stateOf(UUID documentId);

    @Query("SELECT id, ordinal FROM chunks WHERE document_id = :documentId ORDER BY ordinal")
    List<ChunksReplaced.Ref> refsOfDocument(UUID documentId);

    @Query("UPDATE documents SET chunks_version = :version WHERE id = :documentId")
    int setVersion(UUID documentId, long version);

    @Query("DELETE FROM chunks WHERE document_id = :documentId")
    int deleteOfDocument(UUID documentId);

    /** Documents with a chunk that the given model did not embed (another model's, or none), after {@code after}. */
    @Query("""
            SELECT DISTINCT document_id FROM chunks
            WHERE (embedding_model IS NULL OR embedding_model <> :model)
              AND (CAST(:after AS uuid) IS NULL OR document_id > :after)
            ORDER BY document_id
            LIMIT :limit
            """)
    List<UUID> documentsNotEmbeddedBy(String model, @Nullable UUID after, int limit);

    @Query("SELECT count(DISTINCT document_id) FROM chunks WHERE embedding_model IS NULL OR embedding_model <> :model")
    long countDocumentsNotEmbeddedBy(String model);

    /** Up to {@code limit} chunks after {@code afterOrdinal} of each document the viewer may see, in one query. */
    @Query("""
            SELECT c.id, c.document_id, c.ordinal, c.text, c.start_offset, c.end_offset, c.page, c.heading_path,
                   c.token_count, c.embedding_model
            FROM documents d
            CROSS JOIN LATERAL (SELECT * FROM chunks k
                                WHERE k.document_id = d.id AND k.ordinal > :afterOrdinal
                                ORDER BY k.ordinal LIMIT :limit) c
            WHERE d.id IN (:documentIds) AND visible_to(d.owner_id, d.visibility, :viewer)
            ORDER BY c.document_id, c.ordinal
            """)
    List<Chunk> pagesOf(Collection<UUID> documentIds, UUID viewer, int afterOrdinal, int limit);

    /** READY documents with chunks (those whose chunk set the graph holds) after {@code after}, in id order. */
    @Query("""
            SELECT id AS document_id, chunks_version AS version FROM documents
            WHERE status = 'READY' AND chunks_version > 0 AND id > :after
            ORDER BY id
            LIMIT :limit
            """)
    List<ChunkSetSource.SetVersion> findSetsAfter(UUID after, int limit);

    @Query("""
            SELECT id AS document_id, chunks_version AS version FROM documents
            WHERE status = 'READY' AND chunks_version > 0 AND id IN (:ids)
            """)
    List<ChunkSetSource.SetVersion> findSetsIn(Collection<UUID> ids);

    @Query("SELECT document_id, id, ordinal FROM chunks WHERE document_id IN (:documentIds) ORDER BY ordinal")
    List<ChunkSetSource.SetRef> findRefsIn(Collection<UUID> documentIds);

    /** The chunks of {@code ids} whose documents the viewer may see, in one query. */
    @Query("""
            SELECT c.id, c.document_id, c.ordinal, c.text, c.start_offset, c.end_offset, c.page, c.heading_path,
                   c.token_count, c.embedding_model
            FROM chunks c JOIN documents d ON d.id = c.document_id
            WHERE c.id IN (:ids) AND visible_to(d.owner_id, d.visibility, :viewer)
            """)
    List<Chunk> findVisibleIn(Collection<UUID> ids, UUID viewer);
}
