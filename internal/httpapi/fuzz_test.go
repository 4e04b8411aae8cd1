package httpapi_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"sourcebook/internal/httpapi"
)

// FuzzDispatch sends arbitrary bodies to arbitrary method names. Whatever
// arrives, the server must not crash and must answer with JSON: the result,
// or an error with a code and a message.
func FuzzDispatch(f *testing.F) {
	seeds := []struct{ method, body string }{
		{"Ping", ""},
		{"Ping", "[]"},
		{"Add", "[1, 2]"},
		{"Add", `["1", 2]`},
		{"Add", "[1e400, 2]"},
		{"Add", "[1,"},
		{"Concat", `["\ud800", "\u0000"]`},
		{"Sum", "[[1, 2, 3]]"},
		{"Move", `[{"x": 1, "y": 2, "label": "a", "z": [1, {}]}, 3]`},
		{"Sizes", `[[{"name": "a", "data": "aGVsbG8="}]]`},
		{"Sizes", `[[{"name": "a", "data": "aGVsbG8"}]]`},
		{"Opt", `[{"label": null}]`},
		{"Check", "[false]"},
		{"Fail", `["notfound", "gone"]`},
		{"FailWrapped", `["internal"]`},
		{"Secret", ""},
		{"Boom", "[]"},
		{"NaN", ""},
		{"Nope", "[]"},
		{"Start", "[null]"},
		{"", ""},
		{"../Add", "[1, 2]"},
	}
	for _, s := range seeds {
		f.Add(s.method, []byte(s.body))
	}
	s, err := httpapi.New(httpapi.Config{Addr: "127.0.0.1:18125", Target: &target{}, MaxBodyBytes: 1 << 16})
	if err != nil {
		f.Fatal(err)
	}
	h := s.Handler()
	statuses := map[int]bool{200: true, 400: true, 404: true, 409: true, 413: true, 500: true}
	f.Fuzz(func(t *testing.T, method string, body []byte) {
		req := httptest.NewRequest("POST", "http://127.0.0.1:18125/api/"+url.PathEscape(method), strings.NewReader(string(body)))
		req.RemoteAddr = "127.0.0.1:50000"
		req.Header.Set(httpapi.TokenHeader, s.Token())
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)

		if !statuses[w.Code] {
			t.Fatalf("%q %q: status %d", method, body, w.Code)
		}
		if ct := w.Header().Get("Content-Type"); ct != "application/json" {
			t.Fatalf("%q %q: Content-Type %q", method, body, ct)
		}
		if !json.Valid(w.Body.Bytes()) {
			t.Fatalf("%q %q: body %q is not JSON", method, body, w.Body)
		}
		if w.Code == http.StatusOK {
			return
		}
		var e struct {
			Error struct {
				Code    string `json:"code"`
				Message string `json:"message"`
			} `json:"error"`
		}
		if err := json.Unmarshal(w.Body.Bytes(), &e); err != nil || e.Error.Code == "" || e.Error.Message == "" {
			t.Fatalf("%q %q: %d with body %q, want an error object", method, body, w.Code, w.Body)
		}
		if w.Code == http.StatusInternalServerError && e.Error.Message != "internal error" {
			t.Fatalf("%q %q: 500 with message %q, want internal error", method, body, e.Error.Message)
		}
	})
}
