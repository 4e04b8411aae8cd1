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
