package org.kglab.ingestion.feeds;

import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;
import org.kglab.documents.PageRequest;
import org.kglab.documents.Visibility;
import org.kglab.identity.access.Caller;
import org.kglab.identity.access.Scope;
import org.kglab.ingestion.web.ContentKind;
import org.kglab.ingestion.web.FetchResult;
import org.kglab.ingestion.web.SafeHttpFetcher;
import org.kglab.platform.paging.Cursors;
import org.kglab.platform.paging.Page;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** The feeds a user follows: add, list, remove. Only the owner ever sees or touches a feed. */
@Singleton
public class FeedService {

    private final Feeds feeds;
    private final SafeHttpFetcher fetcher;
    private final Clock clock;

    FeedService(Feeds feeds, SafeHttpFetcher fetcher, Clock clock) {
        this.feeds = feeds;
        this.fetcher = fetcher;
        this.clock = clock;
    }

    /**
     * Follows a feed. It is fetched and read once now, so that a wrong or refused URL is an error
     * here; its items are ingested by the poller, starting at once. Adding a feed twice returns the first.
     */
    public Feed add(Caller owner, String url, String every, Visibility visibility) {
        owner.require(Scope.INGEST);
        Duration interval = Every.parse(every);
        String title = check(url.strip());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        UUID id = UUID.randomUUID();
        UUID ownerId = owner.id().value();
        feeds.insert(id, ownerId, url.strip(), visibility.name(), (int) interval.toSeconds(), title, now, now);
        return feeds.findOwnedByUrl(ownerId, url.strip()).orElseThrow(() -> new FeedNotFound(id.toString()));
    }

    public Page<Feed> page(Caller owner, PageRequest request) {
        owner.require(Scope.READ);
        int limit = request.first() + 1;
        UUID ownerId = owner.id().value();
        List<Feed> rows;
        if (request.after() == null) {
            rows = feeds.firstPage(ownerId, limit);
        } else {
            Cursors.TimeAndId after = Cursors.timeAndId(request.after())
                    .orElseThrow(() -> InvalidFeed.badRequest("'after' is not a cursor of this list."));
            rows = feeds.pageAfter(ownerId, after.at(), after.id(), limit);
        }
        return Page.of(rows, request.first(), feed -> Cursors.encode(feed.createdAt(), feed.id()));
    }

    public void remove(Caller owner, String id) {
        owner.require(Scope.WRITE);
        if (feeds.deleteOwned(parse(id), owner.id().value()) == 0) {
            throw new FeedNotFound(id);
        }
    }

    /** Reads the feed once; its title, if it has one. */
    private @Nullable String check(String url) {
        FetchResult result = fetcher.fetch(url, ContentKind.FEED, null, null);
        var content = (FetchResult.Content) result;
        try {
            return FeedReader.read(content.file(), content.mediaType()
                    + (content.charset() == null ? "" : "; charset=" + content.charset()), url).title();
        } finally {
            try {
                Files.deleteIfExists(content.file());
            } catch (java.io.IOException e) {
                // Staging is swept of old files at start-up.
            }
        }
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new FeedNotFound(id.length() > 40 ? id.substring(0, 40) + "…" : id);
        }
    }

}
