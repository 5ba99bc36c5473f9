-- Read side: the items a character carries; each item knows its character.
CREATE TABLE character_item (
    id             UUID             PRIMARY KEY,
    character_id   UUID             NOT NULL REFERENCES character_summary (id) ON DELETE CASCADE,
    name           VARCHAR(64)      NOT NULL,
    type           VARCHAR(16)      NOT NULL,
    rarity         VARCHAR(16)      NOT NULL,
    weight         DOUBLE PRECISION NOT NULL,
    stat_modifiers JSONB            NOT NULL,
    equipped       BOOLEAN          NOT NULL,
    position       INTEGER          NOT NULL
);
CREATE INDEX character_item_character ON character_item (character_id, position);

-- Read side: the skills a character has learned.
CREATE TABLE character_skill (
    character_id UUID        NOT NULL REFERENCES character_summary (id) ON DELETE CASCADE,
    skill_id     VARCHAR(64) NOT NULL,
    proficiency  VARCHAR(16) NOT NULL,
    PRIMARY KEY (character_id, skill_id)
);
CREATE INDEX character_skill_skill ON character_skill (skill_id);

-- Read side: the skill catalogue.
CREATE TABLE skill (
    id            VARCHAR(64) PRIMARY KEY,
    name          VARCHAR(64) NOT NULL,
    category      VARCHAR(16) NOT NULL,
    min_level     INTEGER     NOT NULL,
    prerequisites JSONB       NOT NULL,
    defined_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX skill_category ON skill (category, id);

-- Read side: templates.
CREATE TABLE character_template (
    id                  UUID        PRIMARY KEY,
    owner_id            UUID        NOT NULL,
    source_character_id UUID        NOT NULL,
    name                VARCHAR(64) NOT NULL,
    visibility          VARCHAR(16) NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL,
    content             JSONB       NOT NULL
);
CREATE INDEX character_template_owner ON character_template (owner_id, created_at DESC, id);
CREATE INDEX character_template_public ON character_template (created_at DESC, id) WHERE visibility = 'PUBLIC';

-- "As of" reads find the last version at or before a time.
CREATE INDEX character_version_time ON character_version (character_id, occurred_at DESC, version DESC);
