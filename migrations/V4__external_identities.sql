-- Sign-in through an external provider (GitHub, Google, any OpenID Connect issuer). An account is found
-- by the provider's stable subject first, and otherwise by the verified email address the provider vouches
-- for; the pair (provider, subject) is then recorded here, so that a later change of address at the provider
-- still reaches the same account.
CREATE TABLE external_identities (
    id                uuid        PRIMARY KEY,
    -- The configured client name: github, google, oidc.
    provider          text        NOT NULL,
    -- The provider's identifier for the person (OpenID `sub`, GitHub's numeric user id).
    subject           text        NOT NULL,
    user_id           uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- The verified address the provider gave when the link was made, normalised like users.email.
    email             text        NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    last_sign_in_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (provider, subject)
);

CREATE INDEX external_identities_user_idx ON external_identities (user_id);
