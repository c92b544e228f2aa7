package storage

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// migrations[i] brings the schema from version i to i+1.
var migrations = loadMigrations()

func loadMigrations() []string {
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		panic(err)
	}
	sort.Strings(names) // "001_…", "002_…"
	out := make([]string, len(names))
	for i, n := range names {
		b, err := migrationFS.ReadFile(n)
		if err != nil {
			panic(err)
		}
		out[i] = string(b)
	}
	return out
}

// upgradeSteps are the data repairs that run after the SQL of a version,
// in the same transaction; each returns how many values it corrected.
var upgradeSteps = map[int]func(tx *txn) (int, error){
	2: repairTotals,
}

// migrate applies the migrations after version from, each in its own
// transaction together with the new user_version.
func (w *Workspace) migrate(from int) error {
	for v := from; v < len(migrations); v++ {
		what := "升级工作区结构"
		if v == 0 {
			what = "创建工作区"
		}
		err := w.tx(what, func(tx *txn) error {
			if _, err := tx.Exec(migrations[v]); err != nil {
				return fmt.Errorf("migration %d: %w", v+1, err)
			}
			if step := upgradeSteps[v+1]; step != nil {
				n, err := step(tx)
				if err != nil {
					return fmt.Errorf("migration %d: %w", v+1, err)
				}
				w.repaired += n
			}
			if _, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d; PRAGMA application_id = %d", v+1, applicationID)); err != nil {
				return fmt.Errorf("migration %d: %w", v+1, err)
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}
