package app

import (
	"context"
	"io"

	"sourcebook/db"
	"sourcebook/internal/export"
	"sourcebook/internal/export/cite"
	"sourcebook/internal/export/csvfile"
	"sourcebook/internal/export/vault"
	"sourcebook/internal/export/webanno"
)

// writeFormat runs the writer of internal/export for the format: the
// folder writers make their folder whole or not at all themselves; the file
// writers write through a temporary file renamed when complete.
func writeFormat(ctx context.Context, f ExportFormat, feed export.Notebook, req ExportRequest, progress export.Progress) error {
	var write func(context.Context, export.Notebook, io.Writer, export.Progress) error
	switch f.ID {
	case "markdown":
		return vault.Write(ctx, feed, req.Path, progress)
	case "csv":
		return csvfile.Write(ctx, feed, req.Path, progress)
	case "csl-json":
		write = cite.WriteCSL
	case "bibtex":
		write = cite.WriteBibTeX
	case "annotations":
		write = webanno.Write
	default:
		return invalid("there is no %s export", f.ID)
	}
	return writeFile(req.Path, req.Replace, func(w io.Writer) error { return write(ctx, feed, w, progress) })
}

// writeFile writes a file through a temporary file and a rename.
func writeFile(path string, replace bool, write func(w io.Writer) error) error {
	return db.WriteFileAtomic(path, replace, func(tmp string) error {
		f, err := openTruncate(tmp)
		if err != nil {
			return err
		}
		err = write(f)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		return err
	})
}
