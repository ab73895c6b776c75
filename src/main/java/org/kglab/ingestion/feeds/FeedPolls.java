package org.kglab.ingestion.feeds;

import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;
import org.kglab.identity.access.AccountStanding;
import org.kglab.identity.access.Caller;
import org.kglab.identity.access.Role;
import org.kglab.identity.access.UserId;
import org.kglab.ingestion.web.ContentKind;
import org.kglab.ingestion.web.FetchResult;
import org.kglab.ingestion.web.SafeHttpFetcher;
import org.kglab.platform.Failure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * One poll of one feed: a conditional GET, then each new item, up to the per-poll bound, ingested as
 * the owner's document ({@link FeedItems}). A poll that fails leaves its reason and the time of the next attempt
 * on the feed. The feeds of a disabled account are not polled.
 */
@Singleton
final class FeedPolls {

    private static final Logger LOG = LoggerFactory.getLogger(FeedPolls.class);

    private final Feeds feeds;
    private final SafeHttpFetcher fetcher;
    private final FeedItems items;
    private final AccountStanding accounts;
    private final FeedProperties properties;
    private final Clock clock;

    FeedPolls(Feeds feeds, SafeHttpFetcher fetcher, FeedItems items, AccountStanding accounts,
              FeedProperties properties, Clock clock) {
        this.feeds = feeds;
        this.fetcher = fetcher;
        this.items = items;
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
    }

    void poll(Feed feed) {
        Instant started = clock.instant();
        Instant next = started.plusSeconds(feed.everySeconds());
        if (accounts.disabled(new UserId(feed.ownerId()))) {
            // Nothing is fetched on behalf of a disabled account; once it is enabled again, polling resumes.
            feeds.notPolled(feed.id(), "Not polled: the account that follows this feed is disabled.", next);
            return;
        }
        FetchResult result;
        FeedReader.ParsedFeed parsed;
        try {
            result = fetcher.fetch(feed.url(), ContentKind.FEED, feed.etag(), feed.lastModified());
            if (result instanceof FetchResult.NotModified) {
                feeds.polled(feed.id(), null, feed.etag(), feed.lastModified(), started, next, null);
                return;
            }
            var content = (FetchResult.Content) result;
            try {
                parsed = FeedReader.read(content.file(), content.mediaType()
                        + (content.charset() == null ? "" : "; charset=" + content.charset()), feed.url());
            } finally {
                FeedItems.deleteQuietly(content.file());
            }
            String itemError = ingestNewItems(feed, parsed);
            feeds.polled(feed.id(), parsed.title(), content.etag(), content.lastModified(), started, next, itemError);
        } catch (Failure e) {
            failed(feed, e.getMessage(), started);
        } catch (RuntimeException e) {
            LOG.warn("Polling feed {} failed", feed.id(), e);
            failed(feed, "Polling failed unexpectedly: " + e.getClass().getSimpleName(), started);
        }
    }

    private void failed(Feed feed, String reason, Instant at) {
        int failures = feed.failures() + 1;
        Duration delay = FeedProperties.FIRST_BACKOFF.multipliedBy(1L << Math.min(failures - 1, 20));
        if (delay.compareTo(properties.maxBackoff()) > 0) {
            delay = properties.maxBackoff();
        }
        feeds.failed(feed.id(), reason, at, at.plus(delay));
    }

    /** @return a sentence about items that could not be ingested (they are tried again next time), or null */
    private @Nullable String ingestNewItems(Feed feed, FeedReader.ParsedFeed parsed) {
        Caller owner = new Caller(new UserId(feed.ownerId()), Set.of(Role.USER));
        int taken = 0;
        int failed = 0;
        String firstError = null;
        for (FeedReader.FeedItem item : parsed.items()) {
            if (taken >= properties.itemsPerPoll()) {
                break;
            }
            if (feeds.seen(feed.id(), item.key())) {
                continue;
            }
            taken++;
            String error = items.ingest(feed, owner, item);
            if (error != null) {
                failed++;
                firstError = firstError == null ? error : firstError;
            }
        }
        return failed == 0 ? null
                : failed + " of " + taken + " new items could not be ingested; each is tried at up to "
                        + properties.itemAttempts() + " polls. The first: " + firstError;
    }
}
