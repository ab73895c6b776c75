package org.kglab.sync;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;
import java.util.UUID;

/** The reconciler's runs and checkpoints (migration V14). */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ReconcileRuns extends GenericRepository<ReconcileRun, Long> {

    String SELECT_RUN = """
            SELECT id, started_at, finished_at, phase, last_id, drift_found, drift_repaired FROM sync_reconcile_runs
            """;

    /** Opens a run unless one is open (one at most, by a unique index). */
    @Query("""
            INSERT INTO sync_reconcile_runs (phase) VALUES (:phase)
            ON CONFLICT ((true)) WHERE finished_at IS NULL DO NOTHING
            """)
    void open(String phase);

    @Query(SELECT_RUN + " WHERE finished_at IS NULL")
    Optional<ReconcileRun> findOpen();

    /** The open run, locked until the transaction ends: one batch at a time, whatever the number of instances. */
    @Query(SELECT_RUN + " WHERE finished_at IS NULL FOR UPDATE")
    Optional<ReconcileRun> lockOpen();

    @Query("""
            UPDATE sync_reconcile_runs SET phase = :phase, last_id = :lastId, drift_found = drift_found + :found,
                   drift_repaired = drift_repaired + :repaired
            WHERE id = :id
            """)
    void advance(long id, String phase, UUID lastId, long found, long repaired);

    @Query("UPDATE sync_reconcile_runs SET finished_at = clock_timestamp() WHERE id = :id")
    void finish(long id);

    @Query(SELECT_RUN + " WHERE finished_at IS NOT NULL ORDER BY finished_at DESC, id DESC LIMIT 1")
    Optional<ReconcileRun> lastFinished();
}
