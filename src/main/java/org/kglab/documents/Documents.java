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

/** The documents table. Text is written with the row but read only through {@link #findTexts}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface Documents extends GenericRepository<Document, UUID> {

    @Query("""
            INSERT INTO documents (id, title, media_type, size_bytes, sha256, content, version, created_at)
            VALUES (:id, :title, :mediaType, :sizeBytes, :sha256, :content, :version, :createdAt)
            """)
    void insert(UUID id, String title, String mediaType, long sizeBytes, String sha256, String content,
                long version, Instant createdAt);

    Optional<Document> findById(UUID id);

    @Query("""
            SELECT id, title, media_type, size_bytes, sha256, version, created_at
            FROM documents
            ORDER BY created_at DESC, id DESC
            LIMIT :limit
            """)
    List<Document> firstPage(int limit);

    @Query("""
            SELECT id, title, media_type, size_bytes, sha256, version, created_at
            FROM documents
            WHERE (created_at, id) < (:createdAt, :id)
            ORDER BY created_at DESC, id DESC
            LIMIT :limit
            """)
    List<Document> pageAfter(Instant createdAt, UUID id, int limit);

    @Query("SELECT id, content FROM documents WHERE id IN (:ids)")
    List<DocumentText> findTexts(Collection<UUID> ids);

    /** Locks the row, so that a concurrent delete of the same document waits and then finds nothing. */
    @Query("""
            SELECT id, title, media_type, size_bytes, sha256, version, created_at
            FROM documents WHERE id = :id FOR UPDATE
            """)
    Optional<Document> findByIdForUpdate(UUID id);

    @Query("DELETE FROM documents WHERE id = :id")
    int deleteRow(UUID id);
}
