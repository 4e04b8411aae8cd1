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
