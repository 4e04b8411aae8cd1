-- Schema v6: search as you type from the second letter. Keep this file
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
