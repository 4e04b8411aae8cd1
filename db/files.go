package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Errors of the file operations (copy, backup, restore), wrapped with the
// path. Test them with errors.Is.
var (
	// ErrExists: the path to write already exists.
	ErrExists = errors.New("it already exists")
	// ErrDiskFull: the disk filled up while writing.
	ErrDiskFull = errors.New("the disk is full")
)

// WriteFileAtomic creates the file path by calling write on a temporary
// file beside it, then syncing and renaming it into place: path holds either
// nothing or everything. Unless replace, an existing path is refused with
// ErrExists. On error the temporary file is removed.
func WriteFileAtomic(path string, replace bool, write func(tmp string) error) error {
	if !replace {
		if _, err := os.Lstat(path); err == nil {
			return fmt.Errorf("%s: %w", path, ErrExists)
		}
	}
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".partial-*")
	if err != nil {
		return fmt.Errorf("%s: %w", path, fileError(err))
	}
	tmp := f.Name()
	f.Close()
	ok := false
	defer func() {
		if !ok {
			os.Remove(tmp)
			os.Remove(tmp + "-journal")
		}
	}()
	if err := write(tmp); err != nil {
		return fmt.Errorf("%s: %w", path, fileError(err))
	}
	if f, err := os.Open(tmp); err == nil {
		err = f.Sync()
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", path, fileError(err))
		}
	}
	if !replace {
		// Link fails when path appeared meanwhile, where rename would
		// silently replace it.
		if err := os.Link(tmp, path); err != nil {
			if errors.Is(err, fs.ErrExist) {
				return fmt.Errorf("%s: %w", path, ErrExists)
			}
			if err := os.Rename(tmp, path); err != nil {
				return fmt.Errorf("%s: %w", path, fileError(err))
			}
		} else {
			os.Remove(tmp)
		}
	} else if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("%s: %w", path, fileError(err))
	}
	ok = true
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}

// fileError maps write failures to ErrDiskFull where that is what they
// are (ENOSPC, EFBIG, EDQUOT, SQLITE_FULL), keeping the cause.
func fileError(err error) error {
	var se *sqlite.Error
	if errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EFBIG) || errors.Is(err, syscall.EDQUOT) ||
		(errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_FULL) {
		return fmt.Errorf("%w (%v)", ErrDiskFull, err)
	}
	if errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_IOERR {
		// SQLite reports a short write (a file-size limit, a full disk on
		// some systems) as an I/O error.
		return fmt.Errorf("%w or cannot be written (%v)", ErrDiskFull, err)
	}
	return err
}

// CopyTo writes a consistent copy of the notebook to path with VACUUM INTO:
// a snapshot as of the moment it starts, however much the app writes
// meanwhile, compacted, in rollback-journal mode so the single file is
// everything. Unless replace, an existing path is refused (ErrExists).
// progress, when not nil, is told the bytes written and an estimate of the
// total about every 200 ms.
func (nb *Notebook) CopyTo(ctx context.Context, path string, replace bool, progress func(done, total int64)) error {
	var total int64
	_ = nb.DB.QueryRowContext(ctx,
		"SELECT (page_count - freelist_count) * page_size FROM pragma_page_count, pragma_freelist_count, pragma_page_size").Scan(&total)
	return WriteFileAtomic(path, replace, func(tmp string) error {
		os.Remove(tmp) // VACUUM INTO wants a new (or empty) file
		stop := make(chan struct{})
		done := make(chan struct{})
		if progress != nil {
			go func() {
				defer close(done)
				t := time.NewTicker(200 * time.Millisecond)
				defer t.Stop()
				for {
					select {
					case <-stop:
						return
					case <-t.C:
						if fi, err := os.Stat(tmp); err == nil {
							progress(min(fi.Size(), total), total)
						}
					}
				}
			}()
		} else {
			close(done)
		}
		_, err := nb.DB.ExecContext(ctx, "VACUUM INTO ?", tmp)
		close(stop)
		<-done
		if err != nil {
			return err
		}
		if progress != nil {
			progress(total, total)
		}
		return nil
	})
}

// BackupDir is where the backups of the notebook at path go: a folder
// beside it, "notebook-backups" for "notebook.db".
func BackupDir(path string) string {
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	return filepath.Join(filepath.Dir(path), base+"-backups")
}

// BackupInfo describes one backup file.
type BackupInfo struct {
	Name   string    `json:"name"`   // the file name in BackupDir
	Path   string    `json:"path"`   // the full path
	Reason string    `json:"reason"` // daily, migration, merge, restore, manual
	Time   time.Time `json:"time"`   // when it was taken (UTC)
	Bytes  int64     `json:"bytes"`
}

const backupTime = "20060102T150405Z"

// Backup copies the notebook into BackupDir as
// "<name>-<UTC time>-<reason>.db" and, when keep > 0, deletes the oldest
// backups beyond keep. It returns the new backup.
func (nb *Notebook) Backup(ctx context.Context, reason string, now time.Time, keep int) (BackupInfo, error) {
	dir := BackupDir(nb.Path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return BackupInfo{}, fmt.Errorf("db: back up: %w", err)
	}
	base := strings.TrimSuffix(filepath.Base(nb.Path), filepath.Ext(nb.Path))
	var name, path string
	for i := 1; ; i++ {
		name = fmt.Sprintf("%s-%s-%s.db", base, now.UTC().Format(backupTime), reason)
		if i > 1 { // two backups in one second
			name = fmt.Sprintf("%s-%s-%s-%d.db", base, now.UTC().Format(backupTime), reason, i)
		}
		path = filepath.Join(dir, name)
		err := nb.CopyTo(ctx, path, false, nil)
		if err == nil {
			break
		}
		if !errors.Is(err, ErrExists) || i >= 100 {
			return BackupInfo{}, fmt.Errorf("db: back up: %w", err)
		}
	}
	if keep > 0 {
		if err := PruneBackups(nb.Path, keep); err != nil {
			return BackupInfo{}, err
		}
	}
	info := BackupInfo{Name: name, Path: path, Reason: reason, Time: now.UTC().Truncate(time.Second)}
	if fi, err := os.Stat(path); err == nil {
		info.Bytes = fi.Size()
	}
	return info, nil
}

// BackupBytes is how much room a notebook's backups may take together:
// beyond it the oldest are deleted, though the newest minBackups always
// stay. A notebook of 100,000 sources is about 3.5 GB, and ten copies of it
// would fill 35 GB of the user's disk.
const BackupBytes int64 = 8 << 30

// minBackups is how many of the newest backups are kept whatever their
// size: the one a merge or restore just took, to undo it, and one more.
const minBackups = 2

// PruneBackups deletes the oldest backups of the notebook at path beyond
// the newest keep, and beyond BackupBytes in all.
func PruneBackups(path string, keep int) error {
	return pruneBackups(path, keep, BackupBytes)
}

func pruneBackups(path string, keep int, budget int64) error {
	list, err := Backups(path)
	if err != nil {
		return err
	}
	var total int64
	for i, b := range list {
		total += b.Bytes
		if i < keep && (i < minBackups || total <= budget) {
			continue
		}
		if err := os.Remove(b.Path); err != nil {
			return fmt.Errorf("db: delete an old backup: %w", err)
		}
	}
	return nil
}

// Backups lists the backups of the notebook at path, newest first.
func Backups(path string) ([]BackupInfo, error) {
	dir := BackupDir(path)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	} else if err != nil {
		return nil, fmt.Errorf("db: list the backups: %w", err)
	}
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	var out []BackupInfo
	var written []time.Time
	for _, e := range entries {
		name := e.Name()
		rest, ok := strings.CutPrefix(name, base+"-")
		if !ok || !strings.HasSuffix(rest, ".db") || len(rest) < len(backupTime)+4 {
			continue
		}
		t, err := time.Parse(backupTime, rest[:len(backupTime)])
		if err != nil {
			continue
		}
		info, err := e.Info()
		if err != nil || !info.Mode().IsRegular() {
			continue
		}
		reason := strings.TrimSuffix(strings.TrimPrefix(rest[len(backupTime):], "-"), ".db")
		if i := strings.LastIndexByte(reason, '-'); i > 0 && strings.Trim(reason[i+1:], "0123456789") == "" {
			reason = reason[:i] // "merge-2": the second in one second
		}
		out = append(out, BackupInfo{Name: name, Path: filepath.Join(dir, name), Reason: reason, Time: t, Bytes: info.Size()})
		written = append(written, info.ModTime())
	}
	idx := make([]int, len(out))
	for i := range idx {
		idx[i] = i
	}
	// Newest first; within one second, the one written last first.
	sort.Slice(idx, func(i, j int) bool {
		a, b := idx[i], idx[j]
		if !out[a].Time.Equal(out[b].Time) {
			return out[a].Time.After(out[b].Time)
		}
		return written[a].After(written[b])
	})
	sorted := make([]BackupInfo, len(out))
	for i, k := range idx {
		sorted[i] = out[k]
	}
	out = sorted
	return out, nil
}

// Restore replaces the notebook's whole contents with the notebook file src
// (a backup), through SQLite's online backup, in one transaction, then
// migrates it if src is of an older schema. src must be a notebook this
// build reads; the caller backs the notebook up first.
func (nb *Notebook) Restore(ctx context.Context, src string) error {
	other, err := OpenOther(ctx, src)
	if err != nil {
		return err
	}
	path := other.path
	defer other.Close()
	conn, err := nb.DB.Conn(ctx)
	if err != nil {
		return fmt.Errorf("db: restore: %w", err)
	}
	err = conn.Raw(func(dc any) error {
		r, ok := dc.(interface {
			NewRestore(string) (*sqlite.Backup, error)
		})
		if !ok {
			return errors.New("the SQLite driver cannot restore")
		}
		b, err := r.NewRestore(path)
		if err != nil {
			return err
		}
		for {
			more, err := b.Step(1024)
			if err != nil {
				b.Finish()
				return err
			}
			if !more {
				break
			}
			if err := ctx.Err(); err != nil {
				b.Finish()
				return err
			}
		}
		return b.Finish()
	})
	conn.Close()
	nb.changes.Add(1) // everything may have changed
	if err != nil {
		return fmt.Errorf("db: restore %s: %w", src, err)
	}
	return nb.migrate(ctx)
}

// Other is another notebook file opened to read from (to merge it): read
// only, or, when it is of an older schema, a migrated temporary copy.
type Other struct {
	DB   *sql.DB
	path string // what DB reads: the file or its migrated copy
	tmp  string // the temporary copy to delete, or ""
}

// OpenOther opens the notebook file path to read from it, never changing
// it. It refuses, with an *OpenError, a file that is not a notebook, one of
// a newer schema (ErrNewer) and a damaged one (ErrDamaged).
func OpenOther(ctx context.Context, path string) (*Other, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, &OpenError{Path: path, Err: err}
	}
	path = abs
	fi, err := os.Stat(path)
	if err != nil {
		return nil, &OpenError{Path: path, Kind: ErrUnwritable, Detail: describeFSError(err), Err: err}
	}
	if fi.IsDir() {
		return nil, &OpenError{Path: path, Kind: ErrNotNotebook, Detail: "it is a folder"}
	}
	if fi.Size() == 0 {
		return nil, &OpenError{Path: path, Kind: ErrNotNotebook, Detail: "it is empty"}
	}
	if err := checkHeader(path); err != nil {
		return nil, err
	}
	o := &Other{path: path}
	// Read through a memory map with a larger cache: a merge reads the
	// whole file once, and page-by-page reads were a fifth of its time.
	ro := "file:" + filepath.ToSlash(path) + "?mode=ro&_pragma=busy_timeout(5000)&_pragma=query_only(1)" +
		"&_pragma=mmap_size(1073741824)&_pragma=cache_size(-65536)"
	if o.DB, err = sql.Open("sqlite", ro); err != nil {
		return nil, &OpenError{Path: path, Err: err}
	}
	fail := func(err error) (*Other, error) {
		o.Close()
		var oe *OpenError
		if errors.As(err, &oe) {
			return nil, err
		}
		kind := classify(err)
		if kind == nil {
			kind = ErrDamaged
		}
		return nil, &OpenError{Path: path, Kind: kind, Detail: err.Error(), Err: err}
	}
	// Check the tables a merge reads, not the full-text indexes: those are
	// never read (the merge indexes what it adds), and checking them took
	// a third as long as the merge itself.
	for _, t := range transferTables {
		var n int
		if err := o.DB.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?", t).Scan(&n); err != nil {
			return fail(err)
		}
		if n == 0 {
			continue // an older schema; migrating its copy reads it all
		}
		var check string
		if err := o.DB.QueryRowContext(ctx, "SELECT quick_check FROM pragma_quick_check(?)", t).Scan(&check); err != nil {
			return fail(err)
		}
		if check != "ok" {
			return fail(&OpenError{Path: path, Kind: ErrDamaged, Detail: check})
		}
	}
	var appID, version int64
	if err := o.DB.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return fail(err)
	}
	if err := o.DB.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return fail(err)
	}
	if appID != ApplicationID {
		return fail(&OpenError{Path: path, Kind: ErrNotNotebook, Detail: "it is not a Sourcebook notebook"})
	}
	if version == KnownVersion() {
		return o, nil
	}
	// An older notebook: migrate a copy, never the user's file.
	f, err := os.CreateTemp("", "sourcebook-merge-*.db")
	if err != nil {
		return fail(err)
	}
	o.tmp = f.Name()
	f.Close()
	os.Remove(o.tmp)
	if _, err := o.DB.ExecContext(ctx, "VACUUM INTO ?", o.tmp); err != nil {
		return fail(err)
	}
	o.DB.Close()
	nb, err := open(ctx, o.tmp, false, nil)
	if err != nil {
		o.DB = nil
		return fail(err)
	}
	o.DB, o.path = nb.DB, o.tmp
	return o, nil
}

// Close closes the file and deletes the temporary copy, if any.
func (o *Other) Close() error {
	var err error
	if o.DB != nil {
		err = o.DB.Close()
	}
	if o.tmp != "" {
		for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
			os.Remove(o.tmp + suffix)
		}
	}
	return err
}
