package httpapi_test

import (
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"sourcebook/internal/httpapi"
)

const wantCSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

func TestToken(t *testing.T) {
	ts := start(t, httpapi.Config{})
	port := strconv.Itoa(ts.Port())
	cookie := func(name, value string) func(*http.Request) {
		return func(r *http.Request) { r.AddCookie(&http.Cookie{Name: name, Value: value}) }
	}
	header := func(value string) func(*http.Request) {
		return func(r *http.Request) { r.Header.Set(httpapi.TokenHeader, value) }
	}
	tok := ts.Token()
	tests := []struct {
		name   string
		method string
		path   string
		set    func(*http.Request)
		want   int
	}{
		{"page without token", "GET", "/", nil, 401},
		{"page with query token", "GET", "/?token=" + tok, nil, 200},
		{"page with wrong query token", "GET", "/?token=" + strings.Repeat("0", 64), nil, 401},
		{"page with empty query token", "GET", "/?token=", nil, 401},
		{"page with prefix of token", "GET", "/?token=" + tok[:32], nil, 401},
		{"page with header token", "GET", "/", header(tok), 200},
		{"page with wrong header token", "GET", "/", header("x" + tok), 401},
		{"asset with cookie", "GET", "/assets/app.js", cookie("sourcebook_"+port, tok), 200},
		{"asset with wrong cookie", "GET", "/assets/app.js", cookie("sourcebook_"+port, strings.Repeat("f", 64)), 401},
		{"asset with another port's cookie", "GET", "/assets/app.js", cookie("sourcebook_1", tok), 401},
		{"asset without token", "GET", "/assets/app.js", nil, 401},
		{"fresh query token beats stale cookie", "GET", "/?token=" + tok, cookie("sourcebook_"+port, "stale-token-from-an-earlier-run"), 200},
		{"wrong header beats right cookie", "GET", "/", func(r *http.Request) {
			header("wrong-token-0123456789")(r)
			cookie("sourcebook_"+port, tok)(r)
		}, 401},
		{"call with header token", "POST", "/api/Ping", header(tok), 200},
		{"call without token", "POST", "/api/Ping", nil, 401},
		{"call with wrong header token", "POST", "/api/Ping", header(tok[1:]), 401},
		{"call with cookie only", "POST", "/api/Ping", cookie("sourcebook_"+port, tok), 401},
		{"call with query token only", "POST", "/api/Ping?token=" + tok, nil, 401},
		{"call with query and cookie", "POST", "/api/Ping?token=" + tok, cookie("sourcebook_"+port, tok), 401},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := ts.request(t, tt.method, tt.path, "")
			if tt.set != nil {
				tt.set(req)
			}
			r := do(t, req)
			if r.status != tt.want {
				t.Fatalf("%s %s: status %d, want %d (body %q)", tt.method, tt.path, r.status, tt.want, r.body)
			}
			if r.status == http.StatusUnauthorized {
				if strings.Contains(r.body, tok) || strings.Contains(strings.ToLower(r.body), "token") || len(r.body) > 100 {
					t.Errorf("401 body %q says too much", r.body)
				}
				if strings.HasPrefix(tt.path, "/api/") {
					if code, _ := apiError(t, r.body); code != "unauthorized" {
						t.Errorf("401 code %q, want unauthorized", code)
					}
				}
			}
		})
	}
}

func TestCookieSetOnPageLoad(t *testing.T) {
	ts := start(t, httpapi.Config{})
	r := do(t, ts.request(t, "GET", "/?token="+ts.Token(), ""))
	if r.status != http.StatusOK {
		t.Fatalf("page load: %d %q", r.status, r.body)
	}
	cookies := r.resp.Cookies()
	if len(cookies) != 1 {
		t.Fatalf("page load set %d cookies (%v), want 1", len(cookies), cookies)
	}
	c := cookies[0]
	want := "sourcebook_" + strconv.Itoa(ts.Port())
	if c.Name != want || c.Value != ts.Token() || c.Path != "/" || !c.HttpOnly || c.SameSite != http.SameSiteStrictMode {
		t.Errorf("cookie %q, want %s=<token>; Path=/; HttpOnly; SameSite=Strict", r.header.Get("Set-Cookie"), want)
	}

	// The page's assets load with the cookie alone.
	req := ts.request(t, "GET", "/assets/app.js", "")
	req.AddCookie(c)
	if r := do(t, req); r.status != http.StatusOK || r.body != "console.log('sourcebook')" {
		t.Errorf("asset with cookie: %d %q", r.status, r.body)
	}

	// Requests that did not carry the token in the query set no cookie.
	req = ts.request(t, "GET", "/", "")
	req.Header.Set(httpapi.TokenHeader, ts.Token())
	if r := do(t, req); len(r.resp.Cookies()) != 0 {
		t.Errorf("header-token request set cookies %v", r.resp.Cookies())
	}
	if r := do(t, ts.request(t, "GET", "/?token=wrong-token-0123456789", "")); len(r.resp.Cookies()) != 0 {
		t.Errorf("wrong-token request set cookies %v", r.resp.Cookies())
	}
}

func TestRequestChecks(t *testing.T) {
	ts := start(t, httpapi.Config{})
	port := strconv.Itoa(ts.Port())
	other := strconv.Itoa(ts.Port()%60000 + 1)
	tests := []struct {
		name   string
		path   string            // "/" for the page, "/api/Ping" for a call
		host   string            // Host header; "" keeps 127.0.0.1:PORT
		header map[string]string // extra headers
		want   int
	}{
		{"page from 127.0.0.1", "/", "", nil, 200},
		{"page from localhost", "/", "localhost:" + port, nil, 200},
		{"page from LOCALHOST", "/", "LOCALHOST:" + port, nil, 200},
		{"page from [::1]", "/", "[::1]:" + port, nil, 200},
		{"call from localhost", "/api/Ping", "localhost:" + port, nil, 200},
		{"rebound host", "/", "evil.example:" + port, nil, 403},
		{"rebound host on call", "/api/Ping", "evil.example:" + port, nil, 403},
		{"localhost subdomain", "/", "localhost.evil.example:" + port, nil, 403},
		{"other port", "/", "127.0.0.1:" + other, nil, 403},
		{"other port on call", "/api/Ping", "localhost:" + other, nil, 403},
		{"no port", "/", "127.0.0.1", nil, 403},
		{"public IP", "/", "192.168.1.1:" + port, nil, 403},
		{"mapped IPv4", "/", "[::ffff:127.0.0.1]:" + port, nil, 403},

		{"own origin", "/api/Ping", "", map[string]string{"Origin": "http://127.0.0.1:" + port}, 200},
		{"own origin as localhost", "/api/Ping", "", map[string]string{"Origin": "http://localhost:" + port}, 200},
		{"own origin as [::1]", "/api/Ping", "", map[string]string{"Origin": "http://[::1]:" + port}, 200},
		{"foreign origin", "/api/Ping", "", map[string]string{"Origin": "http://evil.example"}, 403},
		{"foreign origin on page", "/", "", map[string]string{"Origin": "https://evil.example"}, 403},
		{"origin on other port", "/api/Ping", "", map[string]string{"Origin": "http://localhost:" + other}, 403},
		{"https origin", "/api/Ping", "", map[string]string{"Origin": "https://127.0.0.1:" + port}, 403},
		{"null origin", "/api/Ping", "", map[string]string{"Origin": "null"}, 403},
		{"empty origin", "/api/Ping", "", map[string]string{"Origin": ""}, 403},
		{"origin with path", "/api/Ping", "", map[string]string{"Origin": "http://127.0.0.1:" + port + "/x"}, 403},
		{"origin with user", "/api/Ping", "", map[string]string{"Origin": "http://evil@127.0.0.1:" + port}, 403},

		{"same-origin call", "/api/Ping", "", map[string]string{"Sec-Fetch-Site": "same-origin"}, 200},
		{"cross-site call", "/api/Ping", "", map[string]string{"Sec-Fetch-Site": "cross-site"}, 403},
		{"cross-site page", "/", "", map[string]string{"Sec-Fetch-Site": "cross-site"}, 403},
		{"same-site call", "/api/Ping", "", map[string]string{"Sec-Fetch-Site": "same-site"}, 403},
		{"same-site navigation", "/", "", map[string]string{"Sec-Fetch-Site": "same-site"}, 200},
		{"typed-in navigation", "/", "", map[string]string{"Sec-Fetch-Site": "none"}, 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			method := "GET"
			if strings.HasPrefix(tt.path, "/api/") {
				method = "POST"
			}
			req := ts.request(t, method, tt.path, "")
			req.Header.Set(httpapi.TokenHeader, ts.Token())
			if tt.host != "" {
				req.Host = tt.host
			}
			for k, v := range tt.header {
				req.Header.Set(k, v)
			}
			r := do(t, req)
			if r.status != tt.want {
				t.Fatalf("status %d, want %d (body %q)", r.status, tt.want, r.body)
			}
			if r.status == http.StatusForbidden && method == "POST" {
				if code, _ := apiError(t, r.body); code != "forbidden" {
					t.Errorf("403 code %q, want forbidden", code)
				}
			}
			if r.status == http.StatusForbidden && !strings.Contains(ts.log.String(), "refused request") {
				t.Errorf("refusal not logged")
			}
		})
	}
}

// TestRemoteAddress checks the handler on its own: mounted on another
// listener, it still refuses clients that are not on this machine.
func TestRemoteAddress(t *testing.T) {
	s, err := httpapi.New(httpapi.Config{Addr: "127.0.0.1:18123", Target: &target{}})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		remote string
		want   int
	}{
		{"127.0.0.1:50000", 200},
		{"127.9.9.9:50000", 200},
		{"[::1]:50000", 200},
		{"192.0.2.1:50000", 403},
		{"[2001:db8::1]:50000", 403},
		{"garbage", 403},
	}
	for _, tt := range tests {
		t.Run(tt.remote, func(t *testing.T) {
			req := httptest.NewRequest("POST", "http://127.0.0.1:18123/api/Ping", nil)
			req.RemoteAddr = tt.remote
			req.Header.Set(httpapi.TokenHeader, s.Token())
			w := httptest.NewRecorder()
			s.Handler().ServeHTTP(w, req)
			if w.Code != tt.want {
				t.Errorf("status %d, want %d", w.Code, tt.want)
			}
		})
	}
}

// TestUnknownPort checks that a handler that cannot know its port refuses
// everything rather than accepting any Host.
func TestUnknownPort(t *testing.T) {
	s, err := httpapi.New(httpapi.Config{Target: &target{}})
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest("POST", "http://127.0.0.1:0/api/Ping", nil)
	req.RemoteAddr = "127.0.0.1:50000"
	req.Header.Set(httpapi.TokenHeader, s.Token())
	w := httptest.NewRecorder()
	s.Handler().ServeHTTP(w, req)
	if w.Code != http.StatusForbidden {
		t.Errorf("status %d, want 403", w.Code)
	}
}

func TestSecurityHeaders(t *testing.T) {
	ts := start(t, httpapi.Config{})
	withToken := func(r *http.Request) { r.Header.Set(httpapi.TokenHeader, ts.Token()) }
	tests := []struct {
		name    string
		method  string
		path    string
		set     func(*http.Request)
		status  int
		noStore bool
	}{
		{"page", "GET", "/", withToken, 200, false},
		{"asset", "GET", "/assets/app.js", withToken, 200, false},
		{"missing asset", "GET", "/nope.js", withToken, 404, false},
		{"call", "POST", "/api/Add", func(r *http.Request) { withToken(r); r.Body = http.NoBody }, 400, true},
		{"call ok", "POST", "/api/Ping", withToken, 200, true},
		{"unknown method", "POST", "/api/Nope", withToken, 404, true},
		{"GET on api", "GET", "/api", withToken, 405, true},
		{"no token", "GET", "/", nil, 401, true},
		{"no token on call", "POST", "/api/Ping", nil, 401, true},
		{"bad host", "GET", "/", func(r *http.Request) { withToken(r); r.Host = "evil.example" }, 403, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := ts.request(t, tt.method, tt.path, "")
			if tt.set != nil {
				tt.set(req)
			}
			r := do(t, req)
			if r.status != tt.status {
				t.Fatalf("status %d, want %d (body %q)", r.status, tt.status, r.body)
			}
			for k, want := range map[string]string{
				"Content-Security-Policy":      wantCSP,
				"X-Content-Type-Options":       "nosniff",
				"Referrer-Policy":              "no-referrer",
				"X-Frame-Options":              "DENY",
				"Cross-Origin-Resource-Policy": "same-origin",
			} {
				if got := r.header.Get(k); got != want {
					t.Errorf("%s: %q, want %q", k, got, want)
				}
			}
			if got := r.header.Get("Cache-Control"); tt.noStore && got != "no-store" {
				t.Errorf("Cache-Control: %q, want no-store", got)
			}
			if strings.HasPrefix(tt.path, "/api") {
				if ct := r.header.Get("Content-Type"); ct != "application/json" {
					t.Errorf("Content-Type: %q, want application/json", ct)
				}
			}
		})
	}
}
