package httpapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"net/http"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"sourcebook/internal/httpapi"
)

// codedError is an error with a code, like the app's error type.
type codedError struct{ code, msg string }

func (e *codedError) Error() string     { return e.msg }
func (e *codedError) ErrorCode() string { return e.code }

// Point is a struct argument and result.
type Point struct {
	X     int    `json:"x"`
	Y     int    `json:"y"`
	Label string `json:"label"`
}

// File carries bytes, base64-encoded in JSON, like app.FileData.
type File struct {
	Name string `json:"name"`
	Data []byte `json:"data"`
}

// target has a method for every return shape and for every kind of
// failure. None of its methods block, so the fuzzer may call any of them.
type target struct{}

func (*target) Ping()                     {}
func (*target) Add(a, b int64) int64      { return a + b }
func (*target) Concat(a, b string) string { return a + b }
func (*target) Sum(xs []int) (int, error) {
	n := 0
	for _, x := range xs {
		n += x
	}
	return n, nil
}
func (*target) Move(p Point, dx int) (Point, error) { p.X += dx; return p, nil }
func (*target) Sizes(files []File) []int {
	sizes := make([]int, len(files))
	for i, f := range files {
		sizes[i] = len(f.Data)
	}
	return sizes
}
func (*target) Check(ok bool) error {
	if !ok {
		return &codedError{"invalid", "check failed: not ok"}
	}
	return nil
}
func (*target) Fail(code, msg string) error { return &codedError{code, msg} }
func (*target) FailWrapped(code string) (string, error) {
	return "", fmt.Errorf("wrapped: %w", &codedError{code, code + " happened"})
}
func (*target) Secret() error { return errors.New("database file /home/user/secret.db is locked") }
func (*target) Boom() int     { panic("kaboom") }
func (*target) NaN() float64  { return math.NaN() }
func (*target) Nil() *Point   { return nil }
func (*target) Opt(p *Point) string {
	if p == nil {
		return "nil"
	}
	return p.Label
}

// Methods that cannot be served over JSON; New must skip them.
func (*target) Start(ctx context.Context) {}
func (*target) Many(xs ...int)            {}
func (*target) Chan() chan int            { return nil }
func (*target) Three() (int, int, error)  { return 0, 0, nil }
func (*target) TwoValues() (int, int)     { return 0, 0 }
func (*target) unexported()               {}

// served lists the methods of target that New must serve.
var served = []string{"Add", "Boom", "Check", "Concat", "Fail", "FailWrapped", "Move", "NaN", "Nil", "Opt", "Ping", "Secret", "Sizes", "Sum"}

// assets is a small built frontend.
var assets = fstest.MapFS{
	"index.html":     {Data: []byte("<!doctype html><title>Sourcebook</title><script src=/assets/app.js></script>")},
	"assets/app.js":  {Data: []byte("console.log('sourcebook')")},
	"assets/app.css": {Data: []byte("body{margin:0}")},
}

// syncBuffer is a log destination that tests can read while the server
// writes to it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// testServer is a Server listening on a real loopback port.
type testServer struct {
	*httpapi.Server
	log  *syncBuffer
	host string // 127.0.0.1:PORT
}

// start runs a Server for cfg (Target, Assets and Log filled in when
// unset) until the test ends, and checks that it then shuts down cleanly.
func start(t *testing.T, cfg httpapi.Config) *testServer {
	t.Helper()
	logs := &syncBuffer{}
	if cfg.Target == nil {
		cfg.Target = &target{}
	}
	if cfg.Assets == nil {
		cfg.Assets = assets
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	if cfg.Addr == "" {
		cfg.Addr = "127.0.0.1:0"
	}
	s, err := httpapi.New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	if err := s.Listen(); err != nil {
		t.Fatalf("Listen: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Serve: %v", err)
		}
		if strings.Contains(logs.String(), s.Token()) {
			t.Errorf("the log contains the token:\n%s", logs.String())
		}
	})
	return &testServer{Server: s, log: logs, host: fmt.Sprintf("127.0.0.1:%d", s.Port())}
}

// request builds a request to the server; path may hold a query.
func (ts *testServer) request(t *testing.T, method, path, body string) *http.Request {
	t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, "http://"+ts.host+path, r)
	if err != nil {
		t.Fatal(err)
	}
	return req
}

// call is an API call carrying the token in the header.
func (ts *testServer) call(t *testing.T, name, body string) *http.Request {
	t.Helper()
	req := ts.request(t, http.MethodPost, "/api/"+name, body)
	req.Header.Set(httpapi.TokenHeader, ts.Token())
	return req
}

// response is a read response.
type response struct {
	status int
	header http.Header
	body   string
	resp   *http.Response
}

// do sends req without following redirects or keeping cookies.
func do(t *testing.T, req *http.Request) response {
	t.Helper()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", req.Method, req.URL.Path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s %s: read body: %v", req.Method, req.URL.Path, err)
	}
	return response{status: resp.StatusCode, header: resp.Header, body: string(b), resp: resp}
}

// apiError decodes the error body of a failed call.
func apiError(t *testing.T, body string) (code, message string) {
	t.Helper()
	var e struct {
		Error struct {
			Code    string `json:"code"`
			Message string `json:"message"`
		} `json:"error"`
	}
	if err := json.Unmarshal([]byte(body), &e); err != nil {
		t.Fatalf("error body %q is not JSON: %v", body, err)
	}
	return e.Error.Code, e.Error.Message
}

// jsonEqual reports whether two JSON texts hold the same value.
func jsonEqual(t *testing.T, got, want string) bool {
	t.Helper()
	var g, w any
	if err := json.Unmarshal([]byte(got), &g); err != nil {
		t.Errorf("body %q is not JSON: %v", got, err)
		return false
	}
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatalf("want %q is not JSON: %v", want, err)
	}
	gb, _ := json.Marshal(g)
	wb, _ := json.Marshal(w)
	return bytes.Equal(gb, wb)
}
