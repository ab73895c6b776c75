package org.kglab.ingestion.feeds;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The feeds and feed_items tables (migration V11). Feeds are owner-only: every read a user makes names
 * the owner. Only the poller reads feeds of everyone, to poll them.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface Feeds extends GenericRepository<Feed, UUID> {

    String COLUMNS = """
            f.id, f.owner_id, f.url, f.visibility, f.every_seconds, f.title, f.etag, f.last_modified,
            f.last_polled_at, f.next_poll_at, f.last_error, f.failures, f.created_at,
            (SELECT count(*) FROM feed_items i WHERE i.feed_id = f.id AND i.document_id IS NOT NULL) AS item_count
            """;

    @Query("""
            INSERT INTO feeds (id, owner_id, url, visibility, every_seconds, title, next_poll_at, created_at)
            VALUES (:id, :ownerId, :url, :visibility, :everySeconds, :title, :nextPollAt, :createdAt)
            ON CONFLICT (owner_id, url) DO NOTHING
            """)
    int insert(UUID id, UUID ownerId, String url, String visibility, int everySeconds, @Nullable String title,
               Instant nextPollAt, Instant createdAt);

    @Query("SELECT " + COLUMNS + " FROM feeds f WHERE f.id = :id AND f.owner_id = :owner")
    Optional<Feed> findOwned(UUID id, UUID owner);

    @Query("SELECT " + COLUMNS + " FROM feeds f WHERE f.owner_id = :owner AND f.url = :url")
    Optional<Feed> findOwnedByUrl(UUID owner, String url);

    @Query("SELECT " + COLUMNS + """
             FROM feeds f WHERE f.owner_id = :owner
            ORDER BY f.created_at DESC, f.id DESC LIMIT :limit
            """)
    List<Feed> firstPage(UUID owner, int limit);

    @Query("SELECT " + COLUMNS + """
             FROM feeds f WHERE f.owner_id = :owner AND (f.created_at, f.id) < (:createdAt, :id)
            ORDER BY f.created_at DESC, f.id DESC LIMIT :limit
            """)
    List<Feed> pageAfter(UUID owner, Instant createdAt, UUID id, int limit);

    @Query("DELETE FROM feeds WHERE id = :id AND owner_id = :owner")
    int deleteOwned(UUID id, UUID owner);

    /**
     * Due feeds, locked; rows another instance has locked are skipped. The caller leases them (moves
     * {@code next_poll_at} on) in the same transaction, so no other instance polls them meanwhile.
     */
    @Query("""
            SELECT f.id, f.owner_id, f.url, f.visibility, f.every_seconds, f.title, f.etag, f.last_modified,
                   f.last_polled_at, f.next_poll_at, f.last_error, f.failures, f.created_at, 0 AS item_count
            FROM feeds f WHERE f.next_poll_at <= :now
            ORDER BY f.next_poll_at LIMIT :limit
            FOR UPDATE OF f SKIP LOCKED
            """)
    List<Feed> lockDue(Instant now, int limit);

    @Query("UPDATE feeds SET next_poll_at = :until WHERE id IN (:ids)")
    void lease(Collection<UUID> ids, Instant until);

    @Query("""
            UPDATE feeds SET title = coalesce(:title, title), etag = :etag, last_modified = :lastModified,
                             last_polled_at = :polledAt, next_poll_at = :nextPollAt, last_error = :itemError,
                             failures = 0
            WHERE id = :id
            """)
    void polled(UUID id, @Nullable String title, @Nullable String etag, @Nullable String lastModified,
                Instant polledAt, Instant nextPollAt, @Nullable String itemError);

    @Query("""
            UPDATE feeds SET last_polled_at = :polledAt, next_poll_at = :nextPollAt, last_error = :error,
                             failures = failures + 1
            WHERE id = :id
            """)
    void failed(UUID id, String error, Instant polledAt, Instant nextPollAt);

    /** Whether the item was ingested or given up; one whose attempts so far failed is not done with. */
    @Query("""
            SELECT EXISTS (SELECT 1 FROM feed_items WHERE feed_id = :feedId AND item_key = :itemKey
                                                      AND state <> 'FAILING')
            """)
    boolean seen(UUID feedId, String itemKey);

    /**
     * 1 if this call recorded the item as ingested (new, or failing so far), 0 if it was ingested or given up
     * before: the one decision on "new".
     */
    @Query("""
            INSERT INTO feed_items (feed_id, item_key, seen_at) VALUES (:feedId, :itemKey, :seenAt)
            ON CONFLICT (feed_id, item_key) DO UPDATE
                SET state = 'INGESTED', seen_at = EXCLUDED.seen_at, last_error = NULL
                WHERE feed_items.state = 'FAILING'
            """)
    int claimItem(UUID feedId, String itemKey, Instant seenAt);

    /**
     * Counts a failed attempt at the item (in a transaction of its own, after the attempt's rolled back): FAILING
     * while attempts remain, then DEAD.
     */
    @Query("""
            INSERT INTO feed_items (feed_id, item_key, seen_at, state, attempts, last_error)
            VALUES (:feedId, :itemKey, :at, CASE WHEN :maxAttempts <= 1 THEN 'DEAD' ELSE 'FAILING' END, 1, :error)
            ON CONFLICT (feed_id, item_key) DO UPDATE
                SET attempts = feed_items.attempts + 1, last_error = EXCLUDED.last_error, seen_at = EXCLUDED.seen_at,
                    state = CASE WHEN feed_items.attempts + 1 >= :maxAttempts THEN 'DEAD' ELSE 'FAILING' END
                WHERE feed_items.state = 'FAILING'
            """)
    int itemFailed(UUID feedId, String itemKey, Instant at, String error, int maxAttempts);

    /** The attempts of an item that was just given up and has no job to show it yet; empty otherwise. */
    @Query("""
            SELECT attempts FROM feed_items
            WHERE feed_id = :feedId AND item_key = :itemKey AND state = 'DEAD' AND job_id IS NULL
            FOR UPDATE
            """)
    Optional<Integer> givenUpWithoutJob(UUID feedId, String itemKey);

    @Query("UPDATE feed_items SET job_id = :jobId WHERE feed_id = :feedId AND item_key = :itemKey")
    void itemJob(UUID feedId, String itemKey, UUID jobId);

    /** A due feed not polled because its owner's account is disabled: it is looked at again after its interval. */
    @Query("UPDATE feeds SET next_poll_at = :nextPollAt, last_error = :reason WHERE id = :id")
    void notPolled(UUID id, String reason, Instant nextPollAt);

    @Query("UPDATE feed_items SET document_id = :documentId WHERE feed_id = :feedId AND item_key = :itemKey")
    void itemIngested(UUID feedId, String itemKey, UUID documentId);
}
