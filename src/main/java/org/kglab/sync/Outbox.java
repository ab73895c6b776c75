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

/** The outbox table: appended to by changes, drained by the relay, pruned once processed (docs/adr/0003). */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface Outbox extends GenericRepository<OutboxEntry, Long> {

    @Query("""
            INSERT INTO outbox (aggregate_type, aggregate_id, revision, payload)
            VALUES (:aggregateType, :aggregateId, :revision, CAST(:payload AS jsonb))
            """)
    void append(String aggregateType, UUID aggregateId, long revision, String payload);

    /**
     * Serialises claims for the rest of the transaction. Without it, two relays claiming at once could each skip the
     * other's locked rows and take a later entry of an aggregate whose earlier one the other is about to lease.
     */
    @Query("SELECT count(*) FROM pg_advisory_xact_lock(7306041113)")
    long lockClaims();

    /**
     * The oldest entries that may be applied now: live, due, not leased, and only if every earlier pending entry
     * of the same aggregate may be too (so a claim holds a prefix of each aggregate's changes, and a failing,
     * parked or leased entry holds back its own aggregate only).
     */
    @Query("""
            SELECT o.id, o.aggregate_type, o.aggregate_id, o.revision, o.payload::text AS payload, o.attempts,
                   o.failures
            FROM outbox o
            WHERE o.processed_at IS NULL AND o.parked_at IS NULL
              AND o.next_attempt_at <= now()
              AND (o.claimed_until IS NULL OR o.claimed_until < now())
              AND NOT EXISTS (SELECT 1 FROM outbox e
                              WHERE e.aggregate_id = o.aggregate_id AND e.processed_at IS NULL AND e.id < o.id
                                AND (e.parked_at IS NOT NULL OR e.next_attempt_at > now() OR e.claimed_until >= now()))
            ORDER BY o.id
            LIMIT :limit
            FOR UPDATE SKIP LOCKED
            """)
    List<OutboxEntry> claimDue(int limit);

    @Query("UPDATE outbox SET claimed_until = now() + make_interval(secs => :seconds) WHERE id IN (:ids)")
    void lease(Collection<Long> ids, double seconds);

    @Query("UPDATE outbox SET claimed_until = NULL WHERE id IN (:ids)")
    void release(Collection<Long> ids);

    @Query("""
            UPDATE outbox SET processed_at = :at, claimed_until = NULL, last_error = NULL
            WHERE id IN (:ids)
            """)
    void markProcessed(Collection<Long> ids, Instant at);

    /** A failure the entry caused; the one that reaches {@code maxFailures} parks it. */
    @Query("""
            UPDATE outbox SET attempts = attempts + 1, failures = failures + 1, last_error = :error,
                   next_attempt_at = :nextAttemptAt, claimed_until = NULL,
                   parked_at = CASE WHEN failures + 1 >= :maxFailures THEN CAST(:at AS timestamptz) END,
                   park_reason = CASE WHEN failures + 1 >= :maxFailures
                                      THEN 'Failed ' || (failures + 1) || ' times; the last error: ' || CAST(:error AS text) END
            WHERE id = :id
            """)
    void markFailed(long id, String error, Instant nextAttemptAt, int maxFailures, Instant at);

    /** A try that found Neo4j unreachable: no fault of the entry, which stays due. */
    @Query("""
            UPDATE outbox SET attempts = attempts + 1, last_error = :error, next_attempt_at = :at, claimed_until = NULL
            WHERE id = :id
            """)
    void markUnavailable(long id, String error, Instant at);

    @Query("""
            UPDATE outbox SET parked_at = :at, park_reason = :reason, last_error = :reason, claimed_until = NULL
            WHERE id = :id
            """)
    void park(long id, String reason, Instant at);

    /** When the earliest claimable entry falls due (or its lease ends): only an aggregate's oldest live entry counts. */
    @Query("""
            SELECT min(greatest(o.next_attempt_at, coalesce(o.claimed_until, o.next_attempt_at))) FROM outbox o
            WHERE o.processed_at IS NULL AND o.parked_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM outbox e
                              WHERE e.aggregate_id = o.aggregate_id AND e.processed_at IS NULL AND e.id < o.id)
            """)
    Optional<Instant> nextAttemptAt();

    /** Deletes up to {@code limit} entries processed before {@code cutoff}, oldest first. */
    @Query("""
            DELETE FROM outbox WHERE id IN (
                SELECT id FROM outbox WHERE processed_at < :cutoff ORDER BY processed_at LIMIT :limit)
            """)
    int prune(Instant cutoff, int limit);

    @Query("SELECT count(*) FROM outbox WHERE processed_at IS NULL AND parked_at IS NULL")
    long countPending();

    @Query("SELECT count(*) FROM outbox WHERE parked_at IS NOT NULL")
    long countParked();

    /** How long the oldest pending entry has waited, in milliseconds, by the database's clock; empty if none. */
    @Query("""
            SELECT (extract(epoch FROM now() - min(created_at)) * 1000)::bigint FROM outbox
            WHERE processed_at IS NULL AND parked_at IS NULL
            """)
    Optional<Long> oldestPendingAgeMillis();

    /**
     * Those of {@code ids} with a change of this type not yet applied (pending or parked): in flight, not drifted.
     * Only the same type counts: a document's pending change says nothing of its chunk set.
     */
    @Query("""
            SELECT DISTINCT aggregate_id FROM outbox
            WHERE processed_at IS NULL AND aggregate_type = :aggregateType AND aggregate_id IN (:ids)
            """)
    List<UUID> findInFlight(String aggregateType, Collection<UUID> ids);
}
