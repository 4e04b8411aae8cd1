package httpapi_test

import (
	"io/fs"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"

	"sourcebook/internal/httpapi"
)

const indexHTML = "<!doctype html><title>Sourcebook</title><script src=/assets/app.js></script>"

func TestStatic(t *testing.T) {
	ts := start(t, httpapi.Config{})
	tests := []struct {
		name   string
		method string
		path   string
		status int
		body   string // "" for HEAD
		ctype  string // prefix of Content-Type
	}{
		{"root", "GET", "/", 200, indexHTML, "text/html"},
		{"index by name", "GET", "/index.html", 200, indexHTML, "text/html"},
		{"script", "GET", "/assets/app.js", 200, "console.log('sourcebook')", "text/javascript"},
		{"style", "GET", "/assets/app.css", 200, "body{margin:0}", "text/css"},
		{"app route", "GET", "/stories/12", 200, indexHTML, "text/html"},
		{"app route with query", "GET", "/search?q=x", 200, indexHTML, "text/html"},
		{"directory", "GET", "/assets", 200, indexHTML, "text/html"},
		{"directory with slash", "GET", "/assets/", 200, indexHTML, "text/html"},
		{"dot-dot", "GET", "/assets/../assets/app.js", 200, "console.log('sourcebook')", "text/javascript"},
		{"escaped dot-dot", "GET", "/%2e%2e/%2e%2e/etc/passwd", 200, indexHTML, "text/html"},
		{"missing script", "GET", "/assets/missing.js", 404, "not found\n", "text/plain"},
		{"missing file at root", "GET", "/favicon.ico", 404, "not found\n", "text/plain"},
		{"head", "HEAD", "/", 200, "", "text/html"},
		{"head script", "HEAD", "/assets/app.js", 200, "", "text/javascript"},
		{"post", "POST", "/", 405, "method not allowed\n", "text/plain"},
		{"put on file", "PUT", "/assets/app.js", 405, "method not allowed\n", "text/plain"},
		{"api look-alike", "GET", "/apix", 200, indexHTML, "text/html"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := ts.request(t, tt.method, tt.path, "")
			req.Header.Set(httpapi.TokenHeader, ts.Token())
			r := do(t, req)
			if r.status != tt.status || r.body != tt.body {
				t.Fatalf("%s %s: %d %q, want %d %q", tt.method, tt.path, r.status, r.body, tt.status, tt.body)
			}
			if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, tt.ctype) {
				t.Errorf("Content-Type %q, want %s…", ct, tt.ctype)
			}
			if r.status == 405 && r.header.Get("Allow") != "GET, HEAD" {
				t.Errorf("Allow %q, want GET, HEAD", r.header.Get("Allow"))
			}
		})
	}
}

// noSeekFS hides Seek, as an fs.FS other than embed or os may.
type noSeekFS struct{ fs.FS }

type noSeekFile struct{ fs.File }

func (f noSeekFS) Open(name string) (fs.File, error) {
	file, err := f.FS.Open(name)
	if err != nil {
		return nil, err
	}
	return noSeekFile{file}, nil
}

func TestStaticAssetsKinds(t *testing.T) {
	tests := []struct {
		name   string
		assets fs.FS
		path   string
		status int
		body   string
	}{
		{"not built: root", fstest.MapFS{}, "/", 503, "make build"},
		{"not built: route", fstest.MapFS{}, "/stories/1", 503, "make build"},
		{"not built: index by name", fstest.MapFS{}, "/index.html", 503, "make build"},
		{"not built: missing script", fstest.MapFS{}, "/assets/app.js", 404, "not found"},
		{"index missing, script present", fstest.MapFS{"assets/app.js": {Data: []byte("x()")}}, "/assets/app.js", 200, "x()"},
		{"index is a directory", fstest.MapFS{"index.html/x": {Data: []byte("x")}}, "/", 503, "make build"},
		{"no seek", noSeekFS{assets}, "/", 200, "<title>Sourcebook</title>"},
		{"no seek script", noSeekFS{assets}, "/assets/app.js", 200, "console.log"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := start(t, httpapi.Config{Assets: tt.assets})
			req := ts.request(t, "GET", tt.path, "")
			req.Header.Set(httpapi.TokenHeader, ts.Token())
			r := do(t, req)
			if r.status != tt.status || !strings.Contains(r.body, tt.body) {
				t.Errorf("GET %s: %d %q, want %d containing %q", tt.path, r.status, r.body, tt.status, tt.body)
			}
		})
	}
}

// TestStaticNilAssets covers a Server built with no frontend at all.
func TestStaticNilAssets(t *testing.T) {
	s, err := httpapi.New(httpapi.Config{Target: &target{}})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(s.Handler())
	defer hs.Close()
	req, err := http.NewRequest("GET", hs.URL+"/?token="+s.Token(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if r := do(t, req); r.status != http.StatusServiceUnavailable || !strings.Contains(r.body, "make build") {
		t.Errorf("GET /: %d %q", r.status, r.body)
	}
}
