-- name: SourceCreate :one
INSERT INTO source (
    uuid, title, outlet, authors, url, published, updated, kind, lang, text,
    words, original, media_type, original_name, content_hash, imported_at, modified_at,
    blocks, body, description, extractor
) VALUES (
    ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
    ?, ?, ?, ?, ?, ?, ?,
    ?, ?, ?, ?
)
RETURNING id;

-- name: SourceGet :one
SELECT id, uuid, title, outlet, authors, url, published, updated, kind, lang,
       text, words, media_type, original_name, content_hash, imported_at, modified_at,
       blocks, body, description, extractor
FROM source
WHERE id = ?;

-- name: SourceList :many
-- Every source without its text, newest first: by publication date when
-- known, else by import time.
SELECT id, uuid, title, outlet, authors, published, kind, words, imported_at
FROM source
ORDER BY CASE WHEN published <> '' THEN published ELSE imported_at END DESC, id DESC;

-- name: SourceSummaryGet :one
SELECT id, uuid, title, outlet, authors, published, kind, words, imported_at
FROM source
WHERE id = ?;

-- name: SourceFindByHash :one
SELECT id FROM source WHERE content_hash = ? ORDER BY id LIMIT 1;

-- name: SourceFindByURL :one
SELECT id FROM source WHERE url = ? AND url <> '' ORDER BY id LIMIT 1;

-- name: SourceUpdateMeta :execrows
UPDATE source
SET title = ?, outlet = ?, authors = ?, published = ?, updated = ?, url = ?,
    kind = ?, lang = ?, modified_at = ?
WHERE id = ?;

-- name: SourceUpdateBlocks :execrows
UPDATE source SET blocks = ?, body = ?, words = ?, modified_at = ? WHERE id = ?;

-- name: SourceOriginal :one
SELECT original, media_type, original_name FROM source WHERE id = ?;

-- name: SourceCount :one
SELECT count(*) FROM source;

-- name: SourceDelete :execrows
DELETE FROM source WHERE id = ?;

-- name: SourceSearch :many
-- Full-text search over source titles and bodies (text without
-- boilerplate). The query must already be a
-- valid FTS5 expression (see internal/ftsquery). Matches in the snippet are
-- wrapped in U+E000 and U+E001, which the app turns into segments.
SELECT s.id, s.title, s.outlet,
       CAST(snippet(source_fts, 1, char(57344), char(57345), char(8230), 24) AS TEXT) AS snippet,
       CAST(bm25(source_fts, 4.0, 1.0) AS REAL) AS score
FROM source_fts(CAST(sqlc.arg(query) AS TEXT))
JOIN source s ON s.id = source_fts.rowid
ORDER BY score, s.id
LIMIT sqlc.arg(max_hits);

-- name: SourceQuotesPending :many
-- Sources the current quote detector has not yet been run on.
-- No ORDER BY: the caller sorts, so the planner reads the small
-- source_quotes_version index rather than every (large) source row.
SELECT id FROM source WHERE quotes_version < ?;

-- name: SourceSetQuotesVersion :exec
UPDATE source SET quotes_version = ? WHERE id = ?;

-- name: SourceReplaceText :execrows
-- A re-extraction's result: new text and structure, same source.
UPDATE source
SET text = ?, blocks = ?, body = ?, words = ?, extractor = ?, content_hash = ?, modified_at = ?
WHERE id = ?;

-- name: SourceTextGet :one
SELECT text, blocks FROM source WHERE id = ?;

-- name: SourceListPage :many
-- A stretch of the library (newest first, as SourceList) from the index
-- source_list alone.
SELECT id, uuid, title, outlet, authors, published, kind, words, imported_at
FROM source INDEXED BY source_list
ORDER BY CASE WHEN published <> '' THEN published ELSE imported_at END DESC, id DESC
LIMIT sqlc.arg(max_rows) OFFSET sqlc.arg(skip);

-- name: SourceListFilterWords :many
-- Every source in the library's order with what the library's filter
-- looks at, from the index source_list alone.
SELECT id, title, outlet, authors
FROM source INDEXED BY source_list
ORDER BY CASE WHEN published <> '' THEN published ELSE imported_at END DESC, id DESC;

-- name: SourceSummaries :many
-- The summaries of some sources, in no particular order, from the index
-- source_summary alone (the row's words and imported_at come after its
-- text and original).
SELECT id, uuid, title, outlet, authors, published, kind, words, imported_at
FROM source INDEXED BY source_summary
WHERE id IN (sqlc.slice(ids));

-- name: SourcePosition :one
-- How many sources come before a source in the library's order; -1 when
-- there is no such source.
SELECT CAST(coalesce((
    SELECT (SELECT count(*) FROM source b INDEXED BY source_list
            WHERE (CASE WHEN b.published <> '' THEN b.published ELSE b.imported_at END) > k.sort_key)
         + (SELECT count(*) FROM source b INDEXED BY source_list
            WHERE (CASE WHEN b.published <> '' THEN b.published ELSE b.imported_at END) = k.sort_key AND b.id > k.id)
    FROM (SELECT s.id, CASE WHEN s.published <> '' THEN s.published ELSE s.imported_at END AS sort_key
          FROM source s INDEXED BY source_summary WHERE s.id = sqlc.arg(id)) AS k), -1) AS INTEGER) AS position;

-- name: SourceOutlets :many
-- The outlets named, the one with the most sources first, at most
-- max_outlets. Spellings that differ only in case count as one outlet,
-- named by one of them.
SELECT CAST(min(outlet) AS TEXT) AS name
FROM source
WHERE outlet <> ''
GROUP BY outlet COLLATE NOCASE
ORDER BY count(*) DESC, name COLLATE NOCASE
LIMIT sqlc.arg(max_outlets);
