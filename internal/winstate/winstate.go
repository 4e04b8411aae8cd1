// Package winstate remembers the desktop window's size between runs, in a
// small JSON file in the user's configuration folder.
package winstate

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// State is the window's geometry when it was last closed.
type State struct {
	Width     int  `json:"width"`
	Height    int  `json:"height"`
	Maximised bool `json:"maximised"`
}

// Limits on a remembered size: smaller or larger values (a corrupt file, a
// screen since unplugged) fall back to the defaults given to Load.
const (
	MinWidth, MinHeight = 720, 480
	MaxSide             = 8192
)

// Path is where the state is kept: $XDG_CONFIG_HOME/sourcebook/window.json.
func Path() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("window state: %w", err)
	}
	return filepath.Join(dir, "sourcebook", "window.json"), nil
}

// Load reads the state at path. A missing, unreadable or implausible file
// gives def: remembering the window is a convenience, never an error.
func Load(path string, def State) State {
	data, err := os.ReadFile(path)
	if err != nil {
		return def
	}
	var s State
	if json.Unmarshal(data, &s) != nil || s.Width < MinWidth || s.Height < MinHeight || s.Width > MaxSide || s.Height > MaxSide {
		return def
	}
	return s
}

// Save writes the state to path atomically (a temporary file renamed over
// the old one), creating the folder.
func Save(path string, s State) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("window state: %w", err)
	}
	data, err := json.Marshal(s)
	if err != nil {
		return fmt.Errorf("window state: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".window-*.json")
	if err != nil {
		return fmt.Errorf("window state: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("window state: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("window state: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("window state: %w", err)
	}
	return nil
}
