-- The reads of the exports (app/export.go): the notebook in the shapes the
-- writers of internal/export take, across tables, so they live together
-- rather than one per table's file. Keep this file ASCII (sqlc issue 4523).

-- name: ExportSourcePage :many
-- Sources after id, at most max_rows, in id order; with story_id > 0 only
-- that story's sources.
SELECT id, uuid, title, outlet, url, authors, published, updated, kind, lang,
       text, blocks, description, words, imported_at, modified_at
FROM source
WHERE source.id > sqlc.arg(after)
  AND (CAST(sqlc.arg(story_id) AS INTEGER) = 0
       OR source.id IN (SELECT ss.source_id FROM story_source ss WHERE ss.story_id = sqlc.arg(story_id)))
ORDER BY source.id
LIMIT sqlc.arg(max_rows);

-- name: ExportSourceCount :one
SELECT count(*) FROM source
WHERE CAST(sqlc.arg(story_id) AS INTEGER) = 0
   OR source.id IN (SELECT ss.source_id FROM story_source ss WHERE ss.story_id = sqlc.arg(story_id));

-- name: ExportQuotesBySource :many
-- A source's quotes in text order, rejected ones left out, with speakers.
SELECT q.id, q.uuid, q.text, q.start_offset, q.end_offset, q.prefix, q.suffix,
       q.kind, q.cue, q.status, q.group_uuid, q.created_at, q.modified_at,
       CAST(coalesce(sp.uuid, '') AS TEXT) AS speaker_uuid,
       CAST(coalesce(sp.name, '') AS TEXT) AS speaker_name
FROM quote q
LEFT JOIN speaker sp ON sp.id = q.speaker_id
WHERE q.source_id = ? AND q.status <> 'rejected'
ORDER BY q.start_offset, q.id;

-- name: ExportStories :many
SELECT id, uuid, title, description, created_at, modified_at FROM story ORDER BY id;

-- name: ExportStorySources :many
SELECT st.uuid AS story_uuid, s.uuid AS source_uuid
FROM story_source ss
JOIN story st ON st.id = ss.story_id
JOIN source s ON s.id = ss.source_id
ORDER BY ss.story_id, ss.id;

-- name: ExportSpeakers :many
SELECT id, uuid, name, role, affiliation, created_at, modified_at FROM speaker ORDER BY id;

-- name: ExportSpeakerAliases :many
SELECT sp.uuid AS speaker_uuid, a.alias
FROM speaker_alias a JOIN speaker sp ON sp.id = a.speaker_id
ORDER BY a.speaker_id, a.id;

-- name: ExportNotes :many
SELECT id, uuid, title, body, created_at, modified_at FROM note ORDER BY id;

-- name: ExportNoteLinks :many
-- What each note is about, its target named by uuid (a passage by its
-- source's uuid); target_uuid keeps the uuid of a deleted target.
SELECT n.uuid AS note_uuid, l.target_kind,
       CAST(coalesce(s.uuid, q.uuid, sp.uuid, st.uuid, l.target_uuid, '') AS TEXT) AS target_uuid,
       l.target_label,
       CAST(coalesce(l.start_offset, 0) AS INTEGER) AS start_offset,
       CAST(coalesce(l.end_offset, 0) AS INTEGER) AS end_offset,
       l.exact, l.prefix, l.suffix,
       CAST(l.source_id IS NULL AND l.quote_id IS NULL AND l.speaker_id IS NULL AND l.story_id IS NULL AS INTEGER) AS deleted
FROM note_link l
JOIN note n ON n.id = l.note_id
LEFT JOIN source s ON s.id = l.source_id
LEFT JOIN quote q ON q.id = l.quote_id
LEFT JOIN speaker sp ON sp.id = l.speaker_id
LEFT JOIN story st ON st.id = l.story_id
ORDER BY l.note_id, l.id;

-- name: ExportNoteRefs :many
SELECT n.uuid AS note_uuid, r.target, r.target_kind, r.target_uuid
FROM note_ref r JOIN note n ON n.id = r.note_id
ORDER BY r.note_id, r.id;

-- name: ExportTags :many
SELECT uuid, name, color FROM tag ORDER BY name;

-- name: ExportTaggings :many
-- Each tagging as the tag's name and the uuid of what it is on.
SELECT t.name,
       CAST(coalesce(s.uuid, q.uuid, n.uuid, st.uuid, sp.uuid, '') AS TEXT) AS target_uuid
FROM tagging g
JOIN tag t ON t.id = g.tag_id
LEFT JOIN source s ON s.id = g.source_id
LEFT JOIN quote q ON q.id = g.quote_id
LEFT JOIN note n ON n.id = g.note_id
LEFT JOIN story st ON st.id = g.story_id
LEFT JOIN speaker sp ON sp.id = g.speaker_id
ORDER BY t.name, g.id;

-- name: ExportQuotesBySourceRange :many
-- The quotes of the sources with ids in (after, upto], as ExportQuotesBySource
-- gives them, source by source: one query for a page of sources.
SELECT q.source_id, q.id, q.uuid, q.text, q.start_offset, q.end_offset, q.prefix, q.suffix,
       q.kind, q.cue, q.status, q.group_uuid, q.created_at, q.modified_at,
       CAST(coalesce(sp.uuid, '') AS TEXT) AS speaker_uuid,
       CAST(coalesce(sp.name, '') AS TEXT) AS speaker_name
FROM quote q
LEFT JOIN speaker sp ON sp.id = q.speaker_id
WHERE q.source_id > sqlc.arg(after) AND q.source_id <= sqlc.arg(upto) AND q.status <> 'rejected'
ORDER BY q.source_id, q.start_offset, q.id;

-- name: AnnotationSourceByUUID :one
SELECT id, uuid, text FROM source WHERE uuid = ?;

-- name: AnnotationSourceByURL :one
SELECT id, uuid, text FROM source WHERE url = ? ORDER BY id LIMIT 1;

-- name: AnnotationNoteExists :one
SELECT count(*) FROM note WHERE uuid = ?;

-- name: AnnotationSpeakerUUID :one
SELECT uuid FROM speaker WHERE id = ?;

-- name: AnnotationSpeakerByUUID :one
SELECT id FROM speaker WHERE uuid = ?;
