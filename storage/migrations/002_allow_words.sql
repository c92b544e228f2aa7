-- Schema version 2: words a clerk confirmed legitimate for LINT-SPAM, and
-- computed totals stored (repaired by the upgrade step in migrate.go).
CREATE TABLE allow_words (
    word  TEXT PRIMARY KEY COLLATE NOCASE CHECK (word <> ''),
    added TEXT NOT NULL
) WITHOUT ROWID;
