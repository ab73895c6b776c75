package org.kglab.sync;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;

/**
 * Drains the outbox into Neo4j on a thread of its own, one {@link RelayPass} after another. Woken by
 * NOTIFY as soon as a change commits, and by a slow poll otherwise. An entry is marked processed only
 * after Neo4j has accepted it, so a crash at any point means the entry is applied again, which is
 * harmless. A failing entry is retried with exponential backoff; while Neo4j is unreachable the whole
 * relay backs off instead.
 */
@Singleton
@Requires(property = "kglab.sync.relay.enabled", notEquals = "false")
final class OutboxRelay {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    /** Entries due but locked by another relay must not turn waiting into spinning. */
    private static final Duration MIN_WAIT = Duration.ofMillis(25);

    private final Outbox outbox;
    private final RelayPass pass;
    private final OutboxSignal signal;
    private final RelayProperties properties;
    private final Clock clock;
    private final Thread thread;
    private volatile boolean running = true;

    OutboxRelay(Outbox outbox, RelayPass pass, OutboxSignal signal, RelayProperties properties, Clock clock) {
        this.outbox = outbox;
        this.pass = pass;
        this.signal = signal;
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
                RelayPass.Result batch = pass.run();
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

    private Duration untilNextAttempt() {
        Duration poll = properties.pollInterval();
        return outbox.nextAttemptAt()
                .map(next -> Duration.between(clock.instant(), next))
                .filter(wait -> wait.compareTo(poll) < 0)
                .map(wait -> wait.compareTo(MIN_WAIT) < 0 ? MIN_WAIT : wait)
                .orElse(poll);
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
