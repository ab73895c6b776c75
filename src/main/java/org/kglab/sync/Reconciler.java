package org.kglab.sync;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.kglab.graph.GraphProjection;
import org.kglab.platform.change.ChangeSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks invariant I1 and repairs the graph from PostgreSQL (docs/sync.md, docs/adr/0003). A run walks every phase
 * of the {@link ReconcilePlan} batch by batch; each batch is one PostgreSQL transaction holding its repairs (outbox
 * entries) and the run's checkpoint, so a run stopped by a restart resumes at its last batch. Against an empty graph
 * the same run is the rebuild: every row is missing, and is published again.
 */
@Singleton
final class Reconciler {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    private final ReconcileRuns runs;
    private final ReconcileBatch batch;
    private final ReconcileProperties properties;
    private final TransactionOperations<Connection> transactions;
    private final Map<String, ChangeSource> sources;
    private final Projections projections;
    private final ReconcilePlan plan;

    Reconciler(ReconcileRuns runs, ReconcileBatch batch, ReconcileProperties properties,
               TransactionOperations<Connection> transactions, List<ChangeSource> sources, Projections projections) {
        this.runs = runs;
        this.batch = batch;
        this.properties = properties;
        this.transactions = transactions;
        this.sources = sources.stream().filter(s -> projections.of(s.aggregateType()).isPresent())
                .collect(Collectors.toUnmodifiableMap(ChangeSource::aggregateType, Function.identity()));
        this.projections = projections;
        this.plan = new ReconcilePlan(this.sources.keySet());
    }

    @Scheduled(fixedDelay = "${kglab.sync.reconcile.interval:10m}",
            initialDelay = "${kglab.sync.reconcile.interval:10m}")
    void onSchedule() {
        if (!properties.enabled()) {
            return;
        }
        try {
            finishOpenRun();
        } catch (RuntimeException e) {
            LOG.warn("Reconciling the graph stopped; the run resumes at its checkpoint next time: {}", e.toString());
        }
    }

    /** Finishes the open run, if any, then makes a whole new one: a full pass that begins now. */
    void fullPass() {
        if (runs.findOpen().isPresent()) {
            finishOpenRun();
        }
        finishOpenRun();
    }

    /** Continues the open run (opening one if none is) until it finishes. */
    void finishOpenRun() {
        while (!step()) {
            // each step commits its own checkpoint
        }
    }

    /** One batch of the open run, opened if none is; true once that run has finished. */
    boolean step() {
        Boolean finished = transactions.executeWrite(status -> {
            ReconcileRun run = runs.lockOpen().orElseGet(this::openRun);
            ReconcilePlan.Phase phase = plan.phase(run.phase());
            // A phase the plan no longer has restarts at the first, from its first id.
            UUID after = phase.name().equals(run.phase()) ? run.lastId() : ChangeSource.FIRST;
            ReconcileBatch.Outcome outcome = run(phase, after);
            if (!outcome.done()) {
                runs.advance(run.id(), phase.name(), outcome.lastId(), outcome.found(), outcome.repaired());
                return false;
            }
            ReconcilePlan.Phase next = plan.next(phase).orElse(null);
            runs.advance(run.id(), next == null ? phase.name() : next.name(), ChangeSource.FIRST, outcome.found(),
                    outcome.repaired());
            if (next == null) {
                runs.finish(run.id());
                return true;
            }
            return false;
        });
        return Boolean.TRUE.equals(finished);
    }

    /** Opens a run, or takes the one another instance has just opened. */
    private ReconcileRun openRun() {
        runs.open(plan.first().name());
        return runs.lockOpen().orElseThrow(() -> new IllegalStateException("No reconcile run is open"));
    }

    private ReconcileBatch.Outcome run(ReconcilePlan.Phase phase, UUID after) {
        int limit = properties.batchSize();
        if (phase.kind() == ReconcilePlan.Kind.STRAYS) {
            return batch.strays(limit);
        }
        ChangeSource source = sources.get(phase.aggregateType());
        GraphProjection projection = projections.of(phase.aggregateType()).orElse(null);
        if (source == null || projection == null) {
            return new ReconcileBatch.Outcome(ChangeSource.FIRST, true, 0, 0);
        }
        return phase.kind() == ReconcilePlan.Kind.ROWS
                ? batch.rows(source, projection, after, limit)
                : batch.nodes(source, projection, after, limit);
    }
}
