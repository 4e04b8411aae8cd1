-- name: QuoteCreate :one
INSERT INTO quote (
    uuid, source_id, speaker_id, text, start_offset, end_offset, prefix, suffix,
    cue, origin, status, created_at, modified_at, kind, group_uuid, speaker_text
) VALUES (
    ?, ?, ?, ?, ?, ?, ?, ?,
    ?, ?, ?, ?, ?, ?, ?, ?
)
RETURNING id;

-- name: QuoteListBySource :many
SELECT id, uuid, source_id, speaker_id, text, start_offset, end_offset, prefix, suffix,
       cue, origin, status, created_at, modified_at, kind, group_uuid, speaker_text, orphan
FROM quote
WHERE source_id = ?
ORDER BY start_offset, id;

-- name: QuoteViewList :many
-- Quotes with their speakers and the number of sources sharing their group,
-- filtered by source (a range: from = to for one source, so the index on
-- source_id serves it) and speaker (0: any), in source then text order.
SELECT q.id, q.uuid, q.source_id, q.text, q.start_offset, q.end_offset,
       q.prefix, q.suffix, q.cue, q.origin, q.status, q.kind, q.group_uuid,
       q.speaker_text, q.orphan, q.modified_at,
       CAST(coalesce(q.speaker_id, 0) AS INTEGER) AS speaker_id,
       CAST(coalesce(sp.name, '') AS TEXT) AS speaker_name,
       CAST(coalesce(sp.role, '') AS TEXT) AS speaker_role,
       CAST(coalesce(sp.affiliation, '') AS TEXT) AS speaker_affiliation,
       s.title AS source_title, s.outlet AS source_outlet, s.published AS source_published,
       CAST((SELECT count(DISTINCT g.source_id) FROM quote g
             WHERE g.group_uuid = q.group_uuid AND g.status <> 'rejected') AS INTEGER) AS group_sources
FROM quote q
JOIN source s ON s.id = q.source_id
LEFT JOIN speaker sp ON sp.id = q.speaker_id
WHERE q.source_id >= sqlc.arg(source_from) AND q.source_id <= sqlc.arg(source_to)
  AND (CAST(sqlc.arg(speaker_id) AS INTEGER) = 0 OR q.speaker_id = sqlc.arg(speaker_id))
ORDER BY q.source_id, q.start_offset, q.id;

-- name: QuoteViewGet :one
SELECT q.id, q.uuid, q.source_id, q.text, q.start_offset, q.end_offset,
       q.prefix, q.suffix, q.cue, q.origin, q.status, q.kind, q.group_uuid,
       q.speaker_text, q.orphan, q.modified_at,
       CAST(coalesce(q.speaker_id, 0) AS INTEGER) AS speaker_id,
       CAST(coalesce(sp.name, '') AS TEXT) AS speaker_name,
       CAST(coalesce(sp.role, '') AS TEXT) AS speaker_role,
       CAST(coalesce(sp.affiliation, '') AS TEXT) AS speaker_affiliation,
       s.title AS source_title, s.outlet AS source_outlet, s.published AS source_published,
       CAST((SELECT count(DISTINCT g.source_id) FROM quote g
             WHERE g.group_uuid = q.group_uuid AND g.status <> 'rejected') AS INTEGER) AS group_sources
FROM quote q
JOIN source s ON s.id = q.source_id
LEFT JOIN speaker sp ON sp.id = q.speaker_id
WHERE q.id = ?;

-- name: QuoteViewByGroup :many
SELECT q.id, q.uuid, q.source_id, q.text, q.start_offset, q.end_offset,
       q.prefix, q.suffix, q.cue, q.origin, q.status, q.kind, q.group_uuid,
       q.speaker_text, q.orphan, q.modified_at,
       CAST(coalesce(q.speaker_id, 0) AS INTEGER) AS speaker_id,
       CAST(coalesce(sp.name, '') AS TEXT) AS speaker_name,
       CAST(coalesce(sp.role, '') AS TEXT) AS speaker_role,
       CAST(coalesce(sp.affiliation, '') AS TEXT) AS speaker_affiliation,
       s.title AS source_title, s.outlet AS source_outlet, s.published AS source_published,
       CAST(0 AS INTEGER) AS group_sources
FROM quote q
JOIN source s ON s.id = q.source_id
LEFT JOIN speaker sp ON sp.id = q.speaker_id
WHERE q.group_uuid = ? AND q.status <> 'rejected'
ORDER BY CASE WHEN s.published <> '' THEN s.published ELSE s.imported_at END, q.source_id, q.start_offset;

-- name: QuoteIndexRows :many
-- The quotes that take part in grouping (not rejected, not scare quotes,
-- not orphans), a page at a time: those after id, at most max_rows.
SELECT id, text, CAST(coalesce(speaker_id, 0) AS INTEGER) AS speaker_id
FROM quote
WHERE id > sqlc.arg(after) AND status <> 'rejected' AND kind <> 'scare' AND orphan = 0
ORDER BY id
LIMIT sqlc.arg(max_rows);

-- name: QuoteGroupInfo :many
-- What grouping needs to know of the candidates a quote matched: one query
-- for all of them.
SELECT id, group_uuid, CAST(coalesce(speaker_id, 0) AS INTEGER) AS speaker_id, status, kind, orphan
FROM quote WHERE id IN (sqlc.slice(ids));

-- name: QuoteMergeGroup :exec
UPDATE quote SET group_uuid = sqlc.arg(into_group) WHERE group_uuid = sqlc.arg(from_group);

-- name: QuoteSetGroup :exec
UPDATE quote SET group_uuid = ? WHERE id = ?;

-- name: QuoteSetStatus :execrows
UPDATE quote SET status = ?, modified_at = ? WHERE id = ?;

-- name: QuoteSetSpeaker :execrows
UPDATE quote SET speaker_id = ?, modified_at = ? WHERE id = ?;

-- name: QuoteSetKind :execrows
UPDATE quote SET kind = ?, modified_at = ? WHERE id = ?;

-- name: QuoteSetAnchor :execrows
-- Moves a quote: new span, words and context; orphan says whether it could
-- be placed at all.
UPDATE quote
SET start_offset = ?, end_offset = ?, text = ?, prefix = ?, suffix = ?, orphan = ?, modified_at = ?
WHERE id = ?;

-- name: QuoteDelete :execrows
DELETE FROM quote WHERE id = ?;

-- name: QuoteIDsBySource :many
SELECT id FROM quote WHERE source_id = ? ORDER BY id;

-- name: QuoteReassignSpeaker :exec
UPDATE quote SET speaker_id = sqlc.arg(to_speaker), modified_at = sqlc.arg(modified_at)
WHERE speaker_id = sqlc.arg(from_speaker);

-- name: QuoteCountBySpeaker :one
SELECT count(*) FROM quote WHERE speaker_id = ?;

-- name: QuoteSearch :many
SELECT q.id, q.source_id,
       CAST(snippet(quote_fts, 0, char(57344), char(57345), char(8230), 24) AS TEXT) AS snippet,
       CAST(bm25(quote_fts) AS REAL) AS score
FROM quote_fts(CAST(sqlc.arg(query) AS TEXT))
JOIN quote q ON q.id = quote_fts.rowid
ORDER BY score, q.id
LIMIT sqlc.arg(max_hits);
