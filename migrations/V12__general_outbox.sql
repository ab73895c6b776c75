-- The outbox carries any aggregate's changes (docs/adr/0003): the aggregate type names the projection, the
-- revision orders changes of one aggregate, and the payload is the aggregate's state after the change, or JSON
-- null when it is gone. The event type that coupled the outbox to documents goes.
ALTER TABLE outbox RENAME COLUMN aggregate_version TO revision;

-- Existing entries: a chunk replacement becomes a change of the document's chunk set (same id, same chunk
-- version), a deletion a change whose state is null.
UPDATE outbox SET aggregate_type = 'document-chunks' WHERE event_type = 'CHUNKS_REPLACED';
UPDATE outbox SET payload = 'null'::jsonb WHERE event_type = 'DOCUMENT_DELETED';
ALTER TABLE outbox DROP COLUMN event_type;

-- A relay claims entries in a short transaction and leases them until this time, so that no PostgreSQL lock is
-- held while Neo4j applies them; an expired lease (a relay that died) makes them claimable again.
ALTER TABLE outbox ADD COLUMN claimed_until timestamptz;
-- Failures the entry itself caused (attempts also counts tries while Neo4j was unreachable); at the limit it is
-- parked: excluded from claims, holding back only its own aggregate's later entries, until someone acts.
ALTER TABLE outbox ADD COLUMN failures integer NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN parked_at timestamptz;
ALTER TABLE outbox ADD COLUMN park_reason text;

-- Claims look only at live entries; parked ones are counted for the status.
DROP INDEX outbox_pending_idx;
CREATE INDEX outbox_pending_idx ON outbox (id) WHERE processed_at IS NULL AND parked_at IS NULL;
CREATE INDEX outbox_parked_idx ON outbox (parked_at) WHERE parked_at IS NOT NULL;
-- Pruning deletes processed entries older than the retention, oldest first.
CREATE INDEX outbox_processed_at_idx ON outbox (processed_at) WHERE processed_at IS NOT NULL;
