-- Schema version 3: the superior office's desk (上级审核). A roster per year
-- lists the units in scope; every file received is kept with its SHA-256,
-- the report read from it and why it could not be read. Which file is a
-- unit's current one is derived (the latest by modification time), so a
-- replaced file stays as the unit's history.
CREATE TABLE desk_roster (
    year   INTEGER NOT NULL,
    pos    INTEGER NOT NULL,
    name   TEXT NOT NULL CHECK (name <> ''),
    level  TEXT NOT NULL DEFAULT '',
    parent TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (year, pos)
) WITHOUT ROWID;
CREATE UNIQUE INDEX desk_roster_name ON desk_roster(year, name);

CREATE TABLE desk_files (
    id          INTEGER PRIMARY KEY,
    year        INTEGER NOT NULL,            -- the desk year it was received for
    path        TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    size        INTEGER NOT NULL,
    modified    TEXT NOT NULL,
    received    TEXT NOT NULL,
    source      TEXT NOT NULL DEFAULT '' CHECK (source IN ('', 'embedded', 'text')),
    report      BLOB,                        -- the report file JSON; NULL when unreadable
    printed     BLOB,                        -- JSON of the printed table cells; NULL when not compared
    text_error  TEXT NOT NULL DEFAULT '',
    suspect     TEXT NOT NULL DEFAULT '',    -- attachment warnings, one a line
    error       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX desk_files_year ON desk_files(year, id);
