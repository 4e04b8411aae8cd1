//go:build desktop || bindings

package main

import (
	"context"
	_ "embed"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/pkg/browser"
	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/menu"
	"github.com/wailsapp/wails/v2/pkg/menu/keys"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"
	"github.com/wailsapp/wails/v2/pkg/runtime"

	"sourcebook/app"
	"sourcebook/internal/winstate"
)

func init() { desktop = runWindow }

//go:embed build/appicon.png
var icon []byte

// runWindow opens the desktop window on a and blocks until it is closed.
func runWindow(a *app.App) error {
	dist, err := fs.Sub(assets, "frontend/dist")
	if err != nil {
		return err
	}
	// The window opens at the size it had when last closed.
	statePath, _ := winstate.Path()
	state := winstate.Load(statePath, winstate.State{Width: 1280, Height: 820})
	start := options.Normal
	if state.Maximised {
		start = options.Maximised
	}
	var wctx context.Context // the window's, once it has started
	return wails.Run(&options.App{
		Title:            "Sourcebook",
		Width:            state.Width,
		Height:           state.Height,
		MinWidth:         winstate.MinWidth,
		MinHeight:        winstate.MinHeight,
		WindowStartState: start,
		OnBeforeClose: func(ctx context.Context) bool {
			if statePath != "" {
				s := winstate.State{Width: state.Width, Height: state.Height, Maximised: runtime.WindowIsMaximised(ctx)}
				if !s.Maximised {
					s.Width, s.Height = runtime.WindowGetSize(ctx)
				}
				if err := winstate.Save(statePath, s); err != nil {
					slog.Warn("could not remember the window size", "err", err)
				}
			}
			return false
		},
		AssetServer:      &assetserver.Options{Assets: dist},
		BackgroundColour: &options.RGBA{R: 250, G: 249, B: 247, A: 255},
		Bind:             []any{a},
		Menu:             appMenu(&wctx),
		OnStartup: func(ctx context.Context) {
			wctx = ctx
			app.SetSaveDialog(a, func(title, name string) (string, error) {
				return runtime.SaveFileDialog(ctx, runtime.SaveDialogOptions{
					Title: title, DefaultFilename: name,
					Filters: []runtime.FileFilter{{DisplayName: "Web page (*.html)", Pattern: "*.html"}},
				})
			})
			app.SetDialogs(a, dialogs{ctx})
		},
		Linux: &linux.Options{
			ProgramName:      "sourcebook",
			Icon:             icon,
			WebviewGpuPolicy: linux.WebviewGpuPolicyOnDemand,
		},
	})
}

// appMenu is the window's menu bar. Its items ask the frontend to act by
// the "menu" event (frontend/src/lib/menu.ts), so the window, browser mode
// (whose page has the same items in its own File menu) and the shortcuts
// share one implementation.
func appMenu(ctx *context.Context) *menu.Menu {
	emit := func(action string) func(*menu.CallbackData) {
		return func(*menu.CallbackData) {
			if *ctx != nil {
				runtime.EventsEmit(*ctx, "menu", action)
			}
		}
	}
	m := menu.NewMenu()
	file := m.AddSubmenu("File")
	file.AddText("Import…", keys.CmdOrCtrl("i"), emit("import"))
	file.AddText("Export…", keys.Combo("e", keys.CmdOrCtrlKey, keys.ShiftKey), emit("export"))
	file.AddText("Merge a notebook or file…", nil, emit("merge"))
	file.AddSeparator()
	file.AddText("Backups…", nil, emit("backups"))
	file.AddSeparator()
	file.AddText("Quit", keys.CmdOrCtrl("q"), func(*menu.CallbackData) {
		if *ctx != nil {
			runtime.Quit(*ctx)
		}
	})
	return m
}

// dialogs are the native dialogs app.Dialogs asks for.
type dialogs struct{ ctx context.Context }

func (d dialogs) SaveFile(title, name string) (string, error) {
	return runtime.SaveFileDialog(d.ctx, runtime.SaveDialogOptions{Title: title, DefaultFilename: name, CanCreateDirectories: true})
}

func (d dialogs) OpenFile(title string) (string, error) {
	return runtime.OpenFileDialog(d.ctx, runtime.OpenDialogOptions{Title: title, Filters: []runtime.FileFilter{
		{DisplayName: "Notebooks, JSON exports, annotations", Pattern: "*.db;*.sqlite;*.json;*.jsonld"},
		{DisplayName: "All files", Pattern: "*"},
	}})
}

func (d dialogs) ChooseFolder(title string) (string, error) {
	return runtime.OpenDirectoryDialog(d.ctx, runtime.OpenDialogOptions{Title: title, CanCreateDirectories: true})
}

// Reveal opens the folder holding path (or path, a folder) in the file
// manager. Wails's BrowserOpenURL refuses file: URLs, so xdg-open it is.
func (d dialogs) Reveal(path string) error {
	if fi, err := os.Stat(path); err == nil && !fi.IsDir() {
		path = filepath.Dir(path)
	}
	return browser.OpenFile(path)
}
