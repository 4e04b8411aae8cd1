// Package db opens Sourcebook notebooks: one SQLite file each, migrated to the
// schema this build knows, locked against other processes. It also holds the
// queries sqlc generates from queries/*.sql (files ending in .sql.go, plus
// queries.go and models.go).
//
// Open is the only place a notebook is opened. The DSN carries the
// per-connection pragmas (foreign keys, WAL, busy timeout), so every
// connection of the pool has them.
package db

import (
	"bytes"
	"context"
	"database/sql"
	"embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"github.com/gofrs/flock"
	"github.com/pressly/goose/v3"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// ApplicationID marks an SQLite file as a Sourcebook notebook (PRAGMA
// application_id; the bytes spell "SrcB").
const ApplicationID = 0x53726342

//go:embed migrations/*.sql
var migrationFS embed.FS

// Migrations returns the embedded, numbered migrations.
func Migrations() fs.FS {
	sub, err := fs.Sub(migrationFS, "migrations")
	if err != nil {
		panic(err) // the embed pattern guarantees the folder exists
	}
	return sub
}

// Notebook is an open notebook file.
type Notebook struct {
	// DB is the connection pool. Use it for reads; write through Tx.
	DB *sql.DB
	// Q runs the generated queries on DB, each through a statement
	// prepared once.
	Q *Queries
	// Path is the notebook file's absolute path.
	Path string
	// SchemaVersion is the schema version after migration.
	SchemaVersion int64

	lock  *flock.Flock
	stmts *stmtCache
	// changes counts the write transactions committed (see Changes).
	changes atomic.Uint64
	// backupFirst: copy the notebook into its backups before migrating it.
	backupFirst bool
	// upgrading is told of a migration before it starts (OnUpgrade).
	upgrading func(from, to int64)
}

// KeepBackups is how many backups a notebook keeps; older ones are deleted.
const KeepBackups = 10

// Changes returns how many write transactions (Tx) have committed since
// the notebook was opened. Every write of the app goes through Tx, and no
// other process can write while the notebook is open (the lock), so an
// unchanged number means unchanged contents: what is computed from them
// can be kept until it changes.
func (nb *Notebook) Changes() uint64 { return nb.changes.Load() }

// Errors Open returns, wrapped in *OpenError. Test them with errors.Is.
var (
	// ErrLocked: another process has the notebook open.
	ErrLocked = errors.New("it is open in another Sourcebook process")
	// ErrNewer: the notebook was written by a newer Sourcebook.
	ErrNewer = errors.New("it was made by a newer version of Sourcebook")
	// ErrNotNotebook: the file is not a Sourcebook notebook.
	ErrNotNotebook = errors.New("it is not a Sourcebook notebook")
	// ErrDamaged: the file is an SQLite database SQLite cannot read.
	ErrDamaged = errors.New("the file is damaged")
	// ErrUnwritable: the file or its folder cannot be written.
	ErrUnwritable = errors.New("it cannot be written")
)

// OpenError says which notebook could not be opened and why. Its message is
// meant for users: "cannot open notebook /x/notebook.db: it is open in another
// Sourcebook process".
type OpenError struct {
	Path   string
	Kind   error  // one of the Err* values above, or nil
	Detail string // more about the problem, for users
	Err    error  // the underlying error, if any
}

func (e *OpenError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "cannot open notebook %s", e.Path)
	if e.Kind != nil {
		fmt.Fprintf(&b, ": %v", e.Kind)
	}
	if e.Detail != "" {
		fmt.Fprintf(&b, " (%s)", e.Detail)
	} else if e.Kind == nil && e.Err != nil {
		fmt.Fprintf(&b, ": %v", e.Err)
	}
	return b.String()
}

// Is reports whether target is e's kind, so errors.Is(err, ErrLocked) works.
func (e *OpenError) Is(target error) bool { return e.Kind != nil && e.Kind == target }

// Unwrap returns the underlying error.
func (e *OpenError) Unwrap() error { return e.Err }

// DefaultPath returns the default notebook: $XDG_DATA_HOME/sourcebook/notebook.db
// (~/.local/share/sourcebook/notebook.db when XDG_DATA_HOME is unset).
func DefaultPath() (string, error) {
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" || !filepath.IsAbs(dir) {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("db: no home folder for the default notebook: %w", err)
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "sourcebook", "notebook.db"), nil
}

// sqliteMagic begins every SQLite database file.
var sqliteMagic = []byte("SQLite format 3\x00")

// Open opens the notebook at path, creating it (and its folder) when it does
// not exist, takes an exclusive lock on it (path + ".lock") for as long as it
// is open, and migrates it to the newest schema. Every error is an *OpenError
// naming the file; on error nothing in the file has changed, except that a
// migration that fails is rolled back by its transaction.
func Open(ctx context.Context, path string, opts ...Option) (*Notebook, error) {
	var cfg openConfig
	for _, o := range opts {
		o(&cfg)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, &OpenError{Path: path, Err: err}
	}
	path = abs
	fail := func(kind error, detail string, err error) (*Notebook, error) {
		return nil, &OpenError{Path: path, Kind: kind, Detail: detail, Err: err}
	}

	if fi, err := os.Stat(path); err == nil {
		if fi.IsDir() {
			return fail(ErrNotNotebook, "it is a folder", nil)
		}
		if err := checkHeader(path); err != nil {
			return nil, err
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fail(ErrUnwritable, describeFSError(err), err)
	} else if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fail(ErrUnwritable, describeFSError(err), err)
	}

	lock := flock.New(path + ".lock")
	ok, err := lock.TryLock()
	if err != nil {
		return fail(ErrUnwritable, "cannot create its lock file "+lock.Path()+": "+describeFSError(err), err)
	}
	if !ok {
		return fail(ErrLocked, "close the other window or command first", nil)
	}
	nb, err := open(ctx, path, true, cfg.upgrading)
	if err != nil {
		_ = lock.Unlock()
		return nil, err
	}
	nb.lock = lock
	return nb, nil
}

// An Option changes how Open opens a notebook.
type Option func(*openConfig)

type openConfig struct {
	upgrading func(from, to int64)
}

// OnUpgrade has Open call fn when the notebook it opens was written by an
// older version and is about to be backed up and upgraded from schema
// version from to version to: a notebook of 100,000 sources takes minutes,
// which the caller can tell the user. It is not called for a new notebook.
func OnUpgrade(fn func(from, to int64)) Option {
	return func(c *openConfig) { c.upgrading = fn }
}

// open opens and migrates the notebook at path; with backup, a notebook
// that needs migrating is first copied into its backups. upgrading, when
// not nil, is told of a migration before it starts.
func open(ctx context.Context, path string, backup bool, upgrading func(from, to int64)) (*Notebook, error) {
	fail := func(kind error, detail string, err error) (*Notebook, error) {
		return nil, &OpenError{Path: path, Kind: kind, Detail: detail, Err: err}
	}
	if f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644); err != nil {
		return fail(ErrUnwritable, describeFSError(err), err)
	} else {
		f.Close()
	}
	sqldb, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		return fail(nil, "", err)
	}
	stmts := newStmtCache(sqldb)
	nb := &Notebook{DB: sqldb, Q: New(stmts), Path: path, stmts: stmts, backupFirst: backup, upgrading: upgrading}
	if err := nb.migrate(ctx); err != nil {
		sqldb.Close()
		var oe *OpenError
		if errors.As(err, &oe) {
			return nil, err
		}
		return fail(classify(err), "", err)
	}
	return nb, nil
}

// dsn builds the modernc.org/sqlite data source name for path. Pragmas in
// the DSN apply to every connection the pool opens; _txlock=immediate makes
// every transaction take the write lock at BEGIN, so two writers never
// deadlock upgrading a read lock.
func dsn(path string) string {
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(path)}
	q := url.Values{}
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "busy_timeout(5000)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Set("_txlock", "immediate")
	u.RawQuery = q.Encode()
	return u.String()
}

// checkHeader reads the 100-byte SQLite header and refuses, before SQLite
// opens the file (opening in WAL mode writes to the header), files that are
// not SQLite databases, databases of other programs and notebooks of a newer
// schema. See https://sqlite.org/fileformat.html#the_database_header.
func checkHeader(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return &OpenError{Path: path, Kind: ErrUnwritable, Detail: describeFSError(err), Err: err}
	}
	defer f.Close()
	head := make([]byte, 100)
	n, err := io.ReadFull(f, head)
	if n == 0 && (err == io.EOF || err == nil) {
		return nil // an empty file becomes a new notebook
	}
	if n < len(head) || !bytes.Equal(head[:len(sqliteMagic)], sqliteMagic) {
		return &OpenError{Path: path, Kind: ErrNotNotebook, Detail: "it is not an SQLite database"}
	}
	pages := binary.BigEndian.Uint32(head[28:])
	userVersion := int64(binary.BigEndian.Uint32(head[60:]))
	appID := binary.BigEndian.Uint32(head[68:])
	switch {
	case appID == ApplicationID:
		if known := KnownVersion(); userVersion > known {
			return newerError(path, userVersion, known)
		}
	case appID != 0 || pages > 1:
		return &OpenError{Path: path, Kind: ErrNotNotebook, Detail: "it is an SQLite database of another program"}
	}
	return nil
}

func newerError(path string, version, known int64) error {
	return &OpenError{Path: path, Kind: ErrNewer,
		Detail: fmt.Sprintf("schema version %d; this Sourcebook reads up to %d: update Sourcebook to open it", version, known)}
}

// KnownVersion returns the newest schema version this build knows: the
// number of the last embedded migration.
func KnownVersion() int64 {
	entries, err := fs.ReadDir(Migrations(), ".")
	if err != nil {
		panic(err) // embedded
	}
	var v int64
	for _, e := range entries {
		var n int64
		if _, err := fmt.Sscanf(e.Name(), "%d_", &n); err == nil {
			v = max(v, n)
		}
	}
	return v
}

// migrate checks that the file is a notebook this build can read and applies
// pending migrations, each in its own transaction.
func (nb *Notebook) migrate(ctx context.Context) error {
	var appID int64
	if err := nb.DB.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return err
	}
	var tables int64
	if err := nb.DB.QueryRowContext(ctx,
		"SELECT count(*) FROM sqlite_schema WHERE type = 'table'").Scan(&tables); err != nil {
		return err
	}
	if appID != ApplicationID && (appID != 0 || tables > 0) {
		return &OpenError{Path: nb.Path, Kind: ErrNotNotebook, Detail: "it is an SQLite database of another program"}
	}

	p, err := goose.NewProvider(goose.DialectSQLite3, nb.DB, Migrations())
	if err != nil {
		return fmt.Errorf("db: migrations: %w", err)
	}
	known := KnownVersion()
	if tables == 0 {
		// Mark the file as a notebook before creating anything in it.
		if _, err := nb.DB.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d", ApplicationID)); err != nil {
			return fmt.Errorf("db: set application id: %w", err)
		}
	} else {
		current, err := p.GetDBVersion(ctx)
		if err != nil {
			return fmt.Errorf("db: read schema version: %w", err)
		}
		if current > known {
			return newerError(nb.Path, current, known)
		}
		if current < known && nb.upgrading != nil {
			nb.upgrading(current, known)
		}
		if current < known && nb.backupFirst {
			// An upgrade cannot be undone: keep the notebook as it was.
			if _, err := nb.Backup(ctx, "migration", time.Now(), KeepBackups); err != nil {
				return &OpenError{Path: nb.Path, Kind: ErrUnwritable,
					Detail: fmt.Sprintf("could not back it up before upgrading it from schema %d to %d: %v", current, known, err), Err: err}
			}
		}
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("db: migrate: %w", err)
	}
	v, err := p.GetDBVersion(ctx)
	if err != nil {
		return fmt.Errorf("db: read schema version: %w", err)
	}
	nb.SchemaVersion = v
	// The schema version in the header too, for any SQLite tool and for
	// checkHeader.
	var userVersion int64
	if err := nb.DB.QueryRowContext(ctx, "PRAGMA user_version").Scan(&userVersion); err != nil {
		return fmt.Errorf("db: read user version: %w", err)
	}
	if userVersion != v {
		if _, err := nb.DB.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v)); err != nil {
			return fmt.Errorf("db: set user version: %w", err)
		}
	}
	return nil
}

// classify maps SQLite's result codes to the kinds of OpenError.
func classify(err error) error {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_NOTADB:
			return ErrNotNotebook
		case sqlite3.SQLITE_CORRUPT:
			return ErrDamaged
		case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM:
			return ErrUnwritable
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return ErrLocked
		}
	}
	return nil
}

// describeFSError turns a file-system error into a few plain words.
func describeFSError(err error) string {
	switch {
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or folder"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// Tx runs fn in one write transaction: it commits when fn returns nil and
// rolls back otherwise, so the notebook gets all of fn's writes or none.
func (nb *Notebook) Tx(ctx context.Context, fn func(q *Queries) error) error {
	tx, err := nb.DB.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("db: begin: %w", err)
	}
	if err := fn(nb.Q.WithTx(tx)); err != nil {
		_ = tx.Rollback()
		return err
	}
	// Counted once the commit has landed, so that whoever reads the
	// number and then the notebook never files old contents under the
	// new number.
	err = tx.Commit()
	nb.changes.Add(1)
	if err != nil {
		return fmt.Errorf("db: commit: %w", err)
	}
	return nil
}

// TxRaw runs fn in one write transaction like Tx, handing it the
// transaction itself, for code that writes SQL of its own (a merge).
func (nb *Notebook) TxRaw(ctx context.Context, fn func(tx DBTX) error) error {
	tx, err := nb.DB.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("db: begin: %w", err)
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	err = tx.Commit()
	nb.changes.Add(1)
	if err != nil {
		return fmt.Errorf("db: commit: %w", err)
	}
	return nil
}

// Close closes the database and releases the lock. The WAL is checkpointed
// so the notebook is one self-contained file after a clean exit. The lock
// file stays: removing it would let two processes lock different files.
func (nb *Notebook) Close() error {
	if nb.stmts != nil {
		nb.stmts.close()
	}
	_, _ = nb.DB.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	err := nb.DB.Close()
	if nb.lock != nil {
		if uerr := nb.lock.Unlock(); err == nil {
			err = uerr
		}
	}
	return err
}
