package org.kglab.sync;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The outbox table: appended to by changes, drained by the relay. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface Outbox extends GenericRepository<OutboxEntry, Long> {

    @Query("""
            INSERT INTO outbox (aggregate_type, aggregate_id, aggregate_version, event_type, payload)
            VALUES (:aggregateType, :aggregateId, :aggregateVersion, :eventType, CAST(:payload AS jsonb))
            """)
    void append(String aggregateType, UUID aggregateId, long aggregateVersion, String eventType, String payload);

    /**
     * Claims the oldest due entry of each aggregate, and only if nothing older of that aggregate is
     * still pending, so that changes to one aggregate apply strictly in order while a stuck one
     * never holds up the others. Locked rows are skipped, so several relays can share the work.
     */
    @Query("""
            SELECT o.id, o.aggregate_type, o.aggregate_id, o.aggregate_version, o.event_type,
                   o.payload::text AS payload, o.attempts
            FROM outbox o
            WHERE o.processed_at IS NULL
              AND o.next_attempt_at <= now()
              AND NOT EXISTS (SELECT 1 FROM outbox e
                              WHERE e.aggregate_id = o.aggregate_id AND e.processed_at IS NULL AND e.id < o.id)
            ORDER BY o.id
            LIMIT :limit
            FOR UPDATE SKIP LOCKED
            """)
    List<OutboxEntry> claimDue(int limit);

    @Query("UPDATE outbox SET processed_at = now(), last_error = NULL WHERE id IN (:ids)")
    void markProcessed(Collection<Long> ids);

    @Query("""
            UPDATE outbox SET attempts = attempts + 1, last_error = :error, next_attempt_at = :nextAttemptAt
            WHERE id = :id
            """)
    void markFailed(long id, String error, Instant nextAttemptAt);

    /** When the earliest claimable entry falls due: only an aggregate's oldest pending entry counts. */
    @Query("""
            SELECT min(o.next_attempt_at) FROM outbox o
            WHERE o.processed_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM outbox e
                              WHERE e.aggregate_id = o.aggregate_id AND e.processed_at IS NULL AND e.id < o.id)
            """)
    Optional<Instant> nextAttemptAt();

    @Query("SELECT count(*) FROM outbox WHERE processed_at IS NULL")
    long countPending();
}
