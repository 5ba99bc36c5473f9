-- Read side: each character as it is now.
CREATE TABLE character_summary (
    id              UUID        PRIMARY KEY,
    owner_id        UUID        NOT NULL,
    name            VARCHAR(64) NOT NULL,
    race            VARCHAR(16) NOT NULL,
    character_class VARCHAR(16) NOT NULL,
    level           INTEGER     NOT NULL,
    experience      BIGINT      NOT NULL,
    visibility      VARCHAR(16) NOT NULL,
    status          VARCHAR(16) NOT NULL,
    version         BIGINT      NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    state           JSONB       NOT NULL
);
CREATE INDEX character_summary_owner ON character_summary (owner_id, created_at DESC, id);
CREATE INDEX character_summary_public ON character_summary (created_at DESC, id)
    WHERE visibility = 'PUBLIC' AND status = 'ACTIVE';

-- Read side: every version of every character with the whole state after it.
CREATE TABLE character_version (
    character_id UUID         NOT NULL,
    version      BIGINT       NOT NULL,
    event_type   VARCHAR(64)  NOT NULL,
    occurred_at  TIMESTAMPTZ  NOT NULL,
    actor_id     UUID,
    summary      VARCHAR(512) NOT NULL,
    state        JSONB        NOT NULL,
    PRIMARY KEY (character_id, version)
);
