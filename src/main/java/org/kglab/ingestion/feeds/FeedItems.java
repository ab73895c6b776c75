package org.kglab.ingestion.feeds;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;
import org.kglab.documents.Document;
import org.kglab.identity.access.Caller;
import org.kglab.ingestion.FetchedSource;
import org.kglab.ingestion.IngestionService;
import org.kglab.ingestion.SourceMetadata;
import org.kglab.ingestion.web.WebSources;
import org.kglab.jobs.JobKind;
import org.kglab.jobs.JobService;
import org.kglab.platform.Failure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;

/**
 * One new item of a feed, ingested as the owner's document: the claim in {@code feed_items}, the PROCESSING
 * document and its job commit together, or none of them. An attempt that fails before a document is accepted is
 * counted on the item, in a transaction of its own; after {@link FeedProperties#itemAttempts()} the item is given
 * up, and its owner sees it as a DEAD job with the reason, instead of every later poll trying it again.
 */
@Singleton
final class FeedItems {

    private static final Logger LOG = LoggerFactory.getLogger(FeedItems.class);

    private final Feeds feeds;
    private final WebSources web;
    private final IngestionService ingestion;
    private final JobService jobs;
    private final TransactionOperations<Connection> transactions;
    private final FeedProperties properties;
    private final Clock clock;

    FeedItems(Feeds feeds, WebSources web, IngestionService ingestion, JobService jobs,
              TransactionOperations<Connection> transactions, FeedProperties properties, Clock clock) {
        this.feeds = feeds;
        this.web = web;
        this.ingestion = ingestion;
        this.jobs = jobs;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** @return why the attempt failed, or null when the item was ingested (or another poll took it meanwhile) */
    @Nullable String ingest(Feed feed, Caller owner, FeedReader.FeedItem item) {
        try {
            accept(feed, owner, item);
            return null;
        } catch (RuntimeException e) {
            String reason = e instanceof Failure f ? f.getMessage() : "It failed unexpectedly.";
            if (!(e instanceof Failure)) {
                LOG.warn("Item {} of feed {} failed", item.key(), feed.id(), e);
            }
            failed(feed, item, reason);
            return reason;
        }
    }

    private void accept(Feed feed, Caller owner, FeedReader.FeedItem item) {
        FetchedSource source = source(item);
        boolean consumed = false;
        try {
            consumed = transactions.executeWrite(status -> {
                if (feeds.claimItem(feed.id(), item.key(), clock.instant()) == 0) {
                    return false;
                }
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

    /** Counts the failed attempt; on the last one, the item is given up as a DEAD job of the owner's. */
    private void failed(Feed feed, FeedReader.FeedItem item, String reason) {
        transactions.executeWrite(status -> {
            feeds.itemFailed(feed.id(), item.key(), clock.instant(), reason, Math.max(1, properties.itemAttempts()));
            feeds.givenUpWithoutJob(feed.id(), item.key()).ifPresent(attempts -> {
                String told = "The feed item " + item.key() + " could not be ingested: " + reason + " (gave up after "
                        + attempts + (attempts == 1 ? " attempt)" : " attempts)");
                feeds.itemJob(feed.id(), item.key(), jobs.recordDead(feed.ownerId(), JobKind.FEED_ITEM, attempts,
                        told).id());
            });
            return null;
        });
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

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Staging is swept of old files at start-up.
        }
    }
}
