package httpapi

import (
	"bytes"
	"io"
	"io/fs"
	"net/http"
	"path"
	"strings"
)

// notBuiltPage is served instead of index.html when Assets lacks it, which
// happens when the Go binary was built before the frontend.
const notBuiltPage = "Sourcebook: the web frontend has not been built.\n" +
	"Run `make build`, then start Sourcebook again.\n"

// serveStatic serves the frontend: files of Assets, index.html for / and
// for paths without an extension that name no file (routes of the
// single-page app), 404 for other missing files.
func (s *Server) serveStatic(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	// Files have no modification time in an embedded FS, so the browser
	// cannot revalidate; fetching again is cheap on loopback.
	w.Header().Set("Cache-Control", "no-cache")
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if name == "" {
		name = "index.html"
	}
	if s.serveFile(w, r, name) {
		return
	}
	if path.Ext(name) != "" && name != "index.html" {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	if s.serveFile(w, r, "index.html") {
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	http.Error(w, notBuiltPage, http.StatusServiceUnavailable)
}

// serveFile serves the regular file name of Assets and reports whether
// there was one.
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, name string) bool {
	if s.assets == nil || !fs.ValidPath(name) {
		return false
	}
	f, err := s.assets.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		return false
	}
	content, ok := f.(io.ReadSeeker)
	if !ok {
		b, err := io.ReadAll(f)
		if err != nil {
			s.log.Error("httpapi: read asset", "name", name, "err", err)
			http.Error(w, "internal error", http.StatusInternalServerError)
			return true
		}
		content = bytes.NewReader(b)
	}
	http.ServeContent(w, r, name, st.ModTime(), content)
	return true
}
