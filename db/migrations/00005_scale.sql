-- Schema v5: indexes that keep a notebook of 100,000 sources and 1,000,000
-- quotes quick. A source row holds its text and original, so any query that
-- reads a column stored after them (words, imported_at, quotes_version) walks
-- megabytes of overflow pages per row; these indexes answer from the index
-- alone. Keep this file ASCII (sqlc issue 4523).

-- +goose Up
-- The library list: every column SourceList reads, in its order.
CREATE INDEX source_list ON source (
    (CASE WHEN published <> '' THEN published ELSE imported_at END) DESC, id DESC,
    uuid, title, outlet, authors, published, kind, words, imported_at);
CREATE INDEX source_title ON source (title COLLATE NOCASE);
CREATE INDEX source_quotes_version ON source (quotes_version);

-- Speakers with their counts of quotes and sources, from the index alone.
DROP INDEX quote_speaker;
CREATE INDEX quote_speaker ON quote (speaker_id, status, source_id);
