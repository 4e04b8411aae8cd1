-- Schema v3: quotes found automatically, grouped across sources, and kept in
-- place when a source changes. Keep this file ASCII (sqlc issue 4523).
--
-- quote.kind is what the detector (or the user) says the quotation is:
-- direct, partial (a few words inside a sentence), block (a set-off passage)
-- or scare (a term in quote marks, not speech; never grouped).
-- quote.group_uuid is shared by every occurrence of the same utterance across
-- the notebook; a quote alone in its group has group_uuid = uuid.
-- quote.speaker_text is the speaker as the source writes it near the quote
-- ("he", "Stone", "the filing"); quote.speaker_id is the resolved speaker.
-- quote.orphan is 1 when a re-extraction could not place the quote: its
-- offsets and text are those it had before, kept for the user to fix.
-- source.quotes_version is the version of the quote detector last run on the
-- source (0: never), so sources imported before quotes existed get theirs.

-- +goose Up
ALTER TABLE quote ADD COLUMN kind TEXT NOT NULL DEFAULT 'direct'
    CHECK (kind IN ('direct', 'partial', 'block', 'scare'));
ALTER TABLE quote ADD COLUMN group_uuid TEXT NOT NULL DEFAULT '';
ALTER TABLE quote ADD COLUMN speaker_text TEXT NOT NULL DEFAULT '';
ALTER TABLE quote ADD COLUMN orphan INTEGER NOT NULL DEFAULT 0 CHECK (orphan IN (0, 1));
UPDATE quote SET group_uuid = uuid WHERE group_uuid = '';
CREATE INDEX quote_group ON quote (group_uuid);

ALTER TABLE source ADD COLUMN quotes_version INTEGER NOT NULL DEFAULT 0;

CREATE INDEX speaker_name ON speaker (name COLLATE NOCASE);

-- A highlight is a note linked to a passage; like a quote it can lose its
-- place when the source changes.
ALTER TABLE note_link ADD COLUMN orphan INTEGER NOT NULL DEFAULT 0 CHECK (orphan IN (0, 1));
