package export

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteDir creates the folder dir, which must not exist yet, whole or not
// at all: fill writes into a temporary folder beside it (dir.partial-*),
// which is renamed to dir when fill succeeds and removed when it fails, so
// a full disk, a cancelled export or an error leaves nothing under dir.
// fill's error is returned as it is; WriteDir's own begin with who ("vault:
// ..."), and one wrapping fs.ErrExist means dir exists (or appeared
// meanwhile).
func WriteDir(who, dir string, fill func(tmp string) error) (err error) {
	dir = filepath.Clean(dir)
	if _, err := os.Lstat(dir); err == nil {
		return fmt.Errorf("%s: %s already exists: %w", who, dir, fs.ErrExist)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%s: cannot check %s: %w", who, dir, err)
	}
	tmp, err := os.MkdirTemp(filepath.Dir(dir), filepath.Base(dir)+".partial-")
	if err != nil {
		return fmt.Errorf("%s: cannot create a folder beside %s: %w", who, dir, err)
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	if err := fill(tmp); err != nil {
		return err
	}
	if _, err := os.Lstat(dir); err == nil {
		return fmt.Errorf("%s: %s appeared while exporting: %w", who, dir, fs.ErrExist)
	}
	if err := os.Rename(tmp, dir); err != nil {
		return fmt.Errorf("%s: cannot rename the finished folder to %s: %w", who, dir, err)
	}
	return nil
}
