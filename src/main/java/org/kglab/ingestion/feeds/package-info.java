/**
 * RSS and Atom feeds a user follows: each polled on its own schedule with conditional GET, each new
 * item ingested once (the unique key of {@code feed_items} decides, across restarts and instances).
 * Its door is {@link org.kglab.ingestion.feeds.FeedService}.
 */
@NullMarked
package org.kglab.ingestion.feeds;

import org.jspecify.annotations.NullMarked;
