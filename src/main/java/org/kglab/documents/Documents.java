package org.kglab.documents;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import org.jspecify.annotations.Nullable;

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

    /** The columns a {@link Document} is read from: the head of every query that returns one. */
    String SELECT_DOCUMENT = """
            SELECT id, title, media_type, size_bytes, sha256, owner_id, visibility, version, created_at, truncated,
                   textless, status, failure_reason
            """;

    @Query("""
            INSERT INTO documents (id, title, media_type, size_bytes, sha256, content, owner_id, visibility, version,
                                   created_at, status)
            VALUES (:id, :title, :mediaType, :sizeBytes, :sha256, '', :ownerId, :visibility, 1, :createdAt,
                    'PROCESSING')
            ON CONFLICT (owner_id, sha256) WHERE dedupe DO NOTHING
            """)
    int insertProcessing(UUID id, String title, String mediaType, long sizeBytes, String sha256, UUID ownerId,
                         String visibility, Instant createdAt);

    /** The owner's live document of these bytes: what an identical upload is answered with. */
    @Query(SELECT_DOCUMENT + """
            FROM documents WHERE owner_id = :ownerId AND sha256 = :sha256 AND dedupe
            """)
    Optional<Document> findSameContent(UUID ownerId, String sha256);

    /** Not filtered by viewer (nor the next): for the pipeline, which acts for the owner of the document it was given. */
    @Query(SELECT_DOCUMENT + """
            FROM documents WHERE id = :id FOR UPDATE
            """)
    Optional<Document> findForPipeline(UUID id);

    @Query("""
            UPDATE documents SET title = :title, media_type = :mediaType, content = :content, truncated = :truncated,
                                 textless = :textless
            WHERE id = :id
            """)
    int writeExtraction(UUID id, String title, String mediaType, String content, boolean truncated, boolean textless);

    @Query("UPDATE documents SET status = :status, failure_reason = :failureReason WHERE id = :id")
    int setStatus(UUID id, String status, @Nullable String failureReason);

    @Query("""
            INSERT INTO document_provenance (document_id, source_kind, file_name, url, feed_id, uploaded_by, api_key_id,
                                             fetched_at, pipeline_version)
            VALUES (:documentId, :sourceKind, :fileName, :url, :feedId, :uploadedBy, :apiKeyId, :fetchedAt,
                    :pipelineVersion)
            """)
    void insertProvenance(UUID documentId, String sourceKind, @Nullable String fileName, @Nullable String url,
                          @Nullable UUID feedId, @Nullable UUID uploadedBy, @Nullable UUID apiKeyId,
                          @Nullable Instant fetchedAt, String pipelineVersion);

    @Query("UPDATE document_provenance SET extractor = :extractor, language = :language WHERE document_id = :documentId")
    void setExtractor(UUID documentId, String extractor, @Nullable String language);

    @Query("UPDATE document_provenance SET ingested_at = :ingestedAt WHERE document_id = :documentId")
    void setIngestedAt(UUID documentId, Instant ingestedAt);

    @Query("SELECT file_name FROM document_provenance WHERE document_id = :documentId")
    Optional<String> findFileName(UUID documentId);

    @Query(SELECT_DOCUMENT + """
            FROM documents WHERE id = :id
            """)
    Optional<Document> findVisibleToPipeline(UUID id);

    @Query("""
            SELECT p.document_id, p.source_kind, p.file_name, p.url, p.feed_id, p.uploaded_by, p.api_key_id, p.fetched_at,
                   p.ingested_at, p.language, p.extractor, p.pipeline_version
            FROM document_provenance p JOIN documents d ON d.id = p.document_id
            WHERE p.document_id IN (:ids) AND visible_to(d.owner_id, d.visibility, :viewer)
            """)
    List<Provenance> findProvenances(Collection<UUID> ids, UUID viewer);

    @Query(SELECT_DOCUMENT + """
            FROM documents
            WHERE id = :id AND visible_to(owner_id, visibility, :viewer)
            """)
    Optional<Document> findVisible(UUID id, UUID viewer);

    @Query(SELECT_DOCUMENT + """
            FROM documents
            WHERE id IN (:ids) AND visible_to(owner_id, visibility, :viewer)
            """)
    List<Document> findVisibleIn(Collection<UUID> ids, UUID viewer);

    @Query(SELECT_DOCUMENT + """
            FROM documents
            WHERE visible_to(owner_id, visibility, :viewer)
            ORDER BY created_at DESC, id DESC
            LIMIT :limit
            """)
    List<Document> firstPage(UUID viewer, int limit);

    @Query(SELECT_DOCUMENT + """
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
    @Query(SELECT_DOCUMENT + """
            FROM documents WHERE id = :id AND visible_to(owner_id, visibility, :viewer) FOR UPDATE
            """)
    Optional<Document> findVisibleForUpdate(UUID id, UUID viewer);

    @Query("DELETE FROM documents WHERE id = :id")
    int deleteRow(UUID id);

    /** READY documents (those the graph holds) after {@code after} in id order: the reconciler's walk. */
    @Query(SELECT_DOCUMENT + """
            FROM documents
            WHERE status = 'READY' AND id > :after
            ORDER BY id
            LIMIT :limit
            """)
    List<Document> findReadyAfter(UUID after, int limit);

    @Query(SELECT_DOCUMENT + """
            FROM documents
            WHERE status = 'READY' AND id IN (:ids)
            """)
    List<Document> findReadyIn(Collection<UUID> ids);
}
