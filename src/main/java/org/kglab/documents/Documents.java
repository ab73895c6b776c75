package org.kglab.documents;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The documents table. Every read takes the viewer and returns only what they may see (their own
 * documents and public ones): the filter is part of each query, never applied after loading, and it is the
 * database function {@code visible_to(owner_id, visibility, :viewer)} (migration V7), which the planner inlines.
 * Text is written with the row but read only through {@link #findTexts}.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface Documents extends GenericRepository<Document, UUID> {

    @Query("""
            INSERT INTO documents (id, title, media_type, size_bytes, sha256, content, owner_id, visibility, version,
                                   created_at, truncated, textless)
            VALUES (:id, :title, :mediaType, :sizeBytes, :sha256, :content, :ownerId, :visibility, :version,
                    :createdAt, :truncated, :textless)
            """)
    void insert(UUID id, String title, String mediaType, long sizeBytes, String sha256, String content,
                UUID ownerId, String visibility, long version, Instant createdAt, boolean truncated, boolean textless);

    @Query("""
            SELECT id, title, media_type, size_bytes, sha256, owner_id, visibility, version, created_at, truncated,
                   textless
            FROM documents
            WHERE id = :id AND visible_to(owner_id, visibility, :viewer)
            """)
    Optional<Document> findVisible(UUID id, UUID viewer);

    @Query("""
            SELECT id, title, media_type, size_bytes, sha256, owner_id, visibility, version, created_at, truncated,
                   textless
            FROM documents
            WHERE id IN (:ids) AND visible_to(owner_id, visibility, :viewer)
            """)
    List<Document> findVisibleIn(Collection<UUID> ids, UUID viewer);

    @Query("""
            SELECT id, title, media_type, size_bytes, sha256, owner_id, visibility, version, created_at, truncated,
                   textless
            FROM documents
            WHERE visible_to(owner_id, visibility, :viewer)
            ORDER BY created_at DESC, id DESC
            LIMIT :limit
            """)
    List<Document> firstPage(UUID viewer, int limit);

    @Query("""
            SELECT id, title, media_type, size_bytes, sha256, owner_id, visibility, version, created_at, truncated,
                   textless
            FROM documents
            WHERE visible_to(owner_id, visibility, :viewer) AND (created_at, id) < (:createdAt, :id)
            ORDER BY created_at DESC, id DESC
            LIMIT :limit
            """)
    List<Document> pageAfter(UUID viewer, Instant createdAt, UUID id, int limit);

    /** Slices in the database, so that asking for a little of a long text never loads all of it here. */
    @Query("""
            SELECT id, substr(content, :offset + 1, :maxLength) AS content, char_length(content) AS length
            FROM documents
            WHERE id IN (:ids) AND visible_to(owner_id, visibility, :viewer)
            """)
    List<DocumentText> findTexts(Collection<UUID> ids, UUID viewer, int offset, int maxLength);

    /**
     * Locks a row the viewer may see, so that a concurrent delete of the same document waits and
     * then finds nothing. Whether the viewer may change it is the caller's decision.
     */
    @Query("""
            SELECT id, title, media_type, size_bytes, sha256, owner_id, visibility, version, created_at, truncated,
                   textless
            FROM documents WHERE id = :id AND visible_to(owner_id, visibility, :viewer) FOR UPDATE
            """)
    Optional<Document> findVisibleForUpdate(UUID id, UUID viewer);

    @Query("DELETE FROM documents WHERE id = :id")
    int deleteRow(UUID id);
}
