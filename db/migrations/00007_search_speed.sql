-- Schema v7: search as you type from the second letter. Keep this file
-- ASCII (sqlc issue 4523).
--
-- The full-text tables are made again with prefix indexes of two, three and
-- four characters (prefix = '2 3 4'): a prefix query of that length ("pr"*,
-- "pri"*, "priv"*) reads one list of matches from the index instead of
-- merging the lists of every word that starts so, which took FTS5 up to
-- half a second for two or three letters in a notebook of 100,000 sources
-- (and 15 ms instead of 5 for four). Longer prefixes start few enough
-- words to merge. The indexes make the full-text data about 2.7 times as
-- large (at 100,000 sources the file grows from 2.9 to 3.7 GB) and this
-- migration takes a few minutes on such a notebook.
--
-- Columns, tokenizer and content are as before, and the triggers of v1 to
-- v4 keep the tables in step as before (a trigger names its table, so
-- dropping and making the table again leaves it working).

-- +goose Up
DROP TABLE source_fts;
CREATE VIRTUAL TABLE source_fts USING fts5 (
    title, body, content = 'source', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4'
);
INSERT INTO source_fts (source_fts) VALUES ('rebuild');

DROP TABLE quote_fts;
CREATE VIRTUAL TABLE quote_fts USING fts5 (
    text, content = 'quote', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4'
);
INSERT INTO quote_fts (quote_fts) VALUES ('rebuild');

DROP TABLE note_fts;
CREATE VIRTUAL TABLE note_fts USING fts5 (
    body, content = 'note', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4'
);
INSERT INTO note_fts (note_fts) VALUES ('rebuild');

-- speaker_fts holds its own text: fill it again as v4 did.
DROP TABLE speaker_fts;
CREATE VIRTUAL TABLE speaker_fts USING fts5 (
    name, aliases, role,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4'
);
INSERT INTO speaker_fts (rowid, name, aliases, role)
SELECT s.id, s.name,
       coalesce((SELECT group_concat(a.alias, ' ') FROM speaker_alias a WHERE a.speaker_id = s.id), ''),
       s.role
FROM speaker s;

-- The speakers quoted in a set of sources (the search box's speakers of a
-- story, an outlet or dates) from an index alone, without reading a quote
-- row: listing those of an outlet with 10,000 sources took 180 ms.
CREATE INDEX quote_source_speaker ON quote (source_id, speaker_id, status);

-- Each speaker's number of quotes (rejected ones left out) and of sources
-- quoted in, kept by triggers on quote: counting them for the speakers list
-- read the million entries of quote_speaker, 0.9 s at 1,000,000 quotes.
-- A trigger counts a quote's source only when no other counted quote of
-- the speaker is in it (two index probes).
ALTER TABLE speaker ADD COLUMN quote_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE speaker ADD COLUMN source_count INTEGER NOT NULL DEFAULT 0;
UPDATE speaker SET
    quote_count = (SELECT count(*) FROM quote q WHERE q.speaker_id = speaker.id AND q.status <> 'rejected'),
    source_count = (SELECT count(DISTINCT q.source_id) FROM quote q WHERE q.speaker_id = speaker.id AND q.status <> 'rejected');

-- +goose StatementBegin
CREATE TRIGGER speaker_count_ai AFTER INSERT ON quote
WHEN new.speaker_id IS NOT NULL AND new.status <> 'rejected' BEGIN
    UPDATE speaker SET
        quote_count = quote_count + 1,
        source_count = source_count + NOT EXISTS (
            SELECT 1 FROM quote q
            WHERE q.source_id = new.source_id AND q.speaker_id = new.speaker_id
              AND q.status IN ('suggested', 'confirmed') AND q.id <> new.id)
    WHERE id = new.speaker_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER speaker_count_ad AFTER DELETE ON quote
WHEN old.speaker_id IS NOT NULL AND old.status <> 'rejected' BEGIN
    UPDATE speaker SET
        quote_count = quote_count - 1,
        source_count = source_count - NOT EXISTS (
            SELECT 1 FROM quote q
            WHERE q.source_id = old.source_id AND q.speaker_id = old.speaker_id
              AND q.status IN ('suggested', 'confirmed'))
    WHERE id = old.speaker_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
-- The quote counted as it was is taken away, then counted as it is; each
-- step looks at the speaker's other quotes in the source, so a change that
-- leaves the quote counted where it was changes nothing.
CREATE TRIGGER speaker_count_au AFTER UPDATE OF speaker_id, status, source_id ON quote BEGIN
    UPDATE speaker SET
        quote_count = quote_count - 1,
        source_count = source_count - NOT EXISTS (
            SELECT 1 FROM quote q
            WHERE q.source_id = old.source_id AND q.speaker_id = old.speaker_id
              AND q.status IN ('suggested', 'confirmed') AND q.id <> old.id)
    WHERE id = old.speaker_id AND old.status <> 'rejected';
    UPDATE speaker SET
        quote_count = quote_count + 1,
        source_count = source_count + NOT EXISTS (
            SELECT 1 FROM quote q
            WHERE q.source_id = new.source_id AND q.speaker_id = new.speaker_id
              AND q.status IN ('suggested', 'confirmed') AND q.id <> new.id)
    WHERE id = new.speaker_id AND new.status <> 'rejected';
END;
-- +goose StatementEnd

-- A source's summary by its id from an index alone (the library's pages
-- when filtered, a story's sources, the titles notes show): the row's
-- words and imported_at come after its text and original, megabytes of
-- overflow pages away.
CREATE INDEX source_summary ON source (
    id, uuid, title, outlet, authors, published, kind, words, imported_at);
