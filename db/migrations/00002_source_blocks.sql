-- Schema v2: sources keep their structure and their boilerplate.
-- source.blocks is the JSON array of blocks (kind, level, start, end,
-- boilerplate) over source.text; source.body is the text of the content
-- blocks, which search indexes instead of the whole text. Keep this file
-- ASCII (sqlc issue 4523).

-- +goose Up
ALTER TABLE source ADD COLUMN blocks TEXT NOT NULL DEFAULT '[]'
    CHECK (json_valid(blocks) AND json_type(blocks) = 'array');
ALTER TABLE source ADD COLUMN body TEXT NOT NULL DEFAULT '';
ALTER TABLE source ADD COLUMN description TEXT NOT NULL DEFAULT '';
ALTER TABLE source ADD COLUMN extractor TEXT NOT NULL DEFAULT '';

-- Sources imported under schema v1 have no blocks: all their text is body.
UPDATE source SET body = text;

DROP TRIGGER source_fts_ai;
DROP TRIGGER source_fts_ad;
DROP TRIGGER source_fts_au;
DROP TABLE source_fts;

CREATE VIRTUAL TABLE source_fts USING fts5 (
    title, body, content = 'source', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO source_fts (source_fts) VALUES ('rebuild');

-- +goose StatementBegin
CREATE TRIGGER source_fts_ai AFTER INSERT ON source BEGIN
    INSERT INTO source_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER source_fts_ad AFTER DELETE ON source BEGIN
    INSERT INTO source_fts (source_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER source_fts_au AFTER UPDATE OF title, body ON source BEGIN
    INSERT INTO source_fts (source_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO source_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
-- +goose StatementEnd
