-- Schema v1 of a Sourcebook notebook. See docs/schema.md for the meaning of
-- every table and column. Keep this file ASCII (sqlc issue 4523).
-- Timestamps are RFC 3339 strings in UTC. Offsets are Unicode code points.

-- +goose Up

CREATE TABLE story (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT    NOT NULL UNIQUE,
    title       TEXT    NOT NULL CHECK (length(title) > 0),
    description TEXT    NOT NULL DEFAULT '',
    created_at  TEXT    NOT NULL,
    modified_at TEXT    NOT NULL
);

CREATE TABLE source (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT    NOT NULL UNIQUE,
    title         TEXT    NOT NULL,
    outlet        TEXT    NOT NULL DEFAULT '',
    authors       TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(authors) AND json_type(authors) = 'array'),
    url           TEXT    NOT NULL DEFAULT '',
    published     TEXT    NOT NULL DEFAULT '',
    updated       TEXT    NOT NULL DEFAULT '',
    kind          TEXT    NOT NULL DEFAULT 'article'
                  CHECK (kind IN ('article', 'filing', 'post', 'blog', 'other')),
    lang          TEXT    NOT NULL DEFAULT '',
    text          TEXT    NOT NULL,
    words         INTEGER NOT NULL DEFAULT 0,
    original      BLOB    NOT NULL,
    media_type    TEXT    NOT NULL,
    original_name TEXT    NOT NULL DEFAULT '',
    content_hash  TEXT    NOT NULL,
    imported_at   TEXT    NOT NULL,
    modified_at   TEXT    NOT NULL
);
CREATE INDEX source_content_hash ON source (content_hash);
CREATE INDEX source_url ON source (url) WHERE url <> '';

CREATE TABLE story_source (
    id        INTEGER PRIMARY KEY,
    uuid      TEXT    NOT NULL UNIQUE,
    story_id  INTEGER NOT NULL REFERENCES story (id) ON DELETE CASCADE,
    source_id INTEGER NOT NULL REFERENCES source (id) ON DELETE CASCADE,
    added_at  TEXT    NOT NULL,
    UNIQUE (story_id, source_id)
);
CREATE INDEX story_source_source ON story_source (source_id);

CREATE TABLE speaker (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT    NOT NULL UNIQUE,
    name        TEXT    NOT NULL CHECK (length(name) > 0),
    role        TEXT    NOT NULL DEFAULT '',
    affiliation TEXT    NOT NULL DEFAULT '',
    created_at  TEXT    NOT NULL,
    modified_at TEXT    NOT NULL
);

CREATE TABLE speaker_alias (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT    NOT NULL UNIQUE,
    speaker_id INTEGER NOT NULL REFERENCES speaker (id) ON DELETE CASCADE,
    alias      TEXT    NOT NULL CHECK (length(alias) > 0),
    created_at TEXT    NOT NULL,
    UNIQUE (speaker_id, alias)
);
CREATE INDEX speaker_alias_alias ON speaker_alias (alias COLLATE NOCASE);

CREATE TABLE quote (
    id           INTEGER PRIMARY KEY,
    uuid         TEXT    NOT NULL UNIQUE,
    source_id    INTEGER NOT NULL REFERENCES source (id) ON DELETE CASCADE,
    speaker_id   INTEGER REFERENCES speaker (id) ON DELETE SET NULL,
    text         TEXT    NOT NULL CHECK (length(text) > 0),
    start_offset INTEGER NOT NULL CHECK (start_offset >= 0),
    end_offset   INTEGER NOT NULL,
    prefix       TEXT    NOT NULL DEFAULT '',
    suffix       TEXT    NOT NULL DEFAULT '',
    cue          TEXT    NOT NULL DEFAULT '',
    origin       TEXT    NOT NULL DEFAULT 'manual' CHECK (origin IN ('auto', 'manual')),
    status       TEXT    NOT NULL DEFAULT 'suggested'
                 CHECK (status IN ('suggested', 'confirmed', 'rejected')),
    created_at   TEXT    NOT NULL,
    modified_at  TEXT    NOT NULL,
    CHECK (end_offset > start_offset)
);
CREATE INDEX quote_source ON quote (source_id, start_offset);
CREATE INDEX quote_speaker ON quote (speaker_id);

CREATE TABLE note (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT    NOT NULL UNIQUE,
    body        TEXT    NOT NULL DEFAULT '',
    created_at  TEXT    NOT NULL,
    modified_at TEXT    NOT NULL
);

-- A note_link ties a note to what it is about. When the target is deleted the
-- link stays with its target_* columns set to NULL, and target_label keeps
-- saying what it was about, so a note is never silently lost.
CREATE TABLE note_link (
    id           INTEGER PRIMARY KEY,
    uuid         TEXT    NOT NULL UNIQUE,
    note_id      INTEGER NOT NULL REFERENCES note (id) ON DELETE CASCADE,
    target_kind  TEXT    NOT NULL
                 CHECK (target_kind IN ('source', 'quote', 'speaker', 'story', 'passage')),
    source_id    INTEGER REFERENCES source (id) ON DELETE SET NULL,
    quote_id     INTEGER REFERENCES quote (id) ON DELETE SET NULL,
    speaker_id   INTEGER REFERENCES speaker (id) ON DELETE SET NULL,
    story_id     INTEGER REFERENCES story (id) ON DELETE SET NULL,
    start_offset INTEGER,
    end_offset   INTEGER,
    exact        TEXT    NOT NULL DEFAULT '',
    prefix       TEXT    NOT NULL DEFAULT '',
    suffix       TEXT    NOT NULL DEFAULT '',
    target_uuid  TEXT    NOT NULL DEFAULT '',
    target_label TEXT    NOT NULL DEFAULT '',
    created_at   TEXT    NOT NULL,
    CHECK (target_kind <> 'passage' OR (start_offset IS NOT NULL AND end_offset > start_offset))
);
CREATE INDEX note_link_note ON note_link (note_id);
CREATE INDEX note_link_source ON note_link (source_id);
CREATE INDEX note_link_quote ON note_link (quote_id);
CREATE INDEX note_link_speaker ON note_link (speaker_id);
CREATE INDEX note_link_story ON note_link (story_id);

CREATE TABLE tag (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT    NOT NULL UNIQUE,
    name       TEXT    NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) > 0),
    color      TEXT    NOT NULL DEFAULT '',
    created_at TEXT    NOT NULL
);

-- Exactly one target column is set on every tagging.
CREATE TABLE tagging (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT    NOT NULL UNIQUE,
    tag_id     INTEGER NOT NULL REFERENCES tag (id) ON DELETE CASCADE,
    source_id  INTEGER REFERENCES source (id) ON DELETE CASCADE,
    quote_id   INTEGER REFERENCES quote (id) ON DELETE CASCADE,
    note_id    INTEGER REFERENCES note (id) ON DELETE CASCADE,
    story_id   INTEGER REFERENCES story (id) ON DELETE CASCADE,
    speaker_id INTEGER REFERENCES speaker (id) ON DELETE CASCADE,
    created_at TEXT    NOT NULL,
    CHECK ((source_id IS NOT NULL) + (quote_id IS NOT NULL) + (note_id IS NOT NULL)
           + (story_id IS NOT NULL) + (speaker_id IS NOT NULL) = 1)
);
CREATE UNIQUE INDEX tagging_unique ON tagging (
    tag_id, coalesce(source_id, 0), coalesce(quote_id, 0), coalesce(note_id, 0),
    coalesce(story_id, 0), coalesce(speaker_id, 0));
CREATE INDEX tagging_source ON tagging (source_id);
CREATE INDEX tagging_quote ON tagging (quote_id);
CREATE INDEX tagging_note ON tagging (note_id);

-- Full-text indexes. External-content FTS5 tables, kept in sync by triggers.
CREATE VIRTUAL TABLE source_fts USING fts5 (
    title, text, content = 'source', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
-- +goose StatementBegin
CREATE TRIGGER source_fts_ai AFTER INSERT ON source BEGIN
    INSERT INTO source_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER source_fts_ad AFTER DELETE ON source BEGIN
    INSERT INTO source_fts (source_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER source_fts_au AFTER UPDATE OF title, text ON source BEGIN
    INSERT INTO source_fts (source_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO source_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
-- +goose StatementEnd

CREATE VIRTUAL TABLE quote_fts USING fts5 (
    text, content = 'quote', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
-- +goose StatementBegin
CREATE TRIGGER quote_fts_ai AFTER INSERT ON quote BEGIN
    INSERT INTO quote_fts (rowid, text) VALUES (new.id, new.text);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER quote_fts_ad AFTER DELETE ON quote BEGIN
    INSERT INTO quote_fts (quote_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER quote_fts_au AFTER UPDATE OF text ON quote BEGIN
    INSERT INTO quote_fts (quote_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO quote_fts (rowid, text) VALUES (new.id, new.text);
END;
-- +goose StatementEnd

CREATE VIRTUAL TABLE note_fts USING fts5 (
    body, content = 'note', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
-- +goose StatementBegin
CREATE TRIGGER note_fts_ai AFTER INSERT ON note BEGIN
    INSERT INTO note_fts (rowid, body) VALUES (new.id, new.body);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER note_fts_ad AFTER DELETE ON note BEGIN
    INSERT INTO note_fts (note_fts, rowid, body) VALUES ('delete', old.id, old.body);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER note_fts_au AFTER UPDATE OF body ON note BEGIN
    INSERT INTO note_fts (note_fts, rowid, body) VALUES ('delete', old.id, old.body);
    INSERT INTO note_fts (rowid, body) VALUES (new.id, new.body);
END;
-- +goose StatementEnd
