-- Workspace schema version 1. Times are UTC RFC 3339 text.
CREATE TABLE units (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (name <> '')
);

CREATE TABLE seals (
    unit_id INTEGER PRIMARY KEY REFERENCES units(id) ON DELETE CASCADE,
    png     BLOB NOT NULL,
    updated TEXT NOT NULL
);

-- Several reports of one unit and year may exist when an import keeps both.
CREATE TABLE reports (
    id            INTEGER PRIMARY KEY,
    unit_id       INTEGER NOT NULL REFERENCES units(id),
    level         TEXT NOT NULL,
    year          INTEGER NOT NULL,
    format        TEXT NOT NULL,
    status        TEXT NOT NULL DEFAULT '草稿' CHECK (status IN ('草稿', '已导出')),
    created       TEXT NOT NULL,
    updated       TEXT NOT NULL,
    errors        INTEGER NOT NULL DEFAULT 0,
    warnings      INTEGER NOT NULL DEFAULT 0,
    exported_pdf  TEXT NOT NULL DEFAULT '',
    exported_at   TEXT NOT NULL DEFAULT '',
    last_snapshot TEXT NOT NULL DEFAULT ''
);
CREATE INDEX reports_unit_year ON reports(unit_id, year);

-- raw: the text as typed; value: the canonical number, NULL when not a number.
CREATE TABLE cells (
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    cell_id   TEXT NOT NULL,
    raw       TEXT NOT NULL,
    value     TEXT,
    PRIMARY KEY (report_id, cell_id)
) WITHOUT ROWID;

CREATE TABLE texts (
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    section   TEXT NOT NULL CHECK (section IN ('preface', 's1', 's5', 's6')),
    body      TEXT NOT NULL,
    PRIMARY KEY (report_id, section)
) WITHOUT ROWID;

CREATE TABLE doc_fields (
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    field     TEXT NOT NULL,
    value     TEXT NOT NULL,
    PRIMARY KEY (report_id, field)
) WITHOUT ROWID;

-- 出错说明, keyed by the finding key "RULE:anchor".
CREATE TABLE explanations (
    report_id   INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    finding_key TEXT NOT NULL,
    body        TEXT NOT NULL,
    PRIMARY KEY (report_id, finding_key)
) WITHOUT ROWID;

-- A revision is the whole report file JSON and its SHA-256.
CREATE TABLE revisions (
    id        INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    created   TEXT NOT NULL,
    reason    TEXT NOT NULL CHECK (reason IN ('edit', 'export', 'restore', 'import')),
    frozen    INTEGER NOT NULL DEFAULT 0,
    sha256    TEXT NOT NULL,
    json      BLOB NOT NULL,
    pdf_path  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX revisions_report ON revisions(report_id, id);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
