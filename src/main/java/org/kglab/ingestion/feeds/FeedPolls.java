package org.kglab.ingestion.feeds;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;
import org.kglab.documents.Document;
import org.kglab.identity.access.Caller;
import org.kglab.identity.access.Role;
import org.kglab.identity.access.UserId;
import org.kglab.ingestion.FetchedSource;
import org.kglab.ingestion.IngestionService;
import org.kglab.ingestion.SourceMetadata;
import org.kglab.ingestion.web.ContentKind;
import org.kglab.ingestion.web.FetchResult;
import org.kglab.ingestion.web.SafeHttpFetcher;
import org.kglab.ingestion.web.WebSources;
import org.kglab.jobs.JobKind;
import org.kglab.platform.Failure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * One poll of one feed: a conditional GET, then each new item, up to the per-poll bound, ingested as
 * the owner's document. An item counts as new until the unique insert into {@code feed_items} says
 * otherwise, and that insert commits with the document or not at all. A poll that fails leaves its
 * reason and the time of the next attempt on the feed.
 */
@Singleton
final class FeedPolls {

    private static final Logger LOG = LoggerFactory.getLogger(FeedPolls.class);

    private final Feeds feeds;
    private final SafeHttpFetcher fetcher;
    private final WebSources web;
    private final IngestionService ingestion;
    private final TransactionOperations<Connection> transactions;
    private final FeedProperties properties;
    private final Clock clock;

    FeedPolls(Feeds feeds, SafeHttpFetcher fetcher, WebSources web, IngestionService ingestion,
              TransactionOperations<Connection> transactions, FeedProperties properties, Clock clock) {
        this.feeds = feeds;
        this.fetcher = fetcher;
        this.web = web;
        this.ingestion = ingestion;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    void poll(Feed feed) {
        Instant started = clock.instant();
        Instant next = started.plusSeconds(feed.everySeconds());
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
                deleteQuietly(content.file());
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
            try {
                ingestItem(feed, owner, item);
            } catch (Failure e) {
                failed++;
                firstError = firstError == null ? e.getMessage() : firstError;
            }
        }
        return failed == 0 ? null
                : failed + " of " + taken + " new items could not be ingested and will be tried again; the first: "
                        + firstError;
    }

    private void ingestItem(Feed feed, Caller owner, FeedReader.FeedItem item) {
        FetchedSource source = source(item);
        boolean consumed = false;
        try {
            consumed = transactions.executeWrite(status -> {
                if (feeds.claimItem(feed.id(), item.key(), clock.instant()) == 0) {
                    return false;
                }
                // The claim, the PROCESSING document with its source and the item's job commit together, or none.
                Document document = ingestion.acceptFetched(owner, feed.visibility(), source, JobKind.FEED_ITEM,
                        feed.id()).document();
                feeds.itemIngested(feed.id(), item.key(), document.id());
                return true;
            });
        } finally {
            if (!consumed) {
                deleteQuietly(source.file());
            }
        }
    }

    /** The linked page when it can be fetched, else what the feed itself carries of the item. */
    private FetchedSource source(FeedReader.FeedItem item) {
        var metadata = new SourceMetadata(item.link() == null ? item.key() : item.link(), null, item.title(),
                item.author(), item.publishedAt(), clock.instant());
        if (item.link() != null) {
            try {
                FetchedSource page = web.fetch(item.link());
                SourceMetadata fromPage = page.metadata();
                return new FetchedSource(page.file(), page.fileName(), page.mediaType(), new SourceMetadata(
                        item.link(), fromPage.canonicalUrl(), item.title() != null ? item.title() : fromPage.title(),
                        item.author() != null ? item.author() : fromPage.author(),
                        item.publishedAt() != null ? item.publishedAt() : fromPage.publishedAt(), fromPage.fetchedAt()));
            } catch (Failure e) {
                if (item.content() == null) {
                    throw e;
                }
                LOG.debug("Item link {} could not be fetched ({}); using the feed's own content", item.link(),
                        e.getMessage());
            }
        }
        if (item.content() == null) {
            throw InvalidFeed.badRequest("The item " + item.key() + " has neither a link nor content.");
        }
        return web.fromHtml(item.content(), "item.html", metadata);
    }

    private static void deleteQuietly(java.nio.file.Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Staging is swept of old files at start-up.
        }
    }
}
