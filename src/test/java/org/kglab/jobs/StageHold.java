package org.kglab.jobs;

import org.kglab.support.TestDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * Keeps a job that another process runs inside one stage, without timing luck. The test holds the job's row lock
 * and lets the runner's writes to that row through one at a time: PostgreSQL grants a row to its waiters in the
 * order they queued, so when the lock is handed on while a second connection of the test already waits, the runner
 * (if it was waiting) makes exactly one write before the test holds the row again. Once a write shows the stage,
 * the test keeps the row: the runner goes on with the stage's work and waits at its next report, still in it.
 */
final class StageHold implements AutoCloseable {

    private static final String LOCK = "SELECT stage, state FROM ingestion_jobs WHERE id = ?::uuid FOR UPDATE";
    private static final List<String> STAGES = List.of("STORED", "EXTRACTING", "CHUNKING", "EMBEDDING", "PROJECTING",
            "DONE");

    private final String jobId;
    private final String stage;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private final CompletableFuture<Void> reached;
    private Session holder;
    private Session waiter;
    private final Connection monitor;

    /** A connection of the test's own, and its server process (to see whether it waits). */
    private record Session(Connection connection, int pid) {
    }

    private StageHold(String jobId, String stage) throws SQLException {
        this.jobId = jobId;
        this.stage = stage;
        this.holder = session();
        this.waiter = session();
        this.monitor = open(true);
        this.reached = CompletableFuture.runAsync(this::step, threads);
    }

    /** Starts stepping the job (QUEUED or RUNNING) towards {@code stage}; {@link #awaitHeld} waits for it. */
    static StageHold of(String jobId, String stage) {
        try {
            return new StageHold(jobId, stage);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    String stage() {
        return stage;
    }

    /** Waits until the job is RUNNING in the stage, with its row held by this test. */
    void awaitHeld(long seconds) throws InterruptedException, ExecutionException, TimeoutException {
        reached.get(seconds, TimeUnit.SECONDS);
    }

    /** The job's stage and state as the held row reads now: what the runner last committed. */
    List<String> read() throws SQLException {
        return lock(holder.connection());
    }

    /**
     * Ends the statements that the killed runner's database sessions still had waiting on this row (the server
     * would otherwise carry out its last write after the process died), then lets the row go.
     */
    @Override
    public void close() throws SQLException {
        try (PreparedStatement s = monitor.prepareStatement("""
                SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                WHERE ?::int = ANY (pg_blocking_pids(pid))""")) {
            s.setInt(1, holder.pid());
            s.executeQuery().close();
        } finally {
            threads.shutdownNow();
            for (Session session : List.of(holder, waiter)) {
                session.connection().rollback();
                session.connection().close();
            }
            monitor.close();
        }
    }

    private void step() {
        try {
            List<String> row = lock(holder.connection());
            while (!row.getFirst().equals(stage)) {
                if (!List.of("QUEUED", "RUNNING").contains(row.get(1))
                        || STAGES.indexOf(row.getFirst()) > STAGES.indexOf(stage)) {
                    throw new IllegalStateException("Job " + jobId + " is " + row + ", past " + stage);
                }
                // The runner is busy with the stage's work: no need to hand the row over a thousand times a second.
                LockSupport.parkNanos(2_000_000);
                Session next = waiter;
                var queued = CompletableFuture.supplyAsync(() -> lockUnchecked(next.connection()), threads);
                awaitWaiting(next.pid());
                holder.connection().commit();
                row = queued.join();
                waiter = holder;
                holder = next;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Until the backend waits for a lock: only then is it in the row's queue, ahead of the runner's next write. */
    private void awaitWaiting(int pid) throws SQLException {
        try (PreparedStatement s = monitor.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE pid = ? AND wait_event_type = 'Lock'")) {
            s.setInt(1, pid);
            while (true) {
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    if (r.getInt(1) == 1) {
                        return;
                    }
                }
                LockSupport.parkNanos(200_000);
            }
        }
    }

    private List<String> lockUnchecked(Connection c) {
        try {
            return lock(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> lock(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(LOCK)) {
            s.setString(1, jobId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new IllegalStateException("No job " + jobId);
                }
                return List.of(r.getString(1), r.getString(2));
            }
        }
    }

    private static Session session() throws SQLException {
        Connection c = open(false);
        try (PreparedStatement s = c.prepareStatement("SELECT pg_backend_pid()"); ResultSet r = s.executeQuery()) {
            r.next();
            int pid = r.getInt(1);
            c.commit();
            return new Session(c, pid);
        }
    }

    private static Connection open(boolean autoCommit) throws SQLException {
        Connection c = DriverManager.getConnection(TestDatabase.url(), TestDatabase.user(), "");
        c.setAutoCommit(autoCommit);
        return c;
    }
}
