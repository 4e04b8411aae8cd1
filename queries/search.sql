-- One search over sources, quotes, speakers and notes (App.SearchAll).
-- Keep this file ASCII (sqlc issue 4523).
--
-- Each kind has two queries: Search<Kind> for a full-text query and
-- List<Kind> for filters alone (no words typed). The query must already be
-- a valid FTS5 expression (internal/ftsquery). Matches in snippets are
-- wrapped in U+E000 and U+E001, which the app turns into segments.
--
-- The filters, each off when its argument is 0 or '':
--   story_id    sources in the story; quotes of those sources; notes on the
--               story, on its sources (or their passages) or on their
--               quotes; speakers quoted in its sources
--   tag_id      items of the kind carrying the tag
--   speaker_id  quotes by the speaker; sources quoting them; notes on the
--               speaker; the speaker
-- (for speakers, a story with an outlet or dates means quoted in a source of
-- the story from that outlet or time)
--   outlet      the source's outlet, case folded
--   dated       1: the source's publication date is between date_from and
--               date_to (ISO 8601 strings, compared as text)
-- Quotes and notes go by their source for outlet and dates, speakers by the
-- sources quoting them. Rejected quotes and scare quotes (a term in quote
-- marks, not speech) are never hits; a speaker is quoted in a source when a
-- quote of theirs there is not rejected (scare quotes have no speaker), which
-- the index quote_speaker (speaker_id, status, source_id) answers alone.
--
-- A full-text query works in three layers, so that the costly steps run on
-- few rows; on a large notebook most of the time goes to reading pages:
--   1. candidates: the matches newest first (FTS5 gives them in rowid order
--      without sorting), passing the filters, at most max_candidates, each
--      with its bm25 score. The filters are lists of ids built once from
--      indexes (an IN subquery runs once per statement), not a lookup of
--      each candidate's row;
--   2. the best max_hits by score, with the number of candidates (total);
--   3. only for those, the row's details;
--   4. then, in Search<Kind>Snippets, their snippets: snippet() reads and
--      tokenizes the whole text, by far the costliest step per row.
-- A common word therefore ranks its newest max_candidates matches rather
-- than all of them, and total stops at max_candidates.

-- name: SearchSources :many
WITH t AS (
    SELECT c.id, c.score, count(*) OVER () AS total
    FROM (
        SELECT CAST(source_fts.rowid AS INTEGER) AS id, bm25(source_fts, 4.0, 1.0) AS score
        FROM source_fts(CAST(sqlc.arg(query) AS TEXT))
        WHERE (CAST(sqlc.arg(story_id) AS INTEGER) = 0 OR +source_fts.rowid IN (
                SELECT ss.source_id FROM story_source ss WHERE ss.story_id = CAST(sqlc.arg(story_id) AS INTEGER)))
          AND (CAST(sqlc.arg(tag_id) AS INTEGER) = 0 OR +source_fts.rowid IN (
                SELECT g.source_id FROM tagging g WHERE g.tag_id = CAST(sqlc.arg(tag_id) AS INTEGER)))
          AND (CAST(sqlc.arg(speaker_id) AS INTEGER) = 0 OR +source_fts.rowid IN (
                SELECT q.source_id FROM quote q
                WHERE q.speaker_id = CAST(sqlc.arg(speaker_id) AS INTEGER) AND q.status <> 'rejected'))
          AND (CAST(sqlc.arg(outlet) AS TEXT) = '' OR +source_fts.rowid IN (
                SELECT fs.id FROM source fs WHERE fs.outlet = CAST(sqlc.arg(outlet) AS TEXT) COLLATE NOCASE))
          AND (CAST(sqlc.arg(dated) AS INTEGER) = 0 OR +source_fts.rowid IN (
                SELECT fs.id FROM source fs
                WHERE fs.published >= CAST(sqlc.arg(date_from) AS TEXT) AND fs.published <= CAST(sqlc.arg(date_to) AS TEXT)))
        ORDER BY source_fts.rowid DESC
        LIMIT sqlc.arg(max_candidates)
    ) AS c
    ORDER BY c.score, c.id
    LIMIT sqlc.arg(max_hits)
)
SELECT t.id, s.title, s.outlet, s.published,
       CAST(t.score AS REAL) AS score, CAST(t.total AS INTEGER) AS total
FROM t
JOIN source s ON s.id = t.id
ORDER BY t.score, t.id;

-- name: SearchSourceSnippets :many
-- Snippets of the hits found, in one pass over the matches between the
-- first and the last hit (FTS5 reads only that stretch of each list):
-- looking each hit up by rowid would set up the query once per hit, and a
-- prefix query's merged list of matches with it.
SELECT CAST(f.rowid AS INTEGER) AS id,
       CAST(snippet(f.source_fts, 1, char(57344), char(57345), char(8230), 24) AS TEXT) AS snippet
FROM source_fts(CAST(sqlc.arg(query) AS TEXT)) AS f
WHERE f.rowid >= CAST(sqlc.arg(first_id) AS INTEGER) AND f.rowid <= CAST(sqlc.arg(last_id) AS INTEGER)
  AND +f.rowid IN (SELECT x.id FROM source x WHERE x.id IN (sqlc.slice(ids)));

-- name: SearchQuotes :many
-- Rejected and scare quotes are left out in layer 2, which reads quotes in
-- score order and stops at max_hits, so total counts them. An outlet or
-- dates select quotes through a list of the ids of their sources' quotes,
-- ten or so rows of an index per source; when they select many sources
-- (many_sources = 1) reading each candidate quote's row is cheaper.
WITH t AS (
    SELECT r.id, r.score, r.total
    FROM (
        SELECT c.id, c.score, count(*) OVER () AS total
        FROM (
            SELECT CAST(quote_fts.rowid AS INTEGER) AS id, bm25(quote_fts) AS score
            FROM quote_fts(CAST(sqlc.arg(query) AS TEXT))
            WHERE (CAST(sqlc.arg(story_id) AS INTEGER) = 0 OR +quote_fts.rowid IN (
                    SELECT cq.id FROM story_source ss JOIN quote cq ON cq.source_id = ss.source_id
                    WHERE ss.story_id = CAST(sqlc.arg(story_id) AS INTEGER)))
              AND (CAST(sqlc.arg(tag_id) AS INTEGER) = 0 OR +quote_fts.rowid IN (
                    SELECT g.quote_id FROM tagging g WHERE g.tag_id = CAST(sqlc.arg(tag_id) AS INTEGER)))
              AND (CAST(sqlc.arg(speaker_id) AS INTEGER) = 0 OR +quote_fts.rowid IN (
                    SELECT cq.id FROM quote cq WHERE cq.speaker_id = CAST(sqlc.arg(speaker_id) AS INTEGER)))
              AND (CAST(sqlc.arg(outlet) AS TEXT) = '' OR CAST(sqlc.arg(many_sources) AS INTEGER) = 1 OR +quote_fts.rowid IN (
                    SELECT cq.id FROM source fs JOIN quote cq ON cq.source_id = fs.id
                    WHERE fs.outlet = CAST(sqlc.arg(outlet) AS TEXT) COLLATE NOCASE))
              AND (CAST(sqlc.arg(dated) AS INTEGER) = 0 OR CAST(sqlc.arg(many_sources) AS INTEGER) = 1 OR +quote_fts.rowid IN (
                    SELECT cq.id FROM source fs JOIN quote cq ON cq.source_id = fs.id
                    WHERE fs.published >= CAST(sqlc.arg(date_from) AS TEXT) AND fs.published <= CAST(sqlc.arg(date_to) AS TEXT)))
              AND (CAST(sqlc.arg(many_sources) AS INTEGER) = 0 OR EXISTS (
                    SELECT 1 FROM quote cq
                    WHERE cq.id = quote_fts.rowid
                      AND (CAST(sqlc.arg(outlet) AS TEXT) = '' OR cq.source_id IN (
                            SELECT fs.id FROM source fs WHERE fs.outlet = CAST(sqlc.arg(outlet) AS TEXT) COLLATE NOCASE))
                      AND (CAST(sqlc.arg(dated) AS INTEGER) = 0 OR cq.source_id IN (
                            SELECT fs.id FROM source fs
                            WHERE fs.published >= CAST(sqlc.arg(date_from) AS TEXT)
                              AND fs.published <= CAST(sqlc.arg(date_to) AS TEXT)))))
            ORDER BY quote_fts.rowid DESC
            LIMIT sqlc.arg(max_candidates)
        ) AS c
        ORDER BY c.score, c.id
    ) AS r
    CROSS JOIN quote rq ON rq.id = r.id
    WHERE rq.status <> 'rejected' AND rq.kind <> 'scare'
    LIMIT sqlc.arg(max_hits)
)
SELECT t.id, q.source_id, q.text,
       CAST(coalesce(sp.name, '') AS TEXT) AS speaker,
       s.title AS source_title, s.outlet, s.published,
       CAST(t.score AS REAL) AS score, CAST(t.total AS INTEGER) AS total
FROM t
JOIN quote q ON q.id = t.id
JOIN source s ON s.id = q.source_id
LEFT JOIN speaker sp ON sp.id = q.speaker_id
ORDER BY t.score, t.id;

-- name: SearchQuoteSnippets :many
-- Snippets of the hits found, in one pass over the matches between the
-- first and the last hit (FTS5 reads only that stretch of each list):
-- looking each hit up by rowid would set up the query once per hit, and a
-- prefix query's merged list of matches with it.
SELECT CAST(f.rowid AS INTEGER) AS id,
       CAST(snippet(f.quote_fts, 0, char(57344), char(57345), char(8230), 32) AS TEXT) AS snippet
FROM quote_fts(CAST(sqlc.arg(query) AS TEXT)) AS f
WHERE f.rowid >= CAST(sqlc.arg(first_id) AS INTEGER) AND f.rowid <= CAST(sqlc.arg(last_id) AS INTEGER)
  AND +f.rowid IN (SELECT x.id FROM quote x WHERE x.id IN (sqlc.slice(ids)));

-- name: SearchSpeakers :many
WITH t AS (
    SELECT c.id, c.score, count(*) OVER () AS total
    FROM (
        SELECT CAST(speaker_fts.rowid AS INTEGER) AS id, bm25(speaker_fts, 4.0, 2.0, 1.0) AS score
        FROM speaker_fts(CAST(sqlc.arg(query) AS TEXT))
        WHERE (CAST(sqlc.arg(story_id) AS INTEGER) = 0 OR +speaker_fts.rowid IN (
                SELECT q.speaker_id FROM story_source ss JOIN quote q ON q.source_id = ss.source_id
                JOIN source fs ON fs.id = ss.source_id
                WHERE ss.story_id = CAST(sqlc.arg(story_id) AS INTEGER) AND q.status <> 'rejected'
                  AND (CAST(sqlc.arg(outlet) AS TEXT) = '' OR fs.outlet = CAST(sqlc.arg(outlet) AS TEXT) COLLATE NOCASE)
                  AND (CAST(sqlc.arg(dated) AS INTEGER) = 0 OR (fs.published >= CAST(sqlc.arg(date_from) AS TEXT)
                       AND fs.published <= CAST(sqlc.arg(date_to) AS TEXT)))))
          AND (CAST(sqlc.arg(tag_id) AS INTEGER) = 0 OR +speaker_fts.rowid IN (
                SELECT g.speaker_id FROM tagging g WHERE g.tag_id = CAST(sqlc.arg(tag_id) AS INTEGER)))
          AND (CAST(sqlc.arg(speaker_id) AS INTEGER) = 0 OR speaker_fts.rowid = CAST(sqlc.arg(speaker_id) AS INTEGER))
          AND ((CAST(sqlc.arg(outlet) AS TEXT) = '' AND CAST(sqlc.arg(dated) AS INTEGER) = 0) OR EXISTS (
                SELECT 1 FROM quote q JOIN source fs ON fs.id = q.source_id
                WHERE q.speaker_id = speaker_fts.rowid AND q.status <> 'rejected'
                  AND (CAST(sqlc.arg(outlet) AS TEXT) = '' OR fs.outlet = CAST(sqlc.arg(outlet) AS TEXT) COLLATE NOCASE)
                  AND (CAST(sqlc.arg(dated) AS INTEGER) = 0 OR (fs.published >= CAST(sqlc.arg(date_from) AS TEXT)
                       AND fs.published <= CAST(sqlc.arg(date_to) AS TEXT)))))
        ORDER BY speaker_fts.rowid DESC
        LIMIT sqlc.arg(max_candidates)
    ) AS c
    ORDER BY c.score, c.id
    LIMIT sqlc.arg(max_hits)
)
SELECT t.id, sp.name, sp.role,
       CAST(t.score AS REAL) AS score, CAST(t.total AS INTEGER) AS total
FROM t
JOIN speaker sp ON sp.id = t.id
ORDER BY t.score, t.id;

-- name: SearchSpeakerSnippets :many
-- Snippets of the hits found, in one pass over the matches between the
-- first and the last hit (FTS5 reads only that stretch of each list):
-- looking each hit up by rowid would set up the query once per hit, and a
-- prefix query's merged list of matches with it.
SELECT CAST(f.rowid AS INTEGER) AS id,
       CAST(snippet(f.speaker_fts, -1, char(57344), char(57345), char(8230), 24) AS TEXT) AS snippet
FROM speaker_fts(CAST(sqlc.arg(query) AS TEXT)) AS f
WHERE f.rowid >= CAST(sqlc.arg(first_id) AS INTEGER) AND f.rowid <= CAST(sqlc.arg(last_id) AS INTEGER)
  AND +f.rowid IN (SELECT x.id FROM speaker x WHERE x.id IN (sqlc.slice(ids)));

-- name: SearchNotes :many
-- source_id is the source the note is attached to (directly, by a passage
-- or by a quote), its first such link; 0 for none. Outlet and dates are
-- checked note by note: few notes match, and listing every note on an
-- outlet's quotes would read many more rows.
WITH t AS (
    SELECT c.id, c.score, count(*) OVER () AS total
    FROM (
        SELECT CAST(note_fts.rowid AS INTEGER) AS id, bm25(note_fts) AS score
        FROM note_fts(CAST(sqlc.arg(query) AS TEXT))
        WHERE (CAST(sqlc.arg(story_id) AS INTEGER) = 0 OR +note_fts.rowid IN (
                SELECT l.note_id FROM note_link l WHERE l.story_id = CAST(sqlc.arg(story_id) AS INTEGER)
                UNION ALL
                SELECT l.note_id FROM story_source ss JOIN note_link l ON l.source_id = ss.source_id
                WHERE ss.story_id = CAST(sqlc.arg(story_id) AS INTEGER)
                UNION ALL
                SELECT l.note_id FROM story_source ss JOIN quote q ON q.source_id = ss.source_id
                JOIN note_link l ON l.quote_id = q.id
                WHERE ss.story_id = CAST(sqlc.arg(story_id) AS INTEGER)))
          AND (CAST(sqlc.arg(tag_id) AS INTEGER) = 0 OR +note_fts.rowid IN (
                SELECT g.note_id FROM tagging g WHERE g.tag_id = CAST(sqlc.arg(tag_id) AS INTEGER)))
          AND (CAST(sqlc.arg(speaker_id) AS INTEGER) = 0 OR +note_fts.rowid IN (
                SELECT l.note_id FROM note_link l WHERE l.speaker_id = CAST(sqlc.arg(speaker_id) AS INTEGER)))
          AND ((CAST(sqlc.arg(outlet) AS TEXT) = '' AND CAST(sqlc.arg(dated) AS INTEGER) = 0) OR EXISTS (
                SELECT 1 FROM note_link l LEFT JOIN quote lq ON lq.id = l.quote_id
                JOIN source fs ON fs.id = coalesce(l.source_id, lq.source_id)
                WHERE l.note_id = note_fts.rowid
                  AND (CAST(sqlc.arg(outlet) AS TEXT) = '' OR fs.outlet = CAST(sqlc.arg(outlet) AS TEXT) COLLATE NOCASE)
                  AND (CAST(sqlc.arg(dated) AS INTEGER) = 0 OR (fs.published >= CAST(sqlc.arg(date_from) AS TEXT)
                       AND fs.published <= CAST(sqlc.arg(date_to) AS TEXT)))))
        ORDER BY note_fts.rowid DESC
        LIMIT sqlc.arg(max_candidates)
    ) AS c
    ORDER BY c.score, c.id
    LIMIT sqlc.arg(max_hits)
)
SELECT t.id, n.title,
       CAST(coalesce(ns.id, 0) AS INTEGER) AS source_id,
       CAST(coalesce(ns.title, '') AS TEXT) AS source_title,
       CAST(coalesce(ns.outlet, '') AS TEXT) AS outlet,
       CAST(coalesce(ns.published, '') AS TEXT) AS published,
       CAST(t.score AS REAL) AS score, CAST(t.total AS INTEGER) AS total
FROM t
JOIN note n ON n.id = t.id
LEFT JOIN source ns ON ns.id = (
    SELECT coalesce(l.source_id, lq.source_id) FROM note_link l LEFT JOIN quote lq ON lq.id = l.quote_id
    WHERE l.note_id = t.id AND coalesce(l.source_id, lq.source_id) IS NOT NULL
    ORDER BY l.id LIMIT 1)
ORDER BY t.score, t.id;

-- name: SearchNoteSnippets :many
-- Snippets of the hits found, in one pass over the matches between the
-- first and the last hit (FTS5 reads only that stretch of each list):
-- looking each hit up by rowid would set up the query once per hit, and a
-- prefix query's merged list of matches with it.
SELECT CAST(f.rowid AS INTEGER) AS id,
       CAST(snippet(f.note_fts, 0, char(57344), char(57345), char(8230), 24) AS TEXT) AS snippet
FROM note_fts(CAST(sqlc.arg(query) AS TEXT)) AS f
WHERE f.rowid >= CAST(sqlc.arg(first_id) AS INTEGER) AND f.rowid <= CAST(sqlc.arg(last_id) AS INTEGER)
  AND +f.rowid IN (SELECT x.id FROM note x WHERE x.id IN (sqlc.slice(ids)));

-- name: ListSourcesCount :one
-- How many sources the filters select. cand is the sources of the first
-- filter set (speaker, story, tag, outlet, dates); the others narrow it as
-- lists of ids read from indexes, so no source row is read: a speaker
-- quoted in a quarter of 100,000 sources is counted from the index
-- quote_speaker alone.
WITH cand(id) AS (
    SELECT q.source_id FROM quote q
    WHERE CAST(sqlc.arg(speaker_id) AS INTEGER) <> 0
      AND q.speaker_id = CAST(sqlc.arg(speaker_id) AS INTEGER) AND q.status <> 'rejected'
    UNION
    SELECT ss.source_id FROM story_source ss
    WHERE CAST(sqlc.arg(speaker_id) AS INTEGER) = 0 AND CAST(sqlc.arg(story_id) AS INTEGER) <> 0
      AND ss.story_id = CAST(sqlc.arg(story_id) AS INTEGER)
    UNION
    SELECT g.source_id FROM tagging g
    WHERE CAST(sqlc.arg(speaker_id) AS INTEGER) = 0 AND CAST(sqlc.arg(story_id) AS INTEGER) = 0
      AND CAST(sqlc.arg(tag_id) AS INTEGER) <> 0 AND g.tag_id = CAST(sqlc.arg(tag_id) AS INTEGER) AND g.source_id IS NOT NULL
    UNION
    SELECT cs.id FROM source cs
    WHERE CAST(sqlc.arg(speaker_id) AS INTEGER) = 0 AND CAST(sqlc.arg(story_id) AS INTEGER) = 0
      AND CAST(sqlc.arg(tag_id) AS INTEGER) = 0
      AND CAST(sqlc.arg(outlet) AS TEXT) <> '' AND cs.outlet = CAST(sqlc.arg(outlet) AS TEXT) COLLATE NOCASE
    UNION
    SELECT cs.id FROM source cs
    WHERE CAST(sqlc.arg(speaker_id) AS INTEGER) = 0 AND CAST(sqlc.arg(story_id) AS INTEGER) = 0
      AND CAST(sqlc.arg(tag_id) AS INTEGER) = 0 AND CAST(sqlc.arg(outlet) AS TEXT) = ''
      AND cs.published >= CAST(sqlc.arg(date_from) AS TEXT) AND cs.published <= CAST(sqlc.arg(date_to) AS TEXT)
)
SELECT CAST(count(*) AS INTEGER) AS n
FROM cand
WHERE (CAST(sqlc.arg(story_id) AS INTEGER) = 0 OR cand.id IN (
        SELECT ss.source_id FROM story_source ss WHERE ss.story_id = CAST(sqlc.arg(story_id) AS INTEGER)))
  AND (CAST(sqlc.arg(tag_id) AS INTEGER) = 0 OR cand.id IN (
        SELECT g.source_id FROM tagging g WHERE g.tag_id = CAST(sqlc.arg(tag_id) AS INTEGER)))
  AND (CAST(sqlc.arg(outlet) AS TEXT) = '' OR cand.id IN (
        SELECT fs.id FROM source fs WHERE fs.outlet = CAST(sqlc.arg(outlet) AS TEXT) COLLATE NOCASE))
  AND (CAST(sqlc.arg(dated) AS INTEGER) = 0 OR cand.id IN (
        SELECT fs.id FROM source fs
        WHERE fs.published >= CAST(sqlc.arg(date_from) AS TEXT) AND fs.published <= CAST(sqlc.arg(date_to) AS TEXT)));

-- name: ListSourcesFew :many
-- The newest sources the filters select, as in the library (by
-- publication date, else import time), when they select few: cand as in
-- ListSourcesCount, then each one's row.
WITH cand(id) AS (
    SELECT q.source_id FROM quote q
    WHERE CAST(sqlc.arg(speaker_id) AS INTEGER) <> 0
      AND q.speaker_id = CAST(sqlc.arg(speaker_id) AS INTEGER) AND q.status <> 'rejected'
    UNION
    SELECT ss.source_id FROM story_source ss
    WHERE CAST(sqlc.arg(speaker_id) AS INTEGER) = 0 AND CAST(sqlc.arg(story_id) AS INTEGER) <> 0
      AND ss.story_id = CAST(sqlc.arg(story_id) AS INTEGER)
    UNION
    SELECT g.source_id FROM tagging g
    WHERE CAST(sqlc.arg(speaker_id) AS INTEGER) = 0 AND CAST(sqlc.arg(story_id) AS INTEGER) = 0
      AND CAST(sqlc.arg(tag_id) AS INTEGER) <> 0 AND g.tag_id = CAST(sqlc.arg(tag_id) AS INTEGER) AND g.source_id IS NOT NULL
    UNION
    SELECT cs.id FROM source cs
    WHERE CAST(sqlc.arg(speaker_id) AS INTEGER) = 0 AND CAST(sqlc.arg(story_id) AS INTEGER) = 0
      AND CAST(sqlc.arg(tag_id) AS INTEGER) = 0
      AND CAST(sqlc.arg(outlet) AS TEXT) <> '' AND cs.outlet = CAST(sqlc.arg(outlet) AS TEXT) COLLATE NOCASE
    UNION
    SELECT cs.id FROM source cs
    WHERE CAST(sqlc.arg(speaker_id) AS INTEGER) = 0 AND CAST(sqlc.arg(story_id) AS INTEGER) = 0
      AND CAST(sqlc.arg(tag_id) AS INTEGER) = 0 AND CAST(sqlc.arg(outlet) AS TEXT) = ''
      AND cs.published >= CAST(sqlc.arg(date_from) AS TEXT) AND cs.published <= CAST(sqlc.arg(date_to) AS TEXT)
)
SELECT x.id, x.title, x.outlet, x.published
FROM cand CROSS JOIN source x ON x.id = cand.id
WHERE (CAST(sqlc.arg(story_id) AS INTEGER) = 0 OR cand.id IN (
        SELECT ss.source_id FROM story_source ss WHERE ss.story_id = CAST(sqlc.arg(story_id) AS INTEGER)))
  AND (CAST(sqlc.arg(tag_id) AS INTEGER) = 0 OR cand.id IN (
        SELECT g.source_id FROM tagging g WHERE g.tag_id = CAST(sqlc.arg(tag_id) AS INTEGER)))
  AND (CAST(sqlc.arg(outlet) AS TEXT) = '' OR x.outlet = CAST(sqlc.arg(outlet) AS TEXT) COLLATE NOCASE)
  AND (CAST(sqlc.arg(dated) AS INTEGER) = 0 OR (x.published >= CAST(sqlc.arg(date_from) AS TEXT)
       AND x.published <= CAST(sqlc.arg(date_to) AS TEXT)))
ORDER BY CASE WHEN x.published <> '' THEN x.published ELSE x.imported_at END DESC, x.id DESC
LIMIT sqlc.arg(max_hits);

-- name: ListSources :many
-- The newest sources the filters select when they select many: the
-- sources in the library's order (the index source_list holds it and
-- every column read, so no source row is read), stopping at max_hits.
SELECT x.id, x.title, x.outlet, x.published
FROM source x INDEXED BY source_list
WHERE (CAST(sqlc.arg(story_id) AS INTEGER) = 0 OR x.id IN (
        SELECT ss.source_id FROM story_source ss WHERE ss.story_id = CAST(sqlc.arg(story_id) AS INTEGER)))
  AND (CAST(sqlc.arg(tag_id) AS INTEGER) = 0 OR x.id IN (
        SELECT g.source_id FROM tagging g WHERE g.tag_id = CAST(sqlc.arg(tag_id) AS INTEGER)))
  AND (CAST(sqlc.arg(speaker_id) AS INTEGER) = 0 OR x.id IN (
        SELECT q.source_id FROM quote q
        WHERE q.speaker_id = CAST(sqlc.arg(speaker_id) AS INTEGER) AND q.status <> 'rejected'))
  AND (CAST(sqlc.arg(outlet) AS TEXT) = '' OR x.outlet = CAST(sqlc.arg(outlet) AS TEXT) COLLATE NOCASE)
  AND (CAST(sqlc.arg(dated) AS INTEGER) = 0 OR (x.published >= CAST(sqlc.arg(date_from) AS TEXT)
       AND x.published <= CAST(sqlc.arg(date_to) AS TEXT)))
ORDER BY CASE WHEN x.published <> '' THEN x.published ELSE x.imported_at END DESC, x.id DESC
LIMIT sqlc.arg(max_hits);

-- name: ListQuotes :many
-- Most recently added first. cand is the quotes of the first filter set
-- (speaker, story, tag, outlet, dates), dates applied with an outlet; the
-- other filters narrow it. As in SearchQuotes, rejected and scare quotes
-- are left out only for the rows returned, so total counts them.
WITH cand(id) AS (
    SELECT q.id FROM quote q
    WHERE CAST(sqlc.arg(speaker_id) AS INTEGER) <> 0 AND q.speaker_id = CAST(sqlc.arg(speaker_id) AS INTEGER)
    UNION ALL
    SELECT q.id FROM story_source ss CROSS JOIN quote q ON q.source_id = ss.source_id
    WHERE CAST(sqlc.arg(speaker_id) AS INTEGER) = 0 AND CAST(sqlc.arg(story_id) AS INTEGER) <> 0
      AND ss.story_id = CAST(sqlc.arg(story_id) AS INTEGER)
    UNION ALL
    SELECT g.quote_id FROM tagging g
    WHERE CAST(sqlc.arg(speaker_id) AS INTEGER) = 0 AND CAST(sqlc.arg(story_id) AS INTEGER) = 0
      AND CAST(sqlc.arg(tag_id) AS INTEGER) <> 0 AND g.tag_id = CAST(sqlc.arg(tag_id) AS INTEGER) AND g.quote_id IS NOT NULL
    UNION ALL
    SELECT q.id FROM source cs CROSS JOIN quote q ON q.source_id = cs.id
    WHERE CAST(sqlc.arg(speaker_id) AS INTEGER) = 0 AND CAST(sqlc.arg(story_id) AS INTEGER) = 0
      AND CAST(sqlc.arg(tag_id) AS INTEGER) = 0
      AND CAST(sqlc.arg(outlet) AS TEXT) <> '' AND cs.outlet = CAST(sqlc.arg(outlet) AS TEXT) COLLATE NOCASE
      AND (CAST(sqlc.arg(dated) AS INTEGER) = 0 OR cs.id IN (
            SELECT fs.id FROM source fs
            WHERE fs.published >= CAST(sqlc.arg(date_from) AS TEXT) AND fs.published <= CAST(sqlc.arg(date_to) AS TEXT)))
    UNION ALL
    SELECT q.id FROM source cs CROSS JOIN quote q ON q.source_id = cs.id
    WHERE CAST(sqlc.arg(speaker_id) AS INTEGER) = 0 AND CAST(sqlc.arg(story_id) AS INTEGER) = 0
      AND CAST(sqlc.arg(tag_id) AS INTEGER) = 0 AND CAST(sqlc.arg(outlet) AS TEXT) = ''
      AND cs.published >= CAST(sqlc.arg(date_from) AS TEXT) AND cs.published <= CAST(sqlc.arg(date_to) AS TEXT)
)
SELECT q.id, q.source_id, q.text,
       CAST(coalesce(sp.name, '') AS TEXT) AS speaker,
       s.title AS source_title, s.outlet, s.published, CAST(t.total AS INTEGER) AS total
FROM (
    SELECT r.id, r.total
    FROM (
        SELECT cand.id, count(*) OVER () AS total
        FROM cand
        WHERE (CAST(sqlc.arg(story_id) AS INTEGER) = 0 OR cand.id IN (
                SELECT cq.id FROM story_source ss JOIN quote cq ON cq.source_id = ss.source_id
                WHERE ss.story_id = CAST(sqlc.arg(story_id) AS INTEGER)))
          AND (CAST(sqlc.arg(tag_id) AS INTEGER) = 0 OR cand.id IN (
                SELECT g.quote_id FROM tagging g WHERE g.tag_id = CAST(sqlc.arg(tag_id) AS INTEGER)))
          AND ((CAST(sqlc.arg(speaker_id) AS INTEGER) = 0 AND CAST(sqlc.arg(story_id) AS INTEGER) = 0
                AND CAST(sqlc.arg(tag_id) AS INTEGER) = 0)
               OR (CAST(sqlc.arg(outlet) AS TEXT) = '' AND CAST(sqlc.arg(dated) AS INTEGER) = 0)
               OR EXISTS (
                SELECT 1 FROM quote cq
                WHERE cq.id = cand.id
                  AND (CAST(sqlc.arg(outlet) AS TEXT) = '' OR cq.source_id IN (
                        SELECT fs.id FROM source fs WHERE fs.outlet = CAST(sqlc.arg(outlet) AS TEXT) COLLATE NOCASE))
                  AND (CAST(sqlc.arg(dated) AS INTEGER) = 0 OR cq.source_id IN (
                        SELECT fs.id FROM source fs
                        WHERE fs.published >= CAST(sqlc.arg(date_from) AS TEXT)
                          AND fs.published <= CAST(sqlc.arg(date_to) AS TEXT)))))
        ORDER BY cand.id DESC
    ) AS r
    CROSS JOIN quote rq ON rq.id = r.id
    WHERE rq.status <> 'rejected' AND rq.kind <> 'scare'
    LIMIT sqlc.arg(max_hits)
) AS t
JOIN quote q ON q.id = t.id
JOIN source s ON s.id = q.source_id
LEFT JOIN speaker sp ON sp.id = q.speaker_id
ORDER BY q.id DESC;

-- name: ListSpeakers :many
-- Most recently added first. cand is the speakers of the first filter set
-- (speaker, story, tag, outlet or dates), with outlet and dates already
-- applied for a story, an outlet or dates; the others narrow it.
WITH cand(id) AS (
    SELECT CAST(sqlc.arg(speaker_id) AS INTEGER) WHERE CAST(sqlc.arg(speaker_id) AS INTEGER) <> 0
    UNION
    SELECT q.speaker_id FROM story_source ss CROSS JOIN quote q ON q.source_id = ss.source_id
    CROSS JOIN source cs ON cs.id = ss.source_id
    WHERE CAST(sqlc.arg(speaker_id) AS INTEGER) = 0 AND CAST(sqlc.arg(story_id) AS INTEGER) <> 0
      AND ss.story_id = CAST(sqlc.arg(story_id) AS INTEGER)
      AND q.speaker_id IS NOT NULL AND q.status <> 'rejected'
      AND (CAST(sqlc.arg(outlet) AS TEXT) = '' OR cs.outlet = CAST(sqlc.arg(outlet) AS TEXT) COLLATE NOCASE)
      AND (CAST(sqlc.arg(dated) AS INTEGER) = 0 OR (cs.published >= CAST(sqlc.arg(date_from) AS TEXT)
           AND cs.published <= CAST(sqlc.arg(date_to) AS TEXT)))
    UNION
    SELECT g.speaker_id FROM tagging g
    WHERE CAST(sqlc.arg(speaker_id) AS INTEGER) = 0 AND CAST(sqlc.arg(story_id) AS INTEGER) = 0
      AND CAST(sqlc.arg(tag_id) AS INTEGER) <> 0 AND g.tag_id = CAST(sqlc.arg(tag_id) AS INTEGER) AND g.speaker_id IS NOT NULL
    UNION
    SELECT q.speaker_id FROM source cs CROSS JOIN quote q ON q.source_id = cs.id
    WHERE CAST(sqlc.arg(speaker_id) AS INTEGER) = 0 AND CAST(sqlc.arg(story_id) AS INTEGER) = 0
      AND CAST(sqlc.arg(tag_id) AS INTEGER) = 0
      AND CAST(sqlc.arg(outlet) AS TEXT) <> '' AND cs.outlet = CAST(sqlc.arg(outlet) AS TEXT) COLLATE NOCASE
      AND (CAST(sqlc.arg(dated) AS INTEGER) = 0 OR (cs.published >= CAST(sqlc.arg(date_from) AS TEXT)
           AND cs.published <= CAST(sqlc.arg(date_to) AS TEXT)))
      AND q.speaker_id IS NOT NULL AND q.status <> 'rejected'
    UNION
    SELECT q.speaker_id FROM source cs CROSS JOIN quote q ON q.source_id = cs.id
    WHERE CAST(sqlc.arg(speaker_id) AS INTEGER) = 0 AND CAST(sqlc.arg(story_id) AS INTEGER) = 0
      AND CAST(sqlc.arg(tag_id) AS INTEGER) = 0 AND CAST(sqlc.arg(outlet) AS TEXT) = ''
      AND cs.published >= CAST(sqlc.arg(date_from) AS TEXT) AND cs.published <= CAST(sqlc.arg(date_to) AS TEXT)
      AND q.speaker_id IS NOT NULL AND q.status <> 'rejected'
)
SELECT sp.id, sp.name, sp.role, CAST(count(*) OVER () AS INTEGER) AS total
FROM cand CROSS JOIN speaker sp ON sp.id = cand.id
WHERE (CAST(sqlc.arg(story_id) AS INTEGER) = 0 OR sp.id IN (
        SELECT q.speaker_id FROM story_source ss JOIN quote q ON q.source_id = ss.source_id
        JOIN source fs ON fs.id = ss.source_id
        WHERE ss.story_id = CAST(sqlc.arg(story_id) AS INTEGER) AND q.status <> 'rejected'
          AND (CAST(sqlc.arg(outlet) AS TEXT) = '' OR fs.outlet = CAST(sqlc.arg(outlet) AS TEXT) COLLATE NOCASE)
          AND (CAST(sqlc.arg(dated) AS INTEGER) = 0 OR (fs.published >= CAST(sqlc.arg(date_from) AS TEXT)
               AND fs.published <= CAST(sqlc.arg(date_to) AS TEXT)))))
  AND (CAST(sqlc.arg(tag_id) AS INTEGER) = 0 OR sp.id IN (
        SELECT g.speaker_id FROM tagging g WHERE g.tag_id = CAST(sqlc.arg(tag_id) AS INTEGER)))
  AND (CAST(sqlc.arg(speaker_id) AS INTEGER) = 0 OR sp.id = CAST(sqlc.arg(speaker_id) AS INTEGER))
  AND ((CAST(sqlc.arg(speaker_id) AS INTEGER) = 0 AND (CAST(sqlc.arg(story_id) AS INTEGER) <> 0 OR CAST(sqlc.arg(tag_id) AS INTEGER) = 0))
       OR (CAST(sqlc.arg(outlet) AS TEXT) = '' AND CAST(sqlc.arg(dated) AS INTEGER) = 0)
       OR EXISTS (
        SELECT 1 FROM quote q JOIN source fs ON fs.id = q.source_id
        WHERE q.speaker_id = sp.id AND q.status <> 'rejected'
          AND (CAST(sqlc.arg(outlet) AS TEXT) = '' OR fs.outlet = CAST(sqlc.arg(outlet) AS TEXT) COLLATE NOCASE)
          AND (CAST(sqlc.arg(dated) AS INTEGER) = 0 OR (fs.published >= CAST(sqlc.arg(date_from) AS TEXT)
               AND fs.published <= CAST(sqlc.arg(date_to) AS TEXT)))))
ORDER BY sp.id DESC
LIMIT sqlc.arg(max_hits);

-- name: ListNotes :many
-- Most recently changed first. cand is the notes of the first filter set
-- (speaker, story, tag, outlet or dates), with outlet and dates already
-- applied when they drive; the others narrow it.
WITH cand(id) AS (
    SELECT l.note_id FROM note_link l
    WHERE CAST(sqlc.arg(speaker_id) AS INTEGER) <> 0 AND l.speaker_id = CAST(sqlc.arg(speaker_id) AS INTEGER)
    UNION
    SELECT l.note_id FROM note_link l
    WHERE CAST(sqlc.arg(speaker_id) AS INTEGER) = 0 AND CAST(sqlc.arg(story_id) AS INTEGER) <> 0
      AND l.story_id = CAST(sqlc.arg(story_id) AS INTEGER)
    UNION
    SELECT l.note_id FROM story_source ss CROSS JOIN note_link l ON l.source_id = ss.source_id
    WHERE CAST(sqlc.arg(speaker_id) AS INTEGER) = 0 AND CAST(sqlc.arg(story_id) AS INTEGER) <> 0
      AND ss.story_id = CAST(sqlc.arg(story_id) AS INTEGER)
    UNION
    SELECT l.note_id FROM story_source ss CROSS JOIN quote q ON q.source_id = ss.source_id
    CROSS JOIN note_link l ON l.quote_id = q.id
    WHERE CAST(sqlc.arg(speaker_id) AS INTEGER) = 0 AND CAST(sqlc.arg(story_id) AS INTEGER) <> 0
      AND ss.story_id = CAST(sqlc.arg(story_id) AS INTEGER)
    UNION
    SELECT g.note_id FROM tagging g
    WHERE CAST(sqlc.arg(speaker_id) AS INTEGER) = 0 AND CAST(sqlc.arg(story_id) AS INTEGER) = 0
      AND CAST(sqlc.arg(tag_id) AS INTEGER) <> 0 AND g.tag_id = CAST(sqlc.arg(tag_id) AS INTEGER) AND g.note_id IS NOT NULL
    UNION
    SELECT l.note_id FROM source cs CROSS JOIN note_link l ON l.source_id = cs.id
    WHERE CAST(sqlc.arg(speaker_id) AS INTEGER) = 0 AND CAST(sqlc.arg(story_id) AS INTEGER) = 0
      AND CAST(sqlc.arg(tag_id) AS INTEGER) = 0
      AND CAST(sqlc.arg(outlet) AS TEXT) <> '' AND cs.outlet = CAST(sqlc.arg(outlet) AS TEXT) COLLATE NOCASE
      AND (CAST(sqlc.arg(dated) AS INTEGER) = 0 OR (cs.published >= CAST(sqlc.arg(date_from) AS TEXT)
           AND cs.published <= CAST(sqlc.arg(date_to) AS TEXT)))
    UNION
    SELECT l.note_id FROM source cs CROSS JOIN note_link l ON l.source_id = cs.id
    WHERE CAST(sqlc.arg(speaker_id) AS INTEGER) = 0 AND CAST(sqlc.arg(story_id) AS INTEGER) = 0
      AND CAST(sqlc.arg(tag_id) AS INTEGER) = 0
      AND CAST(sqlc.arg(outlet) AS TEXT) = ''
      AND cs.published >= CAST(sqlc.arg(date_from) AS TEXT) AND cs.published <= CAST(sqlc.arg(date_to) AS TEXT)
    UNION
    SELECT l.note_id FROM source cs CROSS JOIN quote q ON q.source_id = cs.id CROSS JOIN note_link l ON l.quote_id = q.id
    WHERE CAST(sqlc.arg(speaker_id) AS INTEGER) = 0 AND CAST(sqlc.arg(story_id) AS INTEGER) = 0
      AND CAST(sqlc.arg(tag_id) AS INTEGER) = 0
      AND CAST(sqlc.arg(outlet) AS TEXT) <> '' AND cs.outlet = CAST(sqlc.arg(outlet) AS TEXT) COLLATE NOCASE
      AND (CAST(sqlc.arg(dated) AS INTEGER) = 0 OR (cs.published >= CAST(sqlc.arg(date_from) AS TEXT)
           AND cs.published <= CAST(sqlc.arg(date_to) AS TEXT)))
    UNION
    SELECT l.note_id FROM source cs CROSS JOIN quote q ON q.source_id = cs.id CROSS JOIN note_link l ON l.quote_id = q.id
    WHERE CAST(sqlc.arg(speaker_id) AS INTEGER) = 0 AND CAST(sqlc.arg(story_id) AS INTEGER) = 0
      AND CAST(sqlc.arg(tag_id) AS INTEGER) = 0
      AND CAST(sqlc.arg(outlet) AS TEXT) = ''
      AND cs.published >= CAST(sqlc.arg(date_from) AS TEXT) AND cs.published <= CAST(sqlc.arg(date_to) AS TEXT)
)
SELECT n.id, n.title,
       CAST(coalesce(ns.id, 0) AS INTEGER) AS source_id,
       CAST(coalesce(ns.title, '') AS TEXT) AS source_title,
       CAST(coalesce(ns.outlet, '') AS TEXT) AS outlet,
       CAST(coalesce(ns.published, '') AS TEXT) AS published,
       CAST(t.total AS INTEGER) AS total
FROM (
    SELECT cn.id, cn.modified_at, count(*) OVER () AS total
    FROM cand CROSS JOIN note cn ON cn.id = cand.id
    WHERE (CAST(sqlc.arg(story_id) AS INTEGER) = 0 OR cand.id IN (
            SELECT l.note_id FROM note_link l WHERE l.story_id = CAST(sqlc.arg(story_id) AS INTEGER)
            UNION ALL
            SELECT l.note_id FROM story_source ss JOIN note_link l ON l.source_id = ss.source_id
            WHERE ss.story_id = CAST(sqlc.arg(story_id) AS INTEGER)
            UNION ALL
            SELECT l.note_id FROM story_source ss JOIN quote q ON q.source_id = ss.source_id
            JOIN note_link l ON l.quote_id = q.id
            WHERE ss.story_id = CAST(sqlc.arg(story_id) AS INTEGER)))
      AND (CAST(sqlc.arg(tag_id) AS INTEGER) = 0 OR cand.id IN (
            SELECT g.note_id FROM tagging g WHERE g.tag_id = CAST(sqlc.arg(tag_id) AS INTEGER)))
      AND (CAST(sqlc.arg(speaker_id) AS INTEGER) = 0 OR cand.id IN (
            SELECT l.note_id FROM note_link l WHERE l.speaker_id = CAST(sqlc.arg(speaker_id) AS INTEGER)))
      AND ((CAST(sqlc.arg(speaker_id) AS INTEGER) = 0 AND CAST(sqlc.arg(story_id) AS INTEGER) = 0
            AND CAST(sqlc.arg(tag_id) AS INTEGER) = 0)
           OR (CAST(sqlc.arg(outlet) AS TEXT) = '' AND CAST(sqlc.arg(dated) AS INTEGER) = 0)
           OR EXISTS (
            SELECT 1 FROM note_link l LEFT JOIN quote lq ON lq.id = l.quote_id
            JOIN source fs ON fs.id = coalesce(l.source_id, lq.source_id)
            WHERE l.note_id = cand.id
              AND (CAST(sqlc.arg(outlet) AS TEXT) = '' OR fs.outlet = CAST(sqlc.arg(outlet) AS TEXT) COLLATE NOCASE)
              AND (CAST(sqlc.arg(dated) AS INTEGER) = 0 OR (fs.published >= CAST(sqlc.arg(date_from) AS TEXT)
                   AND fs.published <= CAST(sqlc.arg(date_to) AS TEXT)))))
    ORDER BY cn.modified_at DESC, cn.id DESC
    LIMIT sqlc.arg(max_hits)
) AS t
JOIN note n ON n.id = t.id
LEFT JOIN source ns ON ns.id = (
    SELECT coalesce(l.source_id, lq.source_id) FROM note_link l LEFT JOIN quote lq ON lq.id = l.quote_id
    WHERE l.note_id = n.id AND coalesce(l.source_id, lq.source_id) IS NOT NULL
    ORDER BY l.id LIMIT 1)
ORDER BY t.modified_at DESC, t.id DESC;

-- name: SearchSourceMaxID :one
-- The largest source id: about the number of sources, read from the end of
-- the table without counting it.
SELECT CAST(coalesce(max(id), 0) AS INTEGER) AS max_id FROM source;

-- name: SearchQuoteMaxID :one
SELECT CAST(coalesce(max(id), 0) AS INTEGER) AS max_id FROM quote;

-- name: SearchOutletSources :one
-- How many sources an outlet has (from the outlet index alone).
SELECT CAST(count(*) AS INTEGER) AS n FROM source WHERE outlet = CAST(sqlc.arg(outlet) AS TEXT) COLLATE NOCASE;

-- name: SearchDatedSources :one
-- How many sources were published between two dates (from the date index
-- alone).
SELECT CAST(count(*) AS INTEGER) AS n FROM source
WHERE published >= CAST(sqlc.arg(date_from) AS TEXT) AND published <= CAST(sqlc.arg(date_to) AS TEXT);

-- name: SearchQuoteMatches :one
-- How many quotes a query matches, counted up to max_count.
SELECT CAST(count(*) AS INTEGER) AS n
FROM (SELECT 1 FROM quote_fts(CAST(sqlc.arg(query) AS TEXT)) LIMIT sqlc.arg(max_count));
