//go:build desktop || bindings

package main

import (
	"context"
	_ "embed"
	"io/fs"
	"log/slog"

	"github.com/wailsapp/wails/v2"
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
		OnStartup: func(ctx context.Context) {
			app.SetSaveDialog(a, func(title, name string) (string, error) {
				return runtime.SaveFileDialog(ctx, runtime.SaveDialogOptions{
					Title: title, DefaultFilename: name,
					Filters: []runtime.FileFilter{{DisplayName: "Web page (*.html)", Pattern: "*.html"}},
				})
			})
		},
		Linux: &linux.Options{
			ProgramName:      "sourcebook",
			Icon:             icon,
			WebviewGpuPolicy: linux.WebviewGpuPolicyOnDemand,
		},
	})
}
