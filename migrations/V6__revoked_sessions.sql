-- Sign-ins that were ended (logout, refresh-token reuse, a new password, a disabled account) while
-- access tokens issued to them may still be valid. Every instance holds this set in memory and
-- refuses those tokens at once. A row is of use only until the last such token has expired, after
-- which it is deleted, so the table stays small.
CREATE TABLE revoked_sessions (
    session_id  uuid        PRIMARY KEY,
    revoked_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL
);

CREATE INDEX revoked_sessions_expires_at_idx ON revoked_sessions (expires_at);

-- Tells every instance at once (NOTIFY is delivered on commit only).
CREATE FUNCTION revoked_sessions_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('kglab_revoked_sessions', NEW.session_id::text);
    RETURN NULL;
END;
$$;

CREATE TRIGGER revoked_sessions_notify_after_insert
    AFTER INSERT ON revoked_sessions
    FOR EACH ROW EXECUTE FUNCTION revoked_sessions_notify();
