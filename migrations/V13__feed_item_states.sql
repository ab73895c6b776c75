-- What became of each feed item, so that one that cannot be ingested is given up instead of tried by every poll.
-- INGESTED: accepted as a document (whose own job then runs). FAILING: the attempts so far failed before a document
-- was accepted (the page could not be fetched, its type is not read, it is too large); the next poll tries again.
-- DEAD: it failed on every allowed attempt and is not tried again; its owner sees it as a DEAD job (job_id).
ALTER TABLE feed_items
    ADD COLUMN state      text    NOT NULL DEFAULT 'INGESTED' CHECK (state IN ('INGESTED', 'FAILING', 'DEAD')),
    ADD COLUMN attempts   integer NOT NULL DEFAULT 1 CHECK (attempts > 0),
    ADD COLUMN last_error text,
    ADD COLUMN job_id     uuid    REFERENCES ingestion_jobs (id) ON DELETE SET NULL;
