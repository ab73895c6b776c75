package org.kglab.sync;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.kglab.graph.GraphUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Drains the outbox into Neo4j on a thread of its own. Woken by NOTIFY as soon as a change
 * commits, and by a slow poll otherwise. An entry is marked processed only after Neo4j has
 * accepted it, so a crash at any point means the entry is applied again, which is harmless.
 * A failing entry is retried with exponential backoff; while Neo4j is unreachable the whole
 * relay backs off instead.
 */
@Singleton
@Requires(property = "kglab.sync.relay.enabled", notEquals = "false")
final class OutboxRelay {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int MAX_ERROR_LENGTH = 2_000;
    /** Entries due but locked by another relay must not turn waiting into spinning. */
    private static final Duration MIN_WAIT = Duration.ofMillis(25);

    private final Outbox outbox;
    private final GraphProjector projector;
    private final OutboxSignal signal;
    private final TransactionOperations<Connection> transactions;
    private final RelayProperties properties;
    private final Clock clock;
    private final Thread thread;
    private volatile boolean running = true;

    OutboxRelay(Outbox outbox, GraphProjector projector, OutboxSignal signal,
                TransactionOperations<Connection> transactions, RelayProperties properties, Clock clock) {
        this.outbox = outbox;
        this.projector = projector;
        this.signal = signal;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
        this.thread = Thread.ofPlatform().name("outbox-relay").daemon(true).unstarted(this::run);
    }

    @EventListener
    void start(StartupEvent event) {
        thread.start();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        // A notification ends the relay's wait at once; a sleep (while PostgreSQL is away) ends on interrupt.
        signal.wake();
        thread.interrupt();
        thread.join(Duration.ofSeconds(10));
        if (thread.isAlive()) {
            signal.abort();
        }
        signal.close();
    }

    private void run() {
        int unavailableStreak = 0;
        while (running) {
            try {
                Batch batch = relayBatch();
                if (batch.graphUnavailable()) {
                    unavailableStreak++;
                    Thread.sleep(properties.backoff(unavailableStreak));
                    continue;
                }
                unavailableStreak = 0;
                if (batch.claimed() < properties.batchSize()) {
                    signal.await(untilNextAttempt());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warn("Outbox relay pass failed, retrying: {}", e.toString());
                sleepQuietly(properties.backoff(++unavailableStreak));
            }
        }
    }

    /** Claims and applies one batch in one PostgreSQL transaction, which holds the claimed rows' locks. */
    Batch relayBatch() {
        return transactions.executeWrite(status -> {
            List<OutboxEntry> claimed = outbox.claimDue(properties.batchSize());
            List<Long> applied = new ArrayList<>(claimed.size());
            boolean unavailable = false;
            for (OutboxEntry entry : claimed) {
                try {
                    projector.apply(entry);
                    applied.add(entry.id());
                } catch (GraphUnavailable e) {
                    // Not the entry's fault: record it, keep it due, and back off as a whole.
                    outbox.markFailed(entry.id(), truncate(e.getMessage()), clock.instant());
                    unavailable = true;
                    break;
                } catch (RuntimeException e) {
                    Duration delay = properties.backoff(entry.attempts() + 1);
                    LOG.warn("Outbox entry {} ({} {}) failed on attempt {}, next try in {}: {}", entry.id(),
                            entry.eventType(), entry.aggregateId(), entry.attempts() + 1, delay, e.toString());
                    outbox.markFailed(entry.id(), truncate(e.toString()), clock.instant().plus(delay));
                }
            }
            if (!applied.isEmpty()) {
                outbox.markProcessed(applied);
            }
            return new Batch(claimed.size(), unavailable);
        });
    }

    private Duration untilNextAttempt() {
        Duration poll = properties.pollInterval();
        return outbox.nextAttemptAt()
                .map(next -> Duration.between(clock.instant(), next))
                .filter(wait -> wait.compareTo(poll) < 0)
                .map(wait -> wait.compareTo(MIN_WAIT) < 0 ? MIN_WAIT : wait)
                .orElse(poll);
    }

    private static String truncate(String message) {
        String text = message == null ? "" : message;
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    record Batch(int claimed, boolean graphUnavailable) {
    }
}
