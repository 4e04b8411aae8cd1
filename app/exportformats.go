package app

import (
	"context"

	"sourcebook/db"
	"sourcebook/internal/export"
	"sourcebook/internal/export/csvfile"
	"sourcebook/internal/export/vault"
)

// writeFormat runs the writer of internal/export for the format.
func writeFormat(ctx context.Context, f ExportFormat, feed export.Notebook, req ExportRequest, progress export.Progress) error {
	switch f.ID {
	case "markdown":
		return vault.Write(ctx, feed, req.Path, progress)
	case "csv":
		return csvfile.Write(ctx, feed, req.Path, progress)
	}
	return invalid("the %s export is not built yet", f.ID)
}

func (a *App) importAnnotations(ctx context.Context, path string, res *MergeResult, progress func(done, total int64)) (db.MergeStats, error) {
	return db.MergeStats{}, invalid("annotation import is not built yet")
}
