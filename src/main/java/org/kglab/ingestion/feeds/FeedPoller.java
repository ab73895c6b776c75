package org.kglab.ingestion.feeds;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Polls due feeds on every tick. Due feeds are claimed with {@code FOR UPDATE SKIP LOCKED} and leased
 * in one short transaction, so that several instances share the feeds without polling one twice, and
 * a feed whose poller died is taken up again when its lease runs out.
 */
@Singleton
@Requires(property = "kglab.feeds.polling", notEquals = "false")
final class FeedPoller {

    private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);

    private final Feeds feeds;
    private final FeedPolls polls;
    private final TransactionOperations<Connection> transactions;
    private final FeedProperties properties;
    private final Clock clock;

    FeedPoller(Feeds feeds, FeedPolls polls, TransactionOperations<Connection> transactions,
               FeedProperties properties, Clock clock) {
        this.feeds = feeds;
        this.polls = polls;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${kglab.feeds.tick:30s}", initialDelay = "${kglab.feeds.tick:30s}")
    void tick() {
        try {
            List<Feed> due;
            do {
                due = claim();
                due.forEach(polls::poll);
            } while (due.size() == properties.batch());
        } catch (RuntimeException e) {
            // The database away (or the service stopping): the next tick tries again.
            LOG.warn("Feed polling stopped for this tick: {}", e.getMessage());
        }
    }

    List<Feed> claim() {
        Instant now = clock.instant();
        return transactions.executeWrite(status -> {
            List<Feed> due = feeds.lockDue(now, properties.batch());
            if (!due.isEmpty()) {
                feeds.lease(due.stream().map(Feed::id).toList(), now.plus(properties.lease()));
            }
            return due;
        });
    }
}
