package org.kglab.ingestion.feeds;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * How feeds are polled.
 *
 * @param tick         how often this instance looks for due feeds ({@code KGLAB_FEEDS_TICK})
 * @param batch        due feeds one tick takes on
 * @param itemsPerPoll new items ingested from one feed per poll; the rest wait for the next poll
 * @param lease        how long a claimed feed is left to the instance polling it; after a crash, it is
 *                     polled again once this has passed
 * @param maxBackoff   longest wait before retrying a feed that keeps failing
 * @param itemAttempts polls that try an item that fails before it is accepted as a document (its page cannot be
 *                     fetched, its type is not read); after the last, the item is given up as a DEAD job
 */
@ConfigurationProperties("kglab.feeds")
public record FeedProperties(
        @Bindable(defaultValue = "30s") Duration tick,
        @Bindable(defaultValue = "10") int batch,
        @Bindable(defaultValue = "20") int itemsPerPoll,
        @Bindable(defaultValue = "10m") Duration lease,
        @Bindable(defaultValue = "24h") Duration maxBackoff,
        @Bindable(defaultValue = "3") int itemAttempts) {

    /** The shortest and longest polling intervals a user may choose. */
    static final Duration MIN_EVERY = Duration.ofMinutes(5);
    static final Duration MAX_EVERY = Duration.ofDays(7);
    /** The first retry after a failure; each further failure doubles it, up to {@link #maxBackoff}. */
    static final Duration FIRST_BACKOFF = Duration.ofMinutes(5);
}
