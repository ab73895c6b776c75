-- Embeddings arrive in a later migration; the extension is created first so that every
-- environment fails early, at migration time, if pgvector is missing.
CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE documents (
    id          uuid        PRIMARY KEY,
    title       text        NOT NULL,
    media_type  text        NOT NULL,
    size_bytes  bigint      NOT NULL CHECK (size_bytes > 0),
    sha256      char(64)    NOT NULL,
    content     text        NOT NULL,
    -- Bumped on every change; the graph projection only applies a change newer than what it holds.
    version     bigint      NOT NULL DEFAULT 1,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Keyset pagination walks documents newest first.
CREATE INDEX documents_created_at_id_idx ON documents (created_at DESC, id DESC);

-- Transactional outbox: written in the same transaction as the change it describes and
-- applied to Neo4j by the relay, in id order within each aggregate.
CREATE TABLE outbox (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    aggregate_type     text        NOT NULL,
    aggregate_id       uuid        NOT NULL,
    aggregate_version  bigint      NOT NULL,
    event_type         text        NOT NULL,
    payload            jsonb       NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    attempts           integer     NOT NULL DEFAULT 0,
    next_attempt_at    timestamptz NOT NULL DEFAULT now(),
    last_error         text,
    processed_at       timestamptz
);

CREATE INDEX outbox_pending_idx ON outbox (id) WHERE processed_at IS NULL;
CREATE INDEX outbox_pending_aggregate_idx ON outbox (aggregate_id, id) WHERE processed_at IS NULL;

-- Wakes the relay as soon as a change commits (NOTIFY is delivered on commit only).
CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('kglab_outbox', NEW.id::text);
    RETURN NULL;
END;
$$;

CREATE TRIGGER outbox_notify_after_insert
    AFTER INSERT ON outbox
    FOR EACH ROW EXECUTE FUNCTION outbox_notify();
