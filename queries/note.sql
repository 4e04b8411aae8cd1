-- name: NoteCreate :one
INSERT INTO note (uuid, body, created_at, modified_at)
VALUES (?, ?, ?, ?)
RETURNING id;

-- name: NoteGet :one
SELECT id, uuid, body, created_at, modified_at FROM note WHERE id = ?;

-- name: NoteLinkCreate :one
INSERT INTO note_link (
    uuid, note_id, target_kind, source_id, quote_id, speaker_id, story_id,
    start_offset, end_offset, exact, prefix, suffix, target_uuid, target_label, created_at
) VALUES (
    ?, ?, ?, ?, ?, ?, ?,
    ?, ?, ?, ?, ?, ?, ?, ?
)
RETURNING id;

-- name: NoteLinkListByNote :many
SELECT id, uuid, note_id, target_kind, source_id, quote_id, speaker_id, story_id,
       start_offset, end_offset, exact, prefix, suffix, target_uuid, target_label, created_at
FROM note_link
WHERE note_id = ?
ORDER BY id;

-- name: NoteSearch :many
SELECT n.id,
       CAST(snippet(note_fts, 0, char(57344), char(57345), char(8230), 24) AS TEXT) AS snippet,
       CAST(bm25(note_fts) AS REAL) AS score
FROM note_fts(CAST(sqlc.arg(query) AS TEXT))
JOIN note n ON n.id = note_fts.rowid
ORDER BY score, n.id
LIMIT sqlc.arg(max_hits);

-- name: HighlightListBySource :many
-- The passages of a source that notes are about, with the notes' text.
SELECT l.id, l.uuid, l.note_id, CAST(coalesce(l.start_offset, 0) AS INTEGER) AS start_offset,
       CAST(coalesce(l.end_offset, 0) AS INTEGER) AS end_offset, l.exact, l.prefix, l.suffix,
       l.orphan, n.body, n.created_at, n.modified_at
FROM note_link l
JOIN note n ON n.id = l.note_id
WHERE l.target_kind = 'passage' AND l.source_id = ?
ORDER BY l.start_offset, l.id;

-- name: NoteLinkSetAnchor :execrows
UPDATE note_link
SET start_offset = ?, end_offset = ?, exact = ?, prefix = ?, suffix = ?, orphan = ?
WHERE id = ?;

-- name: NoteUpdate :execrows
UPDATE note SET body = ?, modified_at = ? WHERE id = ?;

-- name: NoteDelete :execrows
DELETE FROM note WHERE id = ?;

-- name: HighlightGet :one
SELECT l.id, l.uuid, l.note_id, CAST(coalesce(l.start_offset, 0) AS INTEGER) AS start_offset,
       CAST(coalesce(l.end_offset, 0) AS INTEGER) AS end_offset, l.exact, l.prefix, l.suffix,
       l.orphan, n.body, n.created_at, n.modified_at, CAST(coalesce(l.source_id, 0) AS INTEGER) AS source_id
FROM note_link l
JOIN note n ON n.id = l.note_id
WHERE l.target_kind = 'passage' AND l.note_id = ?
ORDER BY l.id
LIMIT 1;

-- name: NoteCreateFull :one
INSERT INTO note (uuid, body, title, created_at, modified_at)
VALUES (?, ?, ?, ?, ?)
RETURNING id;

-- name: NoteRow :one
SELECT id, uuid, body, title, created_at, modified_at FROM note WHERE id = ?;

-- name: NoteSave :execrows
UPDATE note SET body = ?, title = ?, modified_at = ? WHERE id = ?;

-- name: NoteList :many
-- Notes newest first, optionally only those carrying one tag or attached to
-- nothing (NoteListByTarget lists those attached to one thing).
SELECT n.id, n.uuid, n.body, n.title, n.created_at, n.modified_at
FROM note n
WHERE (CAST(sqlc.arg(tag) AS TEXT) = '' OR EXISTS (
        SELECT 1 FROM tagging g JOIN tag t ON t.id = g.tag_id
        WHERE g.note_id = n.id AND t.name = sqlc.arg(tag)))
  AND (CAST(sqlc.arg(standalone) AS INTEGER) = 0 OR NOT EXISTS (
        SELECT 1 FROM note_link l WHERE l.note_id = n.id))
ORDER BY n.modified_at DESC, n.id DESC
LIMIT sqlc.arg(max_notes);

-- name: NoteListByTarget :many
-- The notes attached to one thing (a passage counts as its source), newest
-- first, optionally only those carrying one tag: NoteList's answer for a
-- target, found from the thing's links rather than by looking at every
-- note's (0.6 s for a source's notes among 50,000).
SELECT n.id, n.uuid, n.body, n.title, n.created_at, n.modified_at
FROM note n
WHERE n.id IN (
        SELECT l.note_id FROM note_link l
        WHERE CAST(sqlc.arg(target_kind) AS TEXT) = 'source' AND l.source_id = sqlc.arg(target_id)
        UNION ALL
        SELECT l.note_id FROM note_link l
        WHERE CAST(sqlc.arg(target_kind) AS TEXT) = 'quote' AND l.quote_id = sqlc.arg(target_id)
        UNION ALL
        SELECT l.note_id FROM note_link l
        WHERE CAST(sqlc.arg(target_kind) AS TEXT) = 'speaker' AND l.speaker_id = sqlc.arg(target_id)
        UNION ALL
        SELECT l.note_id FROM note_link l
        WHERE CAST(sqlc.arg(target_kind) AS TEXT) = 'story' AND l.story_id = sqlc.arg(target_id))
  AND (CAST(sqlc.arg(tag) AS TEXT) = '' OR EXISTS (
        SELECT 1 FROM tagging g JOIN tag t ON t.id = g.tag_id
        WHERE g.note_id = n.id AND t.name = sqlc.arg(tag)))
ORDER BY n.modified_at DESC, n.id DESC
LIMIT sqlc.arg(max_notes);

-- name: NoteLinkDetails :many
-- What a note is attached to, with a label read from the target now (the
-- stored target_label when the target is gone).
SELECT l.id, l.target_kind,
       CAST(coalesce(l.source_id, 0) AS INTEGER) AS source_id,
       CAST(coalesce(l.quote_id, 0) AS INTEGER) AS quote_id,
       CAST(coalesce(l.speaker_id, 0) AS INTEGER) AS speaker_id,
       CAST(coalesce(l.story_id, 0) AS INTEGER) AS story_id,
       CAST(coalesce(l.start_offset, 0) AS INTEGER) AS start_offset,
       CAST(coalesce(l.end_offset, 0) AS INTEGER) AS end_offset,
       l.exact, l.orphan, l.target_label,
       CAST(coalesce(s.title, st.title, sp.name, q.text, '') AS TEXT) AS label,
       CAST(coalesce(q.source_id, l.source_id, 0) AS INTEGER) AS in_source
FROM note_link l
LEFT JOIN source s ON s.id = l.source_id AND l.target_kind IN ('source', 'passage')
LEFT JOIN quote q ON q.id = l.quote_id
LEFT JOIN speaker sp ON sp.id = l.speaker_id
LEFT JOIN story st ON st.id = l.story_id
WHERE l.note_id = ?
ORDER BY l.id;

-- name: NoteRefDelete :exec
DELETE FROM note_ref WHERE note_id = ?;

-- name: NoteRefCreate :exec
INSERT INTO note_ref (note_id, target, target_kind, target_id, target_uuid)
VALUES (?, ?, ?, ?, ?);

-- name: NoteRefList :many
SELECT id, target, target_kind, CAST(coalesce(target_id, 0) AS INTEGER) AS target_id, target_uuid
FROM note_ref WHERE note_id = ? ORDER BY id;

-- name: NoteByTitle :one
SELECT id, uuid FROM note WHERE title = ? COLLATE NOCASE ORDER BY id LIMIT 1;

-- name: StoryByTitle :one
SELECT id, uuid FROM story WHERE title = ? COLLATE NOCASE ORDER BY id LIMIT 1;

-- name: SourceByTitle :one
SELECT id, uuid FROM source WHERE title = ? COLLATE NOCASE ORDER BY id LIMIT 1;

-- name: SpeakerByNameOrAlias :one
-- The speaker with this name, else one with it as an alias.
SELECT s.id, s.uuid FROM speaker s WHERE s.name = sqlc.arg(name) COLLATE NOCASE
UNION ALL
SELECT s.id, s.uuid FROM speaker_alias a JOIN speaker s ON s.id = a.speaker_id
WHERE a.alias = sqlc.arg(name) COLLATE NOCASE
LIMIT 1;

-- name: TargetUUID :one
-- The uuid of a thing named by kind and id (no rows when there is none).
SELECT n.uuid FROM note n WHERE CAST(sqlc.arg(kind) AS TEXT) = 'note' AND n.id = sqlc.arg(target_id)
UNION ALL SELECT s.uuid FROM source s WHERE sqlc.arg(kind) = 'source' AND s.id = sqlc.arg(target_id)
UNION ALL SELECT q.uuid FROM quote q WHERE sqlc.arg(kind) = 'quote' AND q.id = sqlc.arg(target_id)
UNION ALL SELECT sp.uuid FROM speaker sp WHERE sqlc.arg(kind) = 'speaker' AND sp.id = sqlc.arg(target_id)
UNION ALL SELECT st.uuid FROM story st WHERE sqlc.arg(kind) = 'story' AND st.id = sqlc.arg(target_id)
LIMIT 1;

-- name: Backlinks :many
-- Notes that link to a thing ([[...]] resolved to it, or written with a
-- name that now names it and was unresolved when saved), or are attached
-- to it.
SELECT DISTINCT n.id, n.title, n.body, n.modified_at, CAST(via AS TEXT) AS via
FROM (
    SELECT r.note_id, 'link' AS via FROM note_ref r
    WHERE r.target_kind = CAST(sqlc.arg(kind) AS TEXT) AND r.target_id = sqlc.arg(target_id)
    UNION ALL
    SELECT r.note_id, 'link' FROM note_ref r
    WHERE r.target_id IS NULL AND CAST(sqlc.arg(name) AS TEXT) <> '' AND r.target = sqlc.arg(name) COLLATE NOCASE
    UNION ALL
    SELECT l.note_id, 'attached' FROM note_link l
    WHERE (sqlc.arg(kind) = 'source' AND l.source_id = sqlc.arg(target_id))
       OR (sqlc.arg(kind) = 'quote' AND l.quote_id = sqlc.arg(target_id))
       OR (sqlc.arg(kind) = 'speaker' AND l.speaker_id = sqlc.arg(target_id))
       OR (sqlc.arg(kind) = 'story' AND l.story_id = sqlc.arg(target_id))
) AS x
JOIN note n ON n.id = x.note_id
WHERE NOT (CAST(sqlc.arg(kind) AS TEXT) = 'note' AND n.id = sqlc.arg(target_id))
ORDER BY n.modified_at DESC, n.id DESC
LIMIT 200;

-- name: LinkTargetNotes :many
-- Notes whose text matches an FTS5 expression, newest first.
SELECT n.id, n.title
FROM note_fts(CAST(sqlc.arg(query) AS TEXT))
JOIN note n ON n.id = note_fts.rowid
WHERE n.title <> ''
ORDER BY note_fts.rowid DESC
LIMIT sqlc.arg(max_rows);

-- name: LinkTargetNotesRecent :many
SELECT id, title FROM note WHERE title <> '' ORDER BY modified_at DESC LIMIT ?;

-- name: LinkTargetSources :many
-- Sources whose title matches an FTS5 expression (see internal/ftsquery),
-- newest first.
SELECT s.id, s.title, s.outlet
FROM source_fts(CAST(sqlc.arg(query) AS TEXT))
JOIN source s ON s.id = source_fts.rowid
ORDER BY source_fts.rowid DESC
LIMIT sqlc.arg(max_rows);

-- name: LinkTargetSourcesRecent :many
SELECT id, title, outlet FROM source ORDER BY id DESC LIMIT ?;

-- name: LinkTargetSpeakers :many
SELECT s.id, s.name, s.role FROM speaker s
WHERE instr(lower(s.name), lower(CAST(sqlc.arg(needle) AS TEXT))) > 0
   OR s.id IN (SELECT a.speaker_id FROM speaker_alias a WHERE instr(lower(a.alias), lower(CAST(sqlc.arg(needle) AS TEXT))) > 0)
ORDER BY s.name LIMIT sqlc.arg(max_rows);

-- name: LinkTargetStories :many
SELECT id, title FROM story
WHERE instr(lower(title), lower(CAST(sqlc.arg(needle) AS TEXT))) > 0
ORDER BY created_at DESC LIMIT sqlc.arg(max_rows);

-- name: LinkTargetQuotes :many
-- Quotes (not rejected, not scare quotes) matching an FTS5 expression,
-- newest first.
SELECT q.id, q.text, CAST(coalesce(sp.name, '') AS TEXT) AS speaker
FROM quote_fts(CAST(sqlc.arg(query) AS TEXT))
JOIN quote q ON q.id = quote_fts.rowid
LEFT JOIN speaker sp ON sp.id = q.speaker_id
WHERE q.status <> 'rejected' AND q.kind <> 'scare'
ORDER BY quote_fts.rowid DESC
LIMIT sqlc.arg(max_rows);

-- name: TargetLabel :one
-- What a thing named by kind and id is called (no rows when there is none):
-- a note's or story's title, a source's title, a speaker's name, a quote's words.
SELECT n.title AS label FROM note n WHERE CAST(sqlc.arg(kind) AS TEXT) = 'note' AND n.id = sqlc.arg(target_id)
UNION ALL SELECT s.title FROM source s WHERE sqlc.arg(kind) = 'source' AND s.id = sqlc.arg(target_id)
UNION ALL SELECT q.text FROM quote q WHERE sqlc.arg(kind) = 'quote' AND q.id = sqlc.arg(target_id)
UNION ALL SELECT sp.name FROM speaker sp WHERE sqlc.arg(kind) = 'speaker' AND sp.id = sqlc.arg(target_id)
UNION ALL SELECT st.title FROM story st WHERE sqlc.arg(kind) = 'story' AND st.id = sqlc.arg(target_id)
LIMIT 1;

-- name: NoteCount :one
SELECT count(*) FROM note;
