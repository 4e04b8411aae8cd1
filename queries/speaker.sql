-- name: SpeakerCreate :one
INSERT INTO speaker (uuid, name, role, affiliation, created_at, modified_at)
VALUES (?, ?, ?, ?, ?, ?)
RETURNING id;

-- name: SpeakerFind :one
-- The speaker called name, or having name as an alias, case folded; the
-- oldest when several are.
SELECT id FROM (
    SELECT id FROM speaker WHERE name = sqlc.arg(name) COLLATE NOCASE
    UNION
    SELECT speaker_id AS id FROM speaker_alias WHERE alias = sqlc.arg(name) COLLATE NOCASE
)
ORDER BY id
LIMIT 1;

-- name: SpeakerGet :one
SELECT id, uuid, name, role, affiliation, created_at, modified_at FROM speaker WHERE id = ?;

-- name: SpeakerList :many
-- Every speaker with the number of quotes (rejected ones left out) and of
-- sources they are quoted in, most quoted first. The triggers of schema v7
-- keep the numbers.
SELECT sp.id, sp.uuid, sp.name, sp.role, sp.affiliation,
       sp.quote_count AS quotes, sp.source_count AS sources
FROM speaker sp
ORDER BY sp.quote_count DESC, sp.name COLLATE NOCASE, sp.id;

-- name: SpeakerAliases :many
SELECT alias FROM speaker_alias WHERE speaker_id = ? ORDER BY alias COLLATE NOCASE;

-- name: SpeakerAliasesAll :many
-- Every alias, for listing all speakers with one query.
SELECT speaker_id, alias FROM speaker_alias ORDER BY speaker_id, alias COLLATE NOCASE;

-- name: SpeakerSummary :one
-- One speaker with the counts SpeakerList gives.
SELECT sp.id, sp.uuid, sp.name, sp.role, sp.affiliation,
       sp.quote_count AS quotes, sp.source_count AS sources
FROM speaker sp
WHERE sp.id = ?;

-- name: SpeakerAliasAdd :exec
INSERT INTO speaker_alias (uuid, speaker_id, alias, created_at)
VALUES (?, ?, ?, ?)
ON CONFLICT (speaker_id, alias) DO NOTHING;

-- name: SpeakerAliasMove :exec
-- Gives the aliases of one speaker to another, dropping those it has.
UPDATE OR IGNORE speaker_alias SET speaker_id = sqlc.arg(to_speaker) WHERE speaker_id = sqlc.arg(from_speaker);

-- name: SpeakerAliasDelete :exec
DELETE FROM speaker_alias WHERE speaker_id = ? AND alias = ? COLLATE NOCASE;

-- name: SpeakerUpdate :execrows
UPDATE speaker SET name = ?, role = ?, affiliation = ?, modified_at = ? WHERE id = ?;

-- name: SpeakerFillDetails :exec
-- Sets role and affiliation where they are still empty.
UPDATE speaker
SET role = CASE WHEN role = '' THEN sqlc.arg(role) ELSE role END,
    affiliation = CASE WHEN affiliation = '' THEN sqlc.arg(affiliation) ELSE affiliation END
WHERE id = sqlc.arg(id);

-- name: SpeakerDelete :execrows
DELETE FROM speaker WHERE id = ?;

-- name: SpeakerNoteLinksMove :exec
UPDATE note_link SET speaker_id = sqlc.arg(to_speaker) WHERE speaker_id = sqlc.arg(from_speaker);

-- name: SpeakerTaggingsMove :exec
UPDATE OR IGNORE tagging SET speaker_id = sqlc.arg(to_speaker) WHERE speaker_id = sqlc.arg(from_speaker);

-- name: SpeakerBySurname :many
-- Speakers whose name ends with the given word ("Stone" finds "Andy
-- Stone"); at most two, as only a single match is used.
SELECT id FROM speaker
WHERE name LIKE '% ' || CAST(sqlc.arg(surname) AS TEXT)
ORDER BY id
LIMIT 2;
