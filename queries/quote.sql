-- name: SpeakerCreate :one
INSERT INTO speaker (uuid, name, role, affiliation, created_at, modified_at)
VALUES (?, ?, ?, ?, ?, ?)
RETURNING id;

-- name: QuoteCreate :one
INSERT INTO quote (
    uuid, source_id, speaker_id, text, start_offset, end_offset, prefix, suffix,
    cue, origin, status, created_at, modified_at
) VALUES (
    ?, ?, ?, ?, ?, ?, ?, ?,
    ?, ?, ?, ?, ?
)
RETURNING id;

-- name: QuoteListBySource :many
SELECT id, uuid, source_id, speaker_id, text, start_offset, end_offset, prefix, suffix,
       cue, origin, status, created_at, modified_at
FROM quote
WHERE source_id = ?
ORDER BY start_offset, id;

-- name: QuoteSearch :many
SELECT q.id, q.source_id,
       CAST(snippet(quote_fts, 0, char(57344), char(57345), char(8230), 24) AS TEXT) AS snippet,
       CAST(bm25(quote_fts) AS REAL) AS score
FROM quote_fts(CAST(sqlc.arg(query) AS TEXT))
JOIN quote q ON q.id = quote_fts.rowid
ORDER BY score, q.id
LIMIT sqlc.arg(max_hits);
