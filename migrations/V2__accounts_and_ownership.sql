CREATE TABLE users (
    id              uuid        PRIMARY KEY,
    -- Stored normalised (trimmed, lower case), so that one person has one account.
    email           text        NOT NULL CHECK (email = lower(email)),
    -- Argon2id in PHC string form; NULL for an account that cannot sign in with a password.
    password_hash   text,
    -- An admin can do everything a user can, and administer accounts.
    role            text        NOT NULL DEFAULT 'user' CHECK (role IN ('user', 'admin')),
    email_verified  boolean     NOT NULL DEFAULT false,
    disabled        boolean     NOT NULL DEFAULT false,
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX users_email_idx ON users (email);

-- Opaque refresh tokens, stored only as SHA-256. Each login starts a family; every refresh uses
-- up one token and issues the next in the same family, so reuse of a spent token is detectable
-- and revokes the whole family.
CREATE TABLE refresh_tokens (
    id          uuid        PRIMARY KEY,
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    family_id   uuid        NOT NULL,
    token_hash  bytea       NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    revoked_at  timestamptz
);

CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id);

-- Every document has an owner and a visibility.
ALTER TABLE documents
    ADD COLUMN owner_id   uuid REFERENCES users (id),
    ADD COLUMN visibility text NOT NULL DEFAULT 'PRIVATE' CHECK (visibility IN ('PRIVATE', 'PUBLIC'));

-- Documents uploaded before accounts existed go to a placeholder account that cannot sign in,
-- rather than being lost; an administrator can hand them on.
INSERT INTO users (id, email, password_hash, role, disabled)
SELECT '00000000-0000-0000-0000-000000000000', 'unowned-documents@kglab.invalid', NULL, 'user', true
WHERE EXISTS (SELECT 1 FROM documents);

UPDATE documents SET owner_id = '00000000-0000-0000-0000-000000000000' WHERE owner_id IS NULL;

ALTER TABLE documents ALTER COLUMN owner_id SET NOT NULL;

-- Keyset pages of what a user may see: their own documents, and everyone's public ones.
DROP INDEX documents_created_at_id_idx;
CREATE INDEX documents_owner_created_at_id_idx ON documents (owner_id, created_at DESC, id DESC);
CREATE INDEX documents_public_created_at_id_idx ON documents (created_at DESC, id DESC)
    WHERE visibility = 'PUBLIC';
