package httpapi_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"sourcebook/internal/httpapi"
)

func TestDispatch(t *testing.T) {
	ts := start(t, httpapi.Config{})
	tests := []struct {
		name   string
		method string // the API method
		body   string
		status int
		want   string // the JSON result, or the error code when status is not 200
		msg    string // part of the error message
	}{
		{"no result, empty body", "Ping", "", 200, "null", ""},
		{"no result, empty array", "Ping", "[]", 200, "null", ""},
		{"no result, blank body", "Ping", " \n", 200, "null", ""},
		{"no result, null body", "Ping", "null", 200, "null", ""},
		{"no result, extra argument", "Ping", "[1]", 400, "invalid", "Ping takes no arguments (got 1)"},
		{"ints", "Add", "[2, 40]", 200, "42", ""},
		{"negative ints", "Add", "[-2, -40]", 200, "-42", ""},
		{"strings", "Concat", `["a\u00e9", "\"b"]`, 200, `"aé\"b"`, ""},
		{"missing trailing argument", "Add", "[2]", 400, "invalid", "Add takes 2 arguments (got 1)"},
		{"no arguments", "Add", "", 400, "invalid", "Add takes 2 arguments (got 0)"},
		{"too many arguments", "Add", "[1,2,3]", 400, "invalid", "Add takes 2 arguments (got 3)"},
		{"string for int", "Add", `["2", 3]`, 400, "invalid", "Add: argument 1: want an integer, got string"},
		{"float for int", "Add", `[2, 3.5]`, 400, "invalid", "argument 2: want an integer that fits in int64, got number 3.5"},
		{"int overflow", "Add", `[9223372036854775808, 0]`, 400, "invalid", "argument 1: want an integer that fits in int64, got number 9223372036854775808"},
		{"object body", "Add", `{"a": 1, "b": 2}`, 400, "invalid", "must be a JSON array"},
		{"number body", "Add", `3`, 400, "invalid", "must be a JSON array"},
		{"broken JSON", "Add", `[1,`, 400, "invalid", "invalid JSON"},
		{"trailing garbage", "Add", `[1,2] x`, 400, "invalid", "invalid JSON"},
		{"slice", "Sum", "[[1, 2, 3]]", 200, "6", ""},
		{"empty slice", "Sum", "[[]]", 200, "0", ""},
		{"null slice", "Sum", "[null]", 200, "0", ""},
		{"slice of wrong type", "Sum", `[["x"]]`, 400, "invalid", "want an integer"},
		{"slice given a scalar", "Sum", `[7]`, 400, "invalid", "want an array"},
		{"struct", "Move", `[{"x": 1, "y": 2, "label": "a"}, 3]`, 200, `{"x": 4, "y": 2, "label": "a"}`, ""},
		{"struct with unknown field", "Move", `[{"x": 1, "extra": true}, 0]`, 200, `{"x": 1, "y": 0, "label": ""}`, ""},
		{"struct field of wrong type", "Move", `[{"x": "1"}, 0]`, 400, "invalid", `field "x": want an integer, got string`},
		{"struct given an array", "Move", `[[1], 0]`, 400, "invalid", "want an object"},
		{"pointer argument", "Opt", `[{"label": "p"}]`, 200, `"p"`, ""},
		{"null pointer argument", "Opt", `[null]`, 200, `"nil"`, ""},
		{"bytes as base64", "Sizes", `[[{"name": "a", "data": "aGVsbG8="}, {"name": "b", "data": ""}]]`, 200, "[5, 0]", ""},
		{"bad base64", "Sizes", `[[{"name": "a", "data": "!!!"}]]`, 400, "invalid", "base64"},
		{"bytes as number", "Sizes", `[[{"name": "a", "data": 5}]]`, 400, "invalid", "want a base64 string"},
		{"nil error", "Check", "[true]", 200, "null", ""},
		{"nil pointer result", "Nil", "", 200, "null", ""},
		{"error code invalid", "Fail", `["invalid", "title is empty"]`, 400, "invalid", "title is empty"},
		{"error code notfound", "Fail", `["notfound", "no source 7"]`, 404, "notfound", "no source 7"},
		{"error code conflict", "Fail", `["conflict", "story exists"]`, 409, "conflict", "story exists"},
		{"error code toolarge", "Fail", `["toolarge", "file is over 50 MB"]`, 413, "toolarge", "file is over 50 MB"},
		{"error code internal", "Fail", `["internal", "disk /secret full"]`, 500, "internal", "internal error"},
		{"unknown error code", "Fail", `["teapot", "short and stout"]`, 500, "internal", "internal error"},
		{"wrapped coded error", "FailWrapped", `["conflict"]`, 409, "conflict", "wrapped: conflict happened"},
		{"coded error from (error)", "Check", "[false]", 400, "invalid", "check failed: not ok"},
		{"plain error", "Secret", "", 500, "internal", "internal error"},
		{"panic", "Boom", "", 500, "internal", "internal error"},
		{"unencodable result", "NaN", "", 500, "internal", "internal error"},
		{"unknown method", "Nope", "[]", 404, "notfound", `no method "Nope"`},
		{"lower-case name", "add", "[1,2]", 404, "notfound", ""},
		{"context method", "Start", "[]", 404, "notfound", ""},
		{"variadic method", "Many", "[]", 404, "notfound", ""},
		{"unexported method", "unexported", "[]", 404, "notfound", ""},
		{"no method name", "", "[]", 404, "notfound", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := do(t, ts.call(t, tt.method, tt.body))
			if r.status != tt.status {
				t.Fatalf("%s %s: status %d, want %d (body %s)", tt.method, tt.body, r.status, tt.status, r.body)
			}
			if ct := r.header.Get("Content-Type"); ct != "application/json" {
				t.Errorf("Content-Type %q, want application/json", ct)
			}
			if tt.status == http.StatusOK {
				if !jsonEqual(t, r.body, tt.want) {
					t.Errorf("%s %s = %s, want %s", tt.method, tt.body, r.body, tt.want)
				}
				return
			}
			code, msg := apiError(t, r.body)
			if code != tt.want || !strings.Contains(msg, tt.msg) {
				t.Errorf("%s %s: error {%q, %q}, want {%q, containing %q}", tt.method, tt.body, code, msg, tt.want, tt.msg)
			}
			if strings.Contains(r.body, "secret") {
				t.Errorf("error body %s leaks the internal detail", r.body)
			}
		})
	}

	// Internal details reach the log instead.
	logs := ts.log.String()
	for _, want := range []string{"kaboom", "secret.db is locked", "disk /secret full", "teapot", "encode result"} {
		if !strings.Contains(logs, want) {
			t.Errorf("log lacks %q:\n%s", want, logs)
		}
	}
	// The server survived the panic.
	if r := do(t, ts.call(t, "Add", "[1,1]")); r.body != "2" {
		t.Errorf("Add after panic: %d %s", r.status, r.body)
	}
}

func TestAPIMethodNotAllowed(t *testing.T) {
	ts := start(t, httpapi.Config{})
	for _, tt := range []struct{ method, path string }{
		{"GET", "/api"},
		{"GET", "/api/"},
		{"GET", "/api/Add"},
		{"HEAD", "/api/Ping"},
		{"PUT", "/api/Ping"},
		{"DELETE", "/api/Ping"},
		{"OPTIONS", "/api/Ping"},
	} {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			req := ts.request(t, tt.method, tt.path, "")
			req.Header.Set(httpapi.TokenHeader, ts.Token())
			r := do(t, req)
			if r.status != http.StatusMethodNotAllowed || r.header.Get("Allow") != "POST" {
				t.Fatalf("status %d, Allow %q, want 405 and POST", r.status, r.header.Get("Allow"))
			}
			if tt.method != "HEAD" {
				if code, _ := apiError(t, r.body); code != "invalid" {
					t.Errorf("code %q, want invalid", code)
				}
			}
		})
	}
}

func TestBodyLimit(t *testing.T) {
	ts := start(t, httpapi.Config{MaxBodyBytes: 100})
	tests := []struct {
		name   string
		body   string
		status int
	}{
		{"at the limit", "[1,2]" + strings.Repeat(" ", 95), 200},
		{"over the limit", "[1,2]" + strings.Repeat(" ", 96), 413},
		{"far over the limit", "[1,2]" + strings.Repeat(" ", 10000), 413},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := do(t, ts.call(t, "Add", tt.body))
			if r.status != tt.status {
				t.Fatalf("status %d, want %d (body %s)", r.status, tt.status, r.body)
			}
			if tt.status == 413 {
				code, msg := apiError(t, r.body)
				if code != "toolarge" || msg != "the request is larger than 100 bytes" {
					t.Errorf("error {%q, %q}, want toolarge and the limit", code, msg)
				}
			}
		})
	}
}

// spaces is an endless supply of JSON whitespace.
type spaces struct{}

var manySpaces = []byte(strings.Repeat(" ", 1<<16))

func (spaces) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		n += copy(p[n:], manySpaces)
	}
	return n, nil
}

func TestDefaultBodyLimit(t *testing.T) {
	s, err := httpapi.New(httpapi.Config{Addr: "127.0.0.1:18124", Target: &target{}})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name     string
		size     int64
		declared bool // send Content-Length
		status   int
	}{
		{"declared over the limit", httpapi.DefaultMaxBodyBytes + 1, true, 413},
		{"streamed over the limit", httpapi.DefaultMaxBodyBytes + 1, false, 413},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if testing.Short() && !tt.declared {
				t.Skip("skipping in short mode: reads 64 MiB")
			}
			body := io.MultiReader(strings.NewReader("[]"), io.LimitReader(spaces{}, tt.size-2))
			req := httptest.NewRequest("POST", "http://127.0.0.1:18124/api/Ping", body)
			req.ContentLength = -1
			if tt.declared {
				req.ContentLength = tt.size
			}
			req.RemoteAddr = "127.0.0.1:50000"
			req.Header.Set(httpapi.TokenHeader, s.Token())
			w := httptest.NewRecorder()
			s.Handler().ServeHTTP(w, req)
			if w.Code != tt.status {
				t.Fatalf("status %d, want %d (body %s)", w.Code, tt.status, w.Body)
			}
			if tt.status == 413 && !strings.Contains(w.Body.String(), "larger than 64 MiB") {
				t.Errorf("body %s, want the limit in MiB", w.Body)
			}
		})
	}
}
