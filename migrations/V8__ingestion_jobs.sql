-- Ingestion becomes a durable background job: a document exists (PROCESSING) from the moment its upload is
-- accepted, and moves to READY or FAILED when its job ends.
ALTER TABLE documents
    ADD COLUMN status         text NOT NULL DEFAULT 'READY' CHECK (status IN ('PROCESSING', 'READY', 'FAILED')),
    ADD COLUMN failure_reason text,
    -- Whether an identical upload (same owner, same bytes) is answered with this document. Only documents stored
    -- before deduplication existed can be false: older copies of the same bytes stay, but only the first counts.
    ADD COLUMN dedupe         boolean NOT NULL DEFAULT true;

UPDATE documents d SET dedupe = false
WHERE EXISTS (SELECT 1 FROM documents o
              WHERE o.owner_id = d.owner_id AND o.sha256 = d.sha256 AND (o.created_at, o.id) < (d.created_at, d.id));

-- Exact dedupe: one live document per owner and content. Two concurrent uploads of the same bytes race on this
-- index, and the loser answers with the winner's document.
CREATE UNIQUE INDEX documents_owner_sha256_idx ON documents (owner_id, sha256) WHERE dedupe;

-- Where a document came from, one row per document. Sources other than uploads fill url, feed and fetch time;
-- language detection fills language.
CREATE TABLE document_provenance (
    document_id      uuid        PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    source_kind      text        NOT NULL CHECK (source_kind IN ('UPLOAD', 'URL', 'FEED')),
    file_name        text,
    url              text,
    feed_id          uuid,
    uploaded_by      uuid        REFERENCES users (id) ON DELETE SET NULL,
    api_key_id       uuid,
    fetched_at       timestamptz,
    ingested_at      timestamptz,
    language         text,
    extractor        text,
    pipeline_version text        NOT NULL
);

INSERT INTO document_provenance (document_id, source_kind, uploaded_by, ingested_at, pipeline_version)
SELECT id, 'UPLOAD', owner_id, created_at, '0' FROM documents;

-- What users see of each ingestion. The scheduler's own table below decides when work runs; this one is the truth
-- about each job, written in the same transaction as the work it describes.
CREATE TABLE ingestion_jobs (
    id              uuid        PRIMARY KEY,
    owner_id        uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    document_id     uuid        REFERENCES documents (id) ON DELETE SET NULL,
    kind            text        NOT NULL CHECK (kind IN ('UPLOAD', 'URL', 'FEED_ITEM', 'REEMBED')),
    state           text        NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'DEAD',
                                                          'CANCELLED')),
    attempt         integer     NOT NULL DEFAULT 0,
    max_attempts    integer     NOT NULL CHECK (max_attempts > 0),
    stage           text        NOT NULL CHECK (stage IN ('STORED', 'EXTRACTING', 'CHUNKING', 'EMBEDDING',
                                                          'PROJECTING', 'DONE')),
    percent         integer     NOT NULL DEFAULT 0 CHECK (percent BETWEEN 0 AND 100),
    error           text,
    next_attempt_at timestamptz,
    created_at      timestamptz NOT NULL,
    started_at      timestamptz,
    finished_at     timestamptz
);

-- A user's jobs newest first, optionally of one state; an administrator's view of all of them.
CREATE INDEX ingestion_jobs_owner_created_idx ON ingestion_jobs (owner_id, created_at DESC, id DESC);
CREATE INDEX ingestion_jobs_created_idx ON ingestion_jobs (created_at DESC, id DESC);
CREATE INDEX ingestion_jobs_document_idx ON ingestion_jobs (document_id);

-- db-scheduler's table, as its documentation gives it for PostgreSQL. It only says when to run which job and who
-- runs it (picked_by, last_heartbeat); a job whose runner stops sending heartbeats is picked up again.
CREATE TABLE scheduled_tasks (
    task_name            text                     NOT NULL,
    task_instance        text                     NOT NULL,
    task_data            bytea,
    execution_time       timestamp with time zone NOT NULL,
    picked               boolean                  NOT NULL,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   NOT NULL,
    priority             smallint,
    PRIMARY KEY (task_name, task_instance)
);

CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
