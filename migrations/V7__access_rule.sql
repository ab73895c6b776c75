-- Who may read an owned row: its owner, and everyone if it is public. Every query that reads owned data on
-- behalf of a viewer filters with visible_to(owner_id, visibility, :viewer), so the rule is written once.
-- A single-expression SQL function that is IMMUTABLE is inlined by the planner: the query is planned as if the
-- expression were written in place, so the owner index and the partial index on public rows still apply.
CREATE FUNCTION visible_to(owner uuid, visibility text, viewer uuid) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN owner = viewer OR visibility = 'PUBLIC';
