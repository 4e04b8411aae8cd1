-- name: StoryCreate :one
INSERT INTO story (uuid, title, description, created_at, modified_at)
VALUES (?, ?, ?, ?, ?)
RETURNING id, uuid, title, created_at;

-- name: StoryGet :one
SELECT id, uuid, title, created_at FROM story WHERE id = ?;

-- name: StoryList :many
SELECT id, uuid, title, created_at FROM story ORDER BY created_at DESC, id DESC;

-- name: StoryRename :execrows
UPDATE story SET title = ?, modified_at = ? WHERE id = ?;

-- name: StoryDelete :execrows
DELETE FROM story WHERE id = ?;

-- name: StorySourceAdd :exec
INSERT INTO story_source (uuid, story_id, source_id, added_at)
VALUES (?, ?, ?, ?)
ON CONFLICT (story_id, source_id) DO NOTHING;

-- name: StorySourceRemove :execrows
DELETE FROM story_source WHERE story_id = ? AND source_id = ?;

-- name: StorySourceList :many
-- Every story membership, with each story's sources newest first.
SELECT ss.story_id, ss.source_id
FROM story_source ss
JOIN source s ON s.id = ss.source_id
ORDER BY ss.story_id,
         CASE WHEN s.published <> '' THEN s.published ELSE s.imported_at END DESC,
         s.id DESC;

-- name: StorySourceListBySource :many
SELECT story_id FROM story_source WHERE source_id = ? ORDER BY story_id;

-- name: StorySourceIDs :many
-- A story's sources, newest first.
SELECT ss.source_id
FROM story_source ss
JOIN source s ON s.id = ss.source_id
WHERE ss.story_id = ?
ORDER BY CASE WHEN s.published <> '' THEN s.published ELSE s.imported_at END DESC, s.id DESC;

-- name: StorySourceListBySources :many
-- The stories of some sources.
SELECT source_id, story_id FROM story_source
WHERE source_id IN (sqlc.slice(ids))
ORDER BY source_id, story_id;

-- name: StoryMembers :many
-- Every story membership, from an index alone, each story's sources by id,
-- highest first. Ordering them by date instead read every member source
-- (100 ms for 10,000): the window orders the few it shows.
SELECT story_id, source_id FROM story_source ORDER BY story_id, source_id DESC;
