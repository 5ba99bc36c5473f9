-- Not events: password reset tokens (only a slow hash of the secret part is kept).
CREATE TABLE password_reset (
    id          UUID         PRIMARY KEY,
    user_id     UUID         NOT NULL,
    secret_hash VARCHAR(255) NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    expires_at  TIMESTAMPTZ  NOT NULL,
    used_at     TIMESTAMPTZ
);
CREATE INDEX password_reset_user ON password_reset (user_id);

-- Not events: attempts counted per key (account or client address) and time window, shared by all nodes.
CREATE TABLE attempt_window (
    attempt_key  VARCHAR(300) NOT NULL,
    window_start TIMESTAMPTZ  NOT NULL,
    attempts     INTEGER      NOT NULL,
    PRIMARY KEY (attempt_key, window_start)
);
