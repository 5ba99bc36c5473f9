-- Write side: usernames and emails claimed race-free, lower-cased.
CREATE TABLE account_claim (
    kind          VARCHAR(16)  NOT NULL,
    claimed_value VARCHAR(254) NOT NULL,
    user_id       UUID         NOT NULL,
    PRIMARY KEY (kind, claimed_value)
);

-- Read side: users, projected from their events.
CREATE TABLE user_account (
    id            UUID         PRIMARY KEY,
    username      VARCHAR(32)  NOT NULL,
    email         VARCHAR(254) NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    role          VARCHAR(16)  NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL
);
CREATE UNIQUE INDEX user_account_username ON user_account (lower(username));
CREATE UNIQUE INDEX user_account_email ON user_account (lower(email));

-- Not events: login sessions. A restore does not bring them back.
CREATE TABLE user_session (
    id         UUID        PRIMARY KEY,
    user_id    UUID        NOT NULL,
    token_hash BYTEA       NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    revoked_at TIMESTAMPTZ
);
CREATE INDEX user_session_user ON user_session (user_id);
