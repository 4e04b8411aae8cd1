//go:build desktop || bindings

package main

import (
	"context"
	_ "embed"
	"io/fs"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"
	"github.com/wailsapp/wails/v2/pkg/runtime"

	"sourcebook/app"
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
	return wails.Run(&options.App{
		Title:            "Sourcebook",
		Width:            1280,
		Height:           820,
		MinWidth:         720,
		MinHeight:        480,
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
