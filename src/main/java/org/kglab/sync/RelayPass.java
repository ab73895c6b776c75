package org.kglab.sync;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;
import org.kglab.graph.GraphProjection;
import org.kglab.graph.GraphSchema;
import org.kglab.graph.GraphStore;
import org.kglab.graph.GraphUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One pass of the relay (docs/adr/0003): claims a batch and leases it in a short PostgreSQL transaction, applies
 * it to Neo4j in one transaction while holding no PostgreSQL lock, and marks it processed in another short one. A
 * crash in between leaves the lease to expire and the batch to be applied again, which changes nothing.
 */
@Singleton
final class RelayPass {

    private static final Logger LOG = LoggerFactory.getLogger(RelayPass.class);
    private static final int MAX_ERROR_LENGTH = 2_000;
    private static final Argument<Map<String, Object>> STATE = Argument.mapOf(String.class, Object.class);

    private final Outbox outbox;
    private final Projections projections;
    private final GraphStore graph;
    private final GraphSchema schema;
    private final ObjectMapper json;
    private final TransactionOperations<Connection> transactions;
    private final RelayProperties properties;
    private final Clock clock;

    RelayPass(Outbox outbox, Projections projections, GraphStore graph, GraphSchema schema, ObjectMapper json,
              TransactionOperations<Connection> transactions, RelayProperties properties, Clock clock) {
        this.outbox = outbox;
        this.projections = projections;
        this.graph = graph;
        this.schema = schema;
        this.json = json;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** What a pass did: how many entries it claimed, and whether Neo4j was unreachable. */
    record Result(int claimed, boolean graphUnavailable) {
    }

    /** A claimed entry with the row its projection applies. */
    private record Ready(OutboxEntry entry, GraphProjection.Row row) {
    }

    Result run() {
        List<OutboxEntry> claimed = claim();
        if (claimed.isEmpty()) {
            return new Result(0, false);
        }
        return new Result(claimed.size(), apply(prepare(claimed)));
    }

    private List<OutboxEntry> claim() {
        return transactions.executeWrite(status -> {
            outbox.lockClaims();
            List<OutboxEntry> claimed = outbox.claimDue(properties.batchSize());
            if (!claimed.isEmpty()) {
                outbox.lease(claimed.stream().map(OutboxEntry::id).toList(), properties.lease().toMillis() / 1000.0);
            }
            return claimed;
        });
    }

    /**
     * Reads each entry into its projection's row. An entry of a type no projection applies is parked; one whose
     * state its projection cannot read fails. Either way its aggregate's later entries wait for a later pass.
     */
    private List<Ready> prepare(List<OutboxEntry> claimed) {
        Set<UUID> held = new HashSet<>();
        List<Ready> ready = new ArrayList<>();
        List<Long> waiting = new ArrayList<>();
        for (OutboxEntry entry : claimed) {
            Optional<GraphProjection> projection = projections.of(entry.aggregateType());
            if (held.contains(entry.aggregateId())) {
                waiting.add(entry.id());
            } else if (projection.isEmpty()) {
                park(entry, "No projection applies changes of aggregate type '" + entry.aggregateType() + "'");
                held.add(entry.aggregateId());
            } else {
                try {
                    ready.add(new Ready(entry, projection.get().row(entry.aggregateId(), entry.revision(), state(entry))));
                } catch (IOException | RuntimeException e) {
                    fail(entry, e);
                    held.add(entry.aggregateId());
                }
            }
        }
        release(waiting);
        return ready;
    }

    /** @return whether Neo4j was unreachable */
    private boolean apply(List<Ready> ready) {
        if (ready.isEmpty()) {
            return false;
        }
        try {
            schema.ensureApplied();
            List<List<GraphProjection.Row>> stages = BatchPlan.stages(ready, r -> r.entry().aggregateId(),
                            r -> r.entry().aggregateType()).stream()
                    .map(stage -> stage.stream().map(Ready::row).toList())
                    .toList();
            graph.project(stages, properties.applyTimeout());
            outbox.markProcessed(ready.stream().map(r -> r.entry().id()).toList(), clock.instant());
            return false;
        } catch (GraphUnavailable e) {
            unavailable(ready, e);
            return true;
        } catch (RuntimeException e) {
            if (interrupted(e)) {
                // The relay is stopping: not the batch's fault. Another pass (or instance) applies it.
                release(ready.stream().map(r -> r.entry().id()).toList());
                return false;
            }
            LOG.info("A batch of {} outbox entries failed as a whole, applying them one by one: {}", ready.size(),
                    e.toString());
            return applyOneByOne(ready);
        }
    }

    /** Finds the entry that failed the batch: it fails, its aggregate's later entries wait, the rest are applied. */
    private boolean applyOneByOne(List<Ready> ready) {
        Set<UUID> held = new HashSet<>();
        List<Long> waiting = new ArrayList<>();
        for (int i = 0; i < ready.size(); i++) {
            Ready next = ready.get(i);
            if (held.contains(next.entry().aggregateId())) {
                waiting.add(next.entry().id());
                continue;
            }
            try {
                graph.project(List.of(List.of(next.row())), properties.applyTimeout());
                outbox.markProcessed(List.of(next.entry().id()), clock.instant());
            } catch (GraphUnavailable e) {
                release(waiting);
                unavailable(ready.subList(i, ready.size()), e);
                return true;
            } catch (RuntimeException e) {
                fail(next.entry(), e);
                held.add(next.entry().aggregateId());
            }
        }
        release(waiting);
        return false;
    }

    private @Nullable Map<String, Object> state(OutboxEntry entry) throws IOException {
        return "null".equals(entry.payload().strip()) ? null : json.readValue(entry.payload(), STATE);
    }

    /** Not the entries' fault: the oldest records the try, and all stay due for when Neo4j is back. */
    private void unavailable(List<Ready> ready, GraphUnavailable e) {
        transactions.executeWrite(status -> {
            outbox.markUnavailable(ready.getFirst().entry().id(), truncate(e.getMessage()), clock.instant());
            release(ready.subList(1, ready.size()).stream().map(r -> r.entry().id()).toList());
            return null;
        });
    }

    private void fail(OutboxEntry entry, Exception e) {
        int failures = entry.failures() + 1;
        Duration delay = properties.backoff(failures);
        LOG.warn("Outbox entry {} ({} {}) failed {} time(s), next try in {} (parked at {}): {}", entry.id(),
                entry.aggregateType(), entry.aggregateId(), failures, delay, properties.maxAttempts(), e.toString());
        outbox.markFailed(entry.id(), truncate(e.toString()), clock.instant().plus(delay), properties.maxAttempts(),
                clock.instant());
    }

    private void park(OutboxEntry entry, String reason) {
        LOG.warn("Outbox entry {} ({} {}) parked: {}", entry.id(), entry.aggregateType(), entry.aggregateId(), reason);
        outbox.park(entry.id(), reason, clock.instant());
    }

    private void release(List<Long> ids) {
        if (!ids.isEmpty()) {
            outbox.release(ids);
        }
    }

    private static boolean interrupted(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InterruptedException) {
                return true;
            }
        }
        return Thread.currentThread().isInterrupted();
    }

    private static String truncate(@Nullable String message) {
        String text = message == null ? "" : message;
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }
}
