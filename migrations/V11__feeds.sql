-- Content fetched from the web (URLs and feed items), and the feeds that are polled for new items.

-- Where a fetched document came from. One row per document fetched from a URL or a feed; uploads have none.
CREATE TABLE document_sources (
    document_id   uuid PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    original_url  text        NOT NULL,
    canonical_url text,
    author        text,
    published_at  timestamptz,
    fetched_at    timestamptz NOT NULL
);

-- A feed one user follows. Polled when next_poll_at is due; a poll that fails sets last_error and
-- moves next_poll_at on with a backoff, and the feed stays.
CREATE TABLE feeds (
    id              uuid PRIMARY KEY,
    owner_id        uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    url             text        NOT NULL,
    visibility      text        NOT NULL CHECK (visibility IN ('PRIVATE', 'PUBLIC')),
    every_seconds   integer     NOT NULL CHECK (every_seconds BETWEEN 300 AND 604800),
    title           text,
    etag            text,
    last_modified   text,
    last_polled_at  timestamptz,
    next_poll_at    timestamptz NOT NULL,
    last_error      text,
    failures        integer     NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL,
    UNIQUE (owner_id, url)
);

CREATE INDEX feeds_due ON feeds (next_poll_at);
CREATE INDEX feeds_owner_page ON feeds (owner_id, created_at DESC, id DESC);

-- Every item of a feed that was ingested, by its GUID (or link). The unique key is what makes each
-- item ingested once, whichever instance polls and however often.
CREATE TABLE feed_items (
    feed_id     uuid        NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
    item_key    text        NOT NULL,
    document_id uuid        REFERENCES documents (id) ON DELETE SET NULL,
    seen_at     timestamptz NOT NULL,
    UNIQUE (feed_id, item_key)
);
