package httpapi_test

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"sourcebook/internal/httpapi"
)

func TestNewRefusesNonLoopback(t *testing.T) {
	tests := []struct {
		addr string
		want string // part of the error
	}{
		{"0.0.0.0:0", "not a loopback"},
		{"192.168.1.1:0", "not a loopback"},
		{"8.8.8.8:8080", "not a loopback"},
		{"10.0.0.1:0", "not a loopback"},
		{"[::]:0", "not a loopback"},
		{"[fe80::1%lo]:0", "not a loopback"},
		{"[::1%lo]:0", "not a loopback"},
		{":0", "every interface"},
		{":8080", "every interface"},
		{"example.com:80", "not an IP address or localhost"},
		{"localhost.example.com:80", "not an IP address or localhost"},
		{"127.0.0.1", "want host:port"},
		{"127.0.0.1:http", "not a number"},
		{"127.0.0.1:70000", "not a number"},
		{"127.0.0.1:-1", "not a number"},
	}
	for _, tt := range tests {
		t.Run(tt.addr, func(t *testing.T) {
			_, err := httpapi.New(httpapi.Config{Addr: tt.addr, Target: &target{}})
			if err == nil {
				t.Fatalf("New(%q) succeeded, want an error", tt.addr)
			}
			if !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "httpapi: ") {
				t.Errorf("New(%q) = %q, want an error containing %q", tt.addr, err, tt.want)
			}
		})
	}
}

func TestListenLoopback(t *testing.T) {
	tests := []struct {
		addr    string
		urlHost string
		ipv6    bool
	}{
		{"", `127\.0\.0\.1`, false},
		{"127.0.0.1:0", `127\.0\.0\.1`, false},
		{"localhost:0", `127\.0\.0\.1`, false},
		{"LocalHost:0", `127\.0\.0\.1`, false},
		{"[::ffff:127.0.0.1]:0", `127\.0\.0\.1`, false},
		{"127.0.0.2:0", `127\.0\.0\.2`, false},
		{"[::1]:0", `\[::1\]`, true},
	}
	for _, tt := range tests {
		t.Run(tt.addr, func(t *testing.T) {
			if tt.ipv6 {
				ln, err := net.Listen("tcp", "[::1]:0")
				if err != nil {
					t.Skipf("skipping: this machine has no IPv6 loopback (%v)", err)
				}
				ln.Close()
			}
			if tt.addr == "127.0.0.2:0" {
				ln, err := net.Listen("tcp", "127.0.0.2:0")
				if err != nil {
					t.Skipf("skipping: cannot bind 127.0.0.2 here (%v)", err)
				}
				ln.Close()
			}
			s, err := httpapi.New(httpapi.Config{Addr: tt.addr, Target: &target{}, Assets: assets})
			if err != nil {
				t.Fatalf("New: %v", err)
			}
			if s.Port() != 0 || s.URL() != "" {
				t.Errorf("before Listen: Port() = %d, URL() = %q, want 0 and empty", s.Port(), s.URL())
			}
			if err := s.Listen(); err != nil {
				t.Fatalf("Listen: %v", err)
			}
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan error, 1)
			go func() { done <- s.Serve(ctx) }()
			defer func() {
				cancel()
				if err := <-done; err != nil {
					t.Errorf("Serve: %v", err)
				}
			}()
			re := regexp.MustCompile(`^http://` + tt.urlHost + `:(\d+)/\?token=[0-9a-f]{64}$`)
			m := re.FindStringSubmatch(s.URL())
			if m == nil {
				t.Fatalf("URL() = %q, want a match of %s", s.URL(), re)
			}
			if m[1] != strconv.Itoa(s.Port()) || s.Port() == 0 {
				t.Errorf("URL() port %s, Port() %d", m[1], s.Port())
			}
			// The URL as printed opens the page and sets the cookie.
			req, err := http.NewRequest(http.MethodGet, s.URL(), nil)
			if err != nil {
				t.Fatal(err)
			}
			if r := do(t, req); r.status != http.StatusOK || !strings.Contains(r.body, "<title>Sourcebook</title>") {
				t.Errorf("GET URL: %d %q, want 200 and the page", r.status, r.body)
			}
		})
	}
}

func TestNewToken(t *testing.T) {
	t.Run("generated from Rand", func(t *testing.T) {
		s, err := httpapi.New(httpapi.Config{Target: &target{}, Rand: bytes.NewReader(bytes.Repeat([]byte{0xab}, 32))})
		if err != nil {
			t.Fatal(err)
		}
		if want := strings.Repeat("ab", 32); s.Token() != want {
			t.Errorf("Token() = %q, want %q", s.Token(), want)
		}
	})
	t.Run("generated tokens differ", func(t *testing.T) {
		a, err := httpapi.New(httpapi.Config{Target: &target{}})
		if err != nil {
			t.Fatal(err)
		}
		b, err := httpapi.New(httpapi.Config{Target: &target{}})
		if err != nil {
			t.Fatal(err)
		}
		if a.Token() == b.Token() || len(a.Token()) != 64 {
			t.Errorf("tokens %q and %q: want two different 64-character tokens", a.Token(), b.Token())
		}
	})
	t.Run("short Rand", func(t *testing.T) {
		_, err := httpapi.New(httpapi.Config{Target: &target{}, Rand: bytes.NewReader(make([]byte, 5))})
		if err == nil || !strings.Contains(err.Error(), "generate token") {
			t.Errorf("New = %v, want a generate token error", err)
		}
	})
	t.Run("given", func(t *testing.T) {
		s, err := httpapi.New(httpapi.Config{Addr: "127.0.0.1:4567", Target: &target{}, Token: "e2e-Token_0123.456~"})
		if err != nil {
			t.Fatal(err)
		}
		if want := "http://127.0.0.1:4567/?token=e2e-Token_0123.456~"; s.URL() != want {
			t.Errorf("URL() = %q, want %q", s.URL(), want)
		}
	})
	for _, bad := range []string{"short", "0123456789abcdef ", "0123456789abcdef;x=1", "0123456789abcdef&a", "0123456789abcdéf"} {
		t.Run("refused "+bad, func(t *testing.T) {
			if _, err := httpapi.New(httpapi.Config{Target: &target{}, Token: bad}); err == nil {
				t.Errorf("New with token %q succeeded, want an error", bad)
			}
		})
	}
}

type valueOnly struct{}

func (*valueOnly) Hidden() {}

func TestNewTarget(t *testing.T) {
	tests := []struct {
		name   string
		target any
		want   string
	}{
		{"nil", nil, "Target is nil"},
		{"nil pointer", (*target)(nil), "nil *httpapi_test.target"},
		{"value with pointer methods", valueOnly{}, "pass a pointer"},
		{"no methods", &struct{}{}, "no method"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := httpapi.New(httpapi.Config{Target: tt.target})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("New = %v, want an error containing %q", err, tt.want)
			}
		})
	}
	t.Run("negative MaxBodyBytes", func(t *testing.T) {
		if _, err := httpapi.New(httpapi.Config{Target: &target{}, MaxBodyBytes: -1}); err == nil {
			t.Error("New succeeded, want an error")
		}
	})
}

func TestMethods(t *testing.T) {
	s, err := httpapi.New(httpapi.Config{Target: &target{}})
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Methods(); !slices.Equal(got, served) {
		t.Errorf("Methods() = %q\nwant        %q", got, served)
	}
}

func TestExclude(t *testing.T) {
	tests := []struct {
		name    string
		exclude []string
		want    []string // served methods; nil when New must fail
		err     string
	}{
		{"none", nil, served, ""},
		{"two", []string{"Secret", "Boom"}, slices.DeleteFunc(slices.Clone(served), func(m string) bool { return m == "Secret" || m == "Boom" }), ""},
		{"one not served anyway", []string{"Start"}, served, ""},
		{"typo", []string{"Secrte"}, nil, `has no method "Secrte"`},
		{"unexported", []string{"unexported"}, nil, `has no method "unexported"`},
		{"all", served, nil, "leaves no method"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := httpapi.New(httpapi.Config{Target: &target{}, Exclude: tt.exclude})
			if tt.want == nil {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("New = %v, want an error containing %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := s.Methods(); !slices.Equal(got, tt.want) {
				t.Errorf("Methods() = %q, want %q", got, tt.want)
			}
		})
	}
	ts := start(t, httpapi.Config{Exclude: []string{"Add"}})
	if r := do(t, ts.call(t, "Add", "[1,2]")); r.status != http.StatusNotFound {
		t.Errorf("excluded Add: %d %s, want 404", r.status, r.body)
	}
}

func TestListenTwice(t *testing.T) {
	s, err := httpapi.New(httpapi.Config{Target: &target{}})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Listen(); err != nil {
		t.Fatal(err)
	}
	if err := s.Listen(); err == nil {
		t.Error("second Listen succeeded, want an error")
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx) }()
	// The port is taken now: a second server on it must fail to listen.
	other, err := httpapi.New(httpapi.Config{Addr: "127.0.0.1:" + strconv.Itoa(s.Port()), Target: &target{}})
	if err != nil {
		t.Fatal(err)
	}
	for range 2 { // a failed Serve may be retried
		if err := other.Serve(context.Background()); err == nil || !strings.Contains(err.Error(), "httpapi: listen") {
			t.Errorf("Serve on a taken port = %v, want a listen error", err)
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Serve: %v", err)
	}
	if err := s.Serve(context.Background()); err == nil {
		t.Error("second Serve succeeded, want an error")
	}
}

// slowTarget blocks in Block until release is closed.
type slowTarget struct{ started, release chan struct{} }

func (s *slowTarget) Block() string {
	close(s.started)
	<-s.release
	return "done"
}

func TestServeShutsDownGracefully(t *testing.T) {
	slow := &slowTarget{started: make(chan struct{}), release: make(chan struct{})}
	s, err := httpapi.New(httpapi.Config{Target: slow})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Listen(); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx) }()

	got := make(chan response, 1)
	go func() {
		req, _ := http.NewRequest(http.MethodPost, "http://127.0.0.1:"+strconv.Itoa(s.Port())+"/api/Block", nil)
		req.Header.Set(httpapi.TokenHeader, s.Token())
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			got <- response{status: -1, body: err.Error()}
			return
		}
		defer resp.Body.Close()
		var b bytes.Buffer
		b.ReadFrom(resp.Body)
		got <- response{status: resp.StatusCode, body: b.String()}
	}()
	<-slow.started
	cancel()
	select {
	case err := <-done:
		t.Fatalf("Serve returned %v while a call was running", err)
	case <-time.After(100 * time.Millisecond):
	}
	close(slow.release)
	if r := <-got; r.status != http.StatusOK || r.body != `"done"` {
		t.Errorf("running call ended with %d %q, want 200 \"done\"", r.status, r.body)
	}
	if err := <-done; err != nil {
		t.Errorf("Serve: %v", err)
	}
}

// TestHandlerWithHTTPTest checks that Handler works behind httptest: the
// checks take the port from the connection when Listen was not called.
func TestHandlerWithHTTPTest(t *testing.T) {
	s, err := httpapi.New(httpapi.Config{Target: &target{}, Assets: assets})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(s.Handler())
	defer hs.Close()
	req, _ := http.NewRequest(http.MethodPost, hs.URL+"/api/Add", strings.NewReader("[1,2]"))
	req.Header.Set(httpapi.TokenHeader, s.Token())
	if r := do(t, req); r.status != http.StatusOK || r.body != "3" {
		t.Errorf("Add via httptest: %d %q", r.status, r.body)
	}
	req, _ = http.NewRequest(http.MethodGet, hs.URL+"/?token="+s.Token(), nil)
	r := do(t, req)
	port := strings.TrimPrefix(hs.URL, "http://127.0.0.1:")
	if r.status != http.StatusOK || len(r.resp.Cookies()) != 1 || r.resp.Cookies()[0].Name != "sourcebook_"+port {
		t.Errorf("page via httptest: %d, cookies %v, want 200 and sourcebook_%s", r.status, r.resp.Cookies(), port)
	}
}
