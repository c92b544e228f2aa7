// Package storage keeps a clerk's drafts in one local SQLite file, the
// workspace (modernc.org/sqlite, no cgo).
//
// Durability: every Save* call runs its own short transaction and returns
// only after COMMIT; the connection runs in WAL mode with synchronous=FULL,
// so an acknowledged edit survives a killed process or a power cut.
//
// One process at a time: Open takes an exclusive lock on the file
// «workspace.db.lock» beside the workspace (flock on Unix, LockFileEx on
// Windows) and holds it until Close. A second window or a CLI run on the
// same workspace gets ErrLocked («正在被另一个窗口使用») instead of racing on
// the file. The lock belongs to the open file handle, so the operating
// system releases it when the process dies; a stale lock file is harmless.
// Verify (nianbao-cli db check) takes no lock: it only reads, which WAL
// allows beside a running window.
//
// Identification: the file carries application_id and user_version. A file
// that is not SQLite, is corrupt, belongs to another application or was
// written by a newer version is refused before anything is written to it,
// and the error offers the newest good backup.
//
// Backups are VACUUM INTO copies in «backups/» beside the workspace: on open
// when the newest is older than 12 hours, before every migration and on
// demand. The newest 10 are kept, plus the newest of every calendar year, so
// each report year's final state survives.
package storage
