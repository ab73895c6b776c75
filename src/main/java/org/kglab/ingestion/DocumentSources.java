package org.kglab.ingestion;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Where fetched documents came from (table document_sources, migration V11). */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface DocumentSources extends GenericRepository<DocumentSource, UUID> {

    @Query("""
            INSERT INTO document_sources (document_id, original_url, canonical_url, author, published_at, fetched_at)
            VALUES (:documentId, :originalUrl, :canonicalUrl, :author, :publishedAt, :fetchedAt)
            """)
    void insert(UUID documentId, String originalUrl, @Nullable String canonicalUrl, @Nullable String author,
                @Nullable Instant publishedAt, Instant fetchedAt);

    /** Sources of the documents the viewer may see; others are absent. */
    @Query("""
            SELECT s.document_id, s.original_url, s.canonical_url, s.author, s.published_at, s.fetched_at
            FROM document_sources s JOIN documents d ON d.id = s.document_id
            WHERE s.document_id IN (:ids) AND visible_to(d.owner_id, d.visibility, :viewer)
            """)
    List<DocumentSource> findVisible(Collection<UUID> ids, UUID viewer);
}
