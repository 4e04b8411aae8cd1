-- Tags on sources, quotes, notes, speakers and stories. Keep this file
-- ASCII (sqlc issue 4523).

-- name: TagList :many
SELECT t.id, t.uuid, t.name, t.color, CAST(count(g.id) AS INTEGER) AS uses
FROM tag t LEFT JOIN tagging g ON g.tag_id = t.id
GROUP BY t.id
ORDER BY t.name COLLATE NOCASE;

-- name: TagByName :one
SELECT id, uuid, name, color FROM tag WHERE name = ? COLLATE NOCASE;

-- name: TagCreate :one
INSERT INTO tag (uuid, name, color, created_at) VALUES (?, ?, ?, ?)
RETURNING id;

-- name: TagRename :execrows
UPDATE tag SET name = ? WHERE id = ?;

-- name: TagDelete :execrows
DELETE FROM tag WHERE id = ?;

-- name: TagsOf :many
-- The tags on one item, by kind ('source', 'quote', 'note', 'speaker', 'story').
SELECT t.name FROM tagging g JOIN tag t ON t.id = g.tag_id
WHERE (CAST(sqlc.arg(kind) AS TEXT) = 'source' AND g.source_id = sqlc.arg(id))
   OR (sqlc.arg(kind) = 'quote' AND g.quote_id = sqlc.arg(id))
   OR (sqlc.arg(kind) = 'note' AND g.note_id = sqlc.arg(id))
   OR (sqlc.arg(kind) = 'speaker' AND g.speaker_id = sqlc.arg(id))
   OR (sqlc.arg(kind) = 'story' AND g.story_id = sqlc.arg(id))
ORDER BY t.name COLLATE NOCASE;

-- name: TaggingClear :exec
DELETE FROM tagging
WHERE (CAST(sqlc.arg(kind) AS TEXT) = 'source' AND source_id = sqlc.arg(id))
   OR (sqlc.arg(kind) = 'quote' AND quote_id = sqlc.arg(id))
   OR (sqlc.arg(kind) = 'note' AND note_id = sqlc.arg(id))
   OR (sqlc.arg(kind) = 'speaker' AND speaker_id = sqlc.arg(id))
   OR (sqlc.arg(kind) = 'story' AND story_id = sqlc.arg(id));

-- name: TaggingAdd :exec
INSERT INTO tagging (uuid, tag_id, source_id, quote_id, note_id, speaker_id, story_id, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT DO NOTHING;

-- name: TagGet :one
SELECT id, uuid, name, color FROM tag WHERE id = ?;
