-- The reconciler's runs (docs/sync.md): each walks the stores batch by batch, and its checkpoint (the phase and the
-- last id reached) is committed with the repairs of each batch, so that a run resumes where it stopped.
CREATE TABLE sync_reconcile_runs (
    id             bigserial PRIMARY KEY,
    started_at     timestamptz NOT NULL DEFAULT now(),
    finished_at    timestamptz,
    phase          text        NOT NULL,
    last_id        uuid        NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000',
    drift_found    bigint      NOT NULL DEFAULT 0,
    drift_repaired bigint      NOT NULL DEFAULT 0
);
-- At most one run is open at a time, whatever the number of instances.
CREATE UNIQUE INDEX sync_reconcile_runs_one_open ON sync_reconcile_runs ((true)) WHERE finished_at IS NULL;
CREATE INDEX sync_reconcile_runs_finished_idx ON sync_reconcile_runs (finished_at) WHERE finished_at IS NOT NULL;
