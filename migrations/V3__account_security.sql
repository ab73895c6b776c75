-- Single-use, expiring tokens: mailed ones to verify an email address or reset a password, and the
-- code a provider sign-in hands the browser. Only their SHA-256 is stored, so a copy of the table
-- cannot be used to take over accounts.
CREATE TABLE account_tokens (
    id          uuid        PRIMARY KEY,
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose     text        NOT NULL CHECK (purpose IN ('VERIFY_EMAIL', 'RESET_PASSWORD', 'SIGN_IN')),
    token_hash  bytea       NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz
);

CREATE INDEX account_tokens_user_purpose_idx ON account_tokens (user_id, purpose);
-- Expired tokens are of no use to anyone and are deleted as new ones are issued.
CREATE INDEX account_tokens_expires_at_idx ON account_tokens (expires_at);

-- Long-lived credentials for service clients. The key itself is shown once; only its SHA-256 is
-- kept, with a short prefix so that people can tell their keys apart.
CREATE TABLE api_keys (
    id            uuid        PRIMARY KEY,
    owner_id      uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name          text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    prefix        text        NOT NULL,
    key_hash      bytea       NOT NULL UNIQUE,
    -- A comma-separated subset of read, write and ingest.
    scopes        text        NOT NULL CHECK (scopes ~ '^(read|write|ingest)(,(read|write|ingest))*$'),
    created_at    timestamptz NOT NULL,
    expires_at    timestamptz,
    last_used_at  timestamptz,
    revoked_at    timestamptz
);

CREATE INDEX api_keys_owner_idx ON api_keys (owner_id, created_at DESC);

-- Who did what, from where. Rows are only ever inserted. The actor is not a foreign key, so the
-- trail outlives the account it mentions.
CREATE TABLE audit_log (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at  timestamptz NOT NULL,
    action       text        NOT NULL,
    actor_id     uuid,
    target       text,
    ip           text,
    user_agent   text,
    detail       text
);

CREATE INDEX audit_log_action_idx ON audit_log (action, id DESC);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, id DESC);
