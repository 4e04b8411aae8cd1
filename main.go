// Command sourcebook is an offline research notebook for comparing how
// sources tell the same story. This file only wires the parts together: the
// embedded frontend, the desktop window (window.go, built with the desktop
// tag) and the command line (package cli), which opens the notebook and
// builds the app.
package main

import (
	"embed"
	"io/fs"
	"os"

	"sourcebook/app"
	"sourcebook/cli"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

//go:embed all:frontend/dist
var assets embed.FS

// desktop opens the window; nil unless built with the desktop tag.
var desktop func(a *app.App) error

// bindingsOnly is true in the build `wails generate module` makes to write
// the frontend's bindings: it must reach wails.Run and nothing else.
var bindingsOnly = false

func main() {
	dist, err := fs.Sub(assets, "frontend/dist")
	if err != nil {
		panic(err) // the embed pattern guarantees the folder
	}
	if bindingsOnly {
		if err := desktop(&app.App{}); err != nil {
			panic(err)
		}
		return
	}
	os.Exit(cli.Main(os.Args[1:], cli.Env{
		Stdout:  os.Stdout,
		Stderr:  os.Stderr,
		Version: version,
		Assets:  dist,
		Desktop: desktop,
	}))
}
