-- Schema v6: views for people who open the notebook in sqlite3, Datasette
-- or DB Browser for SQLite: the tables joined the way one reads them, with
-- names instead of ids. Sourcebook itself never reads them. docs/schema.md
-- describes each column. Keep this file ASCII (sqlc issue 4523).

-- +goose Up
-- Every quote with who said it and where.
CREATE VIEW quotes_view AS
SELECT q.id, q.uuid, q.text,
       sp.name AS speaker, sp.role AS speaker_role, sp.affiliation AS speaker_affiliation,
       q.speaker_text, q.cue, q.kind, q.status,
       s.id AS source_id, s.title AS source_title, s.outlet, s.published, s.url,
       q.start_offset, q.end_offset, q.prefix, q.suffix, q.group_uuid,
       (SELECT count(*) FROM quote g WHERE g.group_uuid = q.group_uuid AND g.status <> 'rejected') AS occurrences,
       (SELECT group_concat(t.name, ', ') FROM tagging tg JOIN tag t ON t.id = tg.tag_id WHERE tg.quote_id = q.id) AS tags,
       q.created_at, q.modified_at
FROM quote q
JOIN source s ON s.id = q.source_id
LEFT JOIN speaker sp ON sp.id = q.speaker_id;

-- Every note with what it is attached to: one row per attachment, one row
-- with attached_kind NULL for a note attached to nothing.
CREATE VIEW notes_view AS
SELECT n.id, n.uuid, n.title, n.body,
       l.target_kind AS attached_kind,
       coalesce(l.source_id, l.quote_id, l.speaker_id, l.story_id) AS attached_id,
       CASE l.target_kind
           WHEN 'source' THEN (SELECT title FROM source WHERE id = l.source_id)
           WHEN 'quote' THEN (SELECT text FROM quote WHERE id = l.quote_id)
           WHEN 'speaker' THEN (SELECT name FROM speaker WHERE id = l.speaker_id)
           WHEN 'story' THEN (SELECT title FROM story WHERE id = l.story_id)
           WHEN 'passage' THEN l.exact
       END AS attached_label,
       CASE WHEN l.target_kind = 'passage' THEN (SELECT title FROM source WHERE id = l.source_id) END AS passage_source,
       l.start_offset, l.end_offset,
       (SELECT group_concat(t.name, ', ') FROM tagging tg JOIN tag t ON t.id = tg.tag_id WHERE tg.note_id = n.id) AS tags,
       n.created_at, n.modified_at
FROM note n
LEFT JOIN note_link l ON l.note_id = n.id;

-- Every source with its stories, tags and counts, and its text last.
CREATE VIEW sources_view AS
SELECT s.id, s.uuid, s.title, s.outlet, s.authors, s.published, s.updated, s.url, s.kind, s.lang, s.words,
       (SELECT group_concat(st.title, ', ') FROM story_source ss JOIN story st ON st.id = ss.story_id WHERE ss.source_id = s.id) AS stories,
       (SELECT group_concat(t.name, ', ') FROM tagging tg JOIN tag t ON t.id = tg.tag_id WHERE tg.source_id = s.id) AS tags,
       (SELECT count(*) FROM quote q WHERE q.source_id = s.id AND q.status <> 'rejected') AS quotes,
       (SELECT count(DISTINCT l.note_id) FROM note_link l WHERE l.source_id = s.id) AS notes,
       s.imported_at, s.modified_at, s.body AS text
FROM source s;

-- Everyone quoted, with their other names and how often they are quoted.
CREATE VIEW speakers_view AS
SELECT sp.id, sp.uuid, sp.name, sp.role, sp.affiliation,
       (SELECT group_concat(a.alias, ', ') FROM speaker_alias a WHERE a.speaker_id = sp.id) AS aliases,
       (SELECT count(*) FROM quote q WHERE q.speaker_id = sp.id AND q.status <> 'rejected') AS quotes,
       (SELECT count(DISTINCT q.source_id) FROM quote q WHERE q.speaker_id = sp.id AND q.status <> 'rejected') AS sources,
       sp.created_at, sp.modified_at
FROM speaker sp;
