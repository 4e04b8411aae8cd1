-- Schema v4: notes that link to each other, and one search over everything.
-- Keep this file ASCII (sqlc issue 4523).
--
-- note.title is the note's first line without Markdown heading marks; wiki
-- links ([[Title]]) find notes by it.
-- note_ref is one wiki link written in a note's body: [[target]] or
-- [[target|shown text]]. It is derived from the body and rewritten whenever
-- the body is saved. target_kind and target_id say what the link resolved to
-- when the note was saved (NULL target_id: nothing had that name yet);
-- target_uuid keeps the target's uuid so links survive export and merge.
-- speaker_fts indexes each speaker's name, aliases and role for search; it is
-- kept in step by triggers on speaker and speaker_alias.

-- +goose Up
ALTER TABLE note ADD COLUMN title TEXT NOT NULL DEFAULT '';
UPDATE note SET title = trim(substr(body, 1, instr(body || char(10), char(10)) - 1), '# ');
CREATE INDEX note_title ON note (title COLLATE NOCASE);
CREATE INDEX note_modified ON note (modified_at);

CREATE TABLE note_ref (
    id          INTEGER PRIMARY KEY,
    note_id     INTEGER NOT NULL REFERENCES note (id) ON DELETE CASCADE,
    target      TEXT    NOT NULL,
    target_kind TEXT    NOT NULL DEFAULT ''
                CHECK (target_kind IN ('', 'note', 'source', 'quote', 'speaker', 'story')),
    target_id   INTEGER,
    target_uuid TEXT    NOT NULL DEFAULT '',
    CHECK ((target_kind = '') = (target_id IS NULL))
);
CREATE INDEX note_ref_note ON note_ref (note_id);
CREATE INDEX note_ref_target ON note_ref (target_kind, target_id);
CREATE INDEX note_ref_unresolved ON note_ref (target COLLATE NOCASE) WHERE target_id IS NULL;

CREATE INDEX source_outlet ON source (outlet COLLATE NOCASE);
CREATE INDEX source_published ON source (published);
CREATE INDEX tagging_story ON tagging (story_id);
CREATE INDEX tagging_speaker ON tagging (speaker_id);

CREATE VIRTUAL TABLE speaker_fts USING fts5 (
    name, aliases, role,
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO speaker_fts (rowid, name, aliases, role)
SELECT s.id, s.name,
       coalesce((SELECT group_concat(a.alias, ' ') FROM speaker_alias a WHERE a.speaker_id = s.id), ''),
       s.role
FROM speaker s;

-- +goose StatementBegin
CREATE TRIGGER speaker_fts_ai AFTER INSERT ON speaker BEGIN
    INSERT INTO speaker_fts (rowid, name, aliases, role) VALUES (new.id, new.name, '', new.role);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER speaker_fts_ad AFTER DELETE ON speaker BEGIN
    DELETE FROM speaker_fts WHERE rowid = old.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER speaker_fts_au AFTER UPDATE OF name, role ON speaker BEGIN
    UPDATE speaker_fts SET name = new.name, role = new.role WHERE rowid = new.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER speaker_alias_fts_ai AFTER INSERT ON speaker_alias BEGIN
    UPDATE speaker_fts
    SET aliases = coalesce((SELECT group_concat(a.alias, ' ') FROM speaker_alias a WHERE a.speaker_id = new.speaker_id), '')
    WHERE rowid = new.speaker_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER speaker_alias_fts_ad AFTER DELETE ON speaker_alias BEGIN
    UPDATE speaker_fts
    SET aliases = coalesce((SELECT group_concat(a.alias, ' ') FROM speaker_alias a WHERE a.speaker_id = old.speaker_id), '')
    WHERE rowid = old.speaker_id;
END;
-- +goose StatementEnd
