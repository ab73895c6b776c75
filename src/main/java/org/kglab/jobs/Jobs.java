package org.kglab.jobs;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The ingestion_jobs table. Reads on behalf of a user take the viewer and return only their jobs, unless
 * {@code :admin} is true; the filter is part of each query. State changes are conditional on the state they
 * expect, so that a cancel and a finishing attempt cannot both win.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface Jobs extends GenericRepository<Job, UUID> {

    String COLUMNS = """
            id, owner_id, document_id, kind, state, attempt, max_attempts, stage, percent, error, next_attempt_at,
            created_at, started_at, finished_at""";

    @Query("""
            INSERT INTO ingestion_jobs (id, owner_id, document_id, kind, state, attempt, max_attempts, stage, percent,
                                        created_at)
            VALUES (:id, :ownerId, :documentId, :kind, 'QUEUED', 0, :maxAttempts, 'STORED', 0, :createdAt)
            """)
    void insert(UUID id, UUID ownerId, @Nullable UUID documentId, String kind, int maxAttempts, Instant createdAt);

    @Query("""
            INSERT INTO ingestion_jobs (id, owner_id, kind, state, attempt, max_attempts, stage, percent, error,
                                        created_at, started_at, finished_at)
            VALUES (:id, :ownerId, :kind, 'DEAD', :attempts, :maxAttempts, 'STORED', 0, :error, :at, :at, :at)
            """)
    void insertDead(UUID id, UUID ownerId, String kind, int attempts, int maxAttempts, String error, Instant at);

    @Query("SELECT " + COLUMNS + " FROM ingestion_jobs WHERE id = :id")
    Optional<Job> find(UUID id);

    @Query("SELECT " + COLUMNS + " FROM ingestion_jobs WHERE id = :id FOR UPDATE")
    Optional<Job> findForUpdate(UUID id);

    @Query("SELECT " + COLUMNS + " FROM ingestion_jobs WHERE id = :id AND (owner_id = :viewer OR :admin)")
    Optional<Job> findVisible(UUID id, UUID viewer, boolean admin);

    @Query("SELECT " + COLUMNS + """
             FROM ingestion_jobs
            WHERE (owner_id = :viewer OR :admin) AND (CAST(:state AS text) IS NULL OR state = :state)
              AND (CAST(:afterAt AS timestamptz) IS NULL OR (created_at, id) < (:afterAt, :afterId))
            ORDER BY created_at DESC, id DESC
            LIMIT :limit
            """)
    List<Job> page(UUID viewer, boolean admin, @Nullable String state, @Nullable Instant afterAt,
                   @Nullable UUID afterId, int limit);

    /**
     * Serialises the queuing of jobs of one kind until the transaction ends, across instances, so that the
     * check for one under way and the insert of a new one cannot interleave.
     */
    @Query("SELECT 1 FROM (SELECT pg_advisory_xact_lock(1861, hashtext(:kind))) AS locked")
    int lockKind(String kind);

    /** The oldest job of the kind that has not ended: queued, running, or failed and waiting to retry. */
    @Query("SELECT " + COLUMNS + """
             FROM ingestion_jobs
            WHERE kind = :kind AND state IN ('QUEUED', 'RUNNING', 'FAILED')
            ORDER BY created_at, id
            LIMIT 1
            """)
    Optional<Job> underWay(String kind);

    @Query("SELECT " + COLUMNS + " FROM ingestion_jobs WHERE document_id = :documentId ORDER BY created_at DESC LIMIT 1")
    Optional<Job> latestOfDocument(UUID documentId);

    @Query("""
            UPDATE ingestion_jobs SET state = 'RUNNING', attempt = attempt + 1, started_at = :now, next_attempt_at = NULL,
                                      stage = 'STORED', percent = 0
            WHERE id = :id
            """)
    void start(UUID id, Instant now);

    @Query("UPDATE ingestion_jobs SET stage = :stage, percent = :percent WHERE id = :id AND state = 'RUNNING'")
    int progress(UUID id, String stage, int percent);

    @Query("""
            UPDATE ingestion_jobs SET state = :state, stage = :stage, percent = :percent, error = :error,
                                      next_attempt_at = :nextAttemptAt, finished_at = :finishedAt
            WHERE id = :id
            """)
    void finish(UUID id, String state, String stage, int percent, @Nullable String error,
                @Nullable Instant nextAttemptAt, @Nullable Instant finishedAt);

    @Query("""
            UPDATE ingestion_jobs SET state = 'QUEUED', attempt = 0, stage = 'STORED', percent = 0, error = NULL,
                                      next_attempt_at = NULL, started_at = NULL, finished_at = NULL
            WHERE id = :id
            """)
    void requeue(UUID id);
}
