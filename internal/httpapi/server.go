package httpapi

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// DefaultAddr is the address used when Config.Addr is empty: loopback, on a
// free port chosen by the system.
const DefaultAddr = "127.0.0.1:0"

// DefaultMaxBodyBytes is the request body limit used when
// Config.MaxBodyBytes is zero. It is large because ImportFiles sends whole
// files, base64-encoded, in one call.
const DefaultMaxBodyBytes = 64 << 20

// TokenHeader is the request header that carries the token on API calls.
const TokenHeader = "X-Sourcebook-Token"

// Timeouts of the HTTP server. Methods can run for a long time (importing a
// batch of large files), so there is no write timeout; the listener is
// loopback-only, so slow clients are not a threat worth cutting work short.
const (
	readHeaderTimeout = 10 * time.Second
	readTimeout       = 2 * time.Minute
	idleTimeout       = 2 * time.Minute
	maxHeaderBytes    = 64 << 10
	shutdownTimeout   = 5 * time.Second
)

// minTokenLen is the shortest token New accepts in Config.Token.
const minTokenLen = 16

// Config configures a Server. Only Target is required.
type Config struct {
	// Addr is host:port to listen on. The host must be a loopback IP
	// address (127.0.0.0/8 or ::1) or "localhost" (which means
	// 127.0.0.1); port 0 lets the system pick a free port. Empty means
	// DefaultAddr.
	Addr string

	// Target is the value whose exported methods are callable, typically a
	// pointer (e.g. *app.App): methods with pointer receivers are not in
	// the method set of a non-pointer value.
	Target any

	// Exclude names exported methods of Target that must not be served,
	// such as methods meant only for in-process callers (ImportPaths reads
	// local files by path, which a browser page should not be able to
	// ask for). Each name must be a method of Target.
	Exclude []string

	// Assets is the built frontend, with index.html at its root. Nil, or
	// an FS without index.html, serves a page saying the frontend was not
	// built.
	Assets fs.FS

	// Token is the per-run secret every request must carry. Empty means
	// New generates one (32 random bytes, hex-encoded). A given token must
	// be at least 16 characters of A-Z a-z 0-9 - . _ ~ (it travels in a
	// URL and a cookie).
	Token string

	// MaxBodyBytes limits the size of a request body; larger requests get
	// 413. Zero means DefaultMaxBodyBytes.
	MaxBodyBytes int64

	// Log receives refused requests, method errors and panics. Nil
	// discards them. The token is never logged.
	Log *slog.Logger

	// Rand is the source of a generated token. Nil means crypto/rand.
	Rand io.Reader
}

// Server serves the methods of a target value and a static frontend on a
// loopback address. Create it with New; it is safe for concurrent use.
type Server struct {
	host    netip.Addr // IP to listen on
	port    atomic.Uint32
	token   string
	maxBody int64
	assets  fs.FS
	log     *slog.Logger
	methods map[string]*method
	handler http.Handler

	mu      sync.Mutex
	ln      net.Listener
	serving bool
}

// New validates cfg and builds the table of callable methods. It returns an
// error when Addr is not a loopback address with a numeric port, when
// Target is nil or has no method that can be called over JSON, when Exclude
// names a method Target does not have, when Token is malformed, when MaxBodyBytes is negative, or when no token can be
// generated. Methods whose parameters or results cannot travel as JSON
// (context.Context, channels, functions, variadic parameters, more than one
// non-error result) are skipped and logged at debug level.
func New(cfg Config) (*Server, error) {
	addr := cfg.Addr
	if addr == "" {
		addr = DefaultAddr
	}
	host, port, err := parseLoopback(addr)
	if err != nil {
		return nil, err
	}
	if cfg.MaxBodyBytes < 0 {
		return nil, fmt.Errorf("httpapi: MaxBodyBytes is negative (%d)", cfg.MaxBodyBytes)
	}
	log := cfg.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	token := cfg.Token
	if token == "" {
		r := cfg.Rand
		if r == nil {
			r = rand.Reader
		}
		b := make([]byte, 32)
		if _, err := io.ReadFull(r, b); err != nil {
			return nil, fmt.Errorf("httpapi: generate token: %w", err)
		}
		token = hex.EncodeToString(b)
	} else if err := checkToken(token); err != nil {
		return nil, err
	}
	methods, err := buildMethods(cfg.Target, log)
	if err != nil {
		return nil, err
	}
	if err := exclude(methods, cfg.Target, cfg.Exclude); err != nil {
		return nil, err
	}
	s := &Server{
		host:    host,
		token:   token,
		maxBody: cfg.MaxBodyBytes,
		assets:  cfg.Assets,
		log:     log,
		methods: methods,
	}
	if s.maxBody == 0 {
		s.maxBody = DefaultMaxBodyBytes
	}
	s.port.Store(uint32(port))
	s.handler = http.HandlerFunc(s.serveHTTP)
	return s, nil
}

// parseLoopback splits addr and checks that its host is a loopback IP or
// "localhost" and its port a number. It returns the IP to listen on.
func parseLoopback(addr string) (netip.Addr, uint16, error) {
	h, p, err := net.SplitHostPort(addr)
	if err != nil {
		return netip.Addr{}, 0, fmt.Errorf("httpapi: address %q: want host:port, e.g. 127.0.0.1:0", addr)
	}
	port, err := strconv.ParseUint(p, 10, 16)
	if err != nil {
		return netip.Addr{}, 0, fmt.Errorf("httpapi: address %q: port %q is not a number from 0 to 65535", addr, p)
	}
	if h == "" {
		return netip.Addr{}, 0, fmt.Errorf("httpapi: address %q listens on every interface; Sourcebook listens only on loopback (e.g. 127.0.0.1:%s)", addr, p)
	}
	if strings.EqualFold(h, "localhost") {
		// A literal, so that a strange hosts file cannot point it elsewhere.
		return netip.AddrFrom4([4]byte{127, 0, 0, 1}), uint16(port), nil
	}
	ip, err := netip.ParseAddr(h)
	if err != nil {
		return netip.Addr{}, 0, fmt.Errorf("httpapi: address %q: host %q is not an IP address or localhost; Sourcebook listens only on loopback", addr, h)
	}
	ip = ip.Unmap()
	if !ip.IsLoopback() || ip.Zone() != "" {
		return netip.Addr{}, 0, fmt.Errorf("httpapi: address %q is not a loopback address; Sourcebook listens only on 127.0.0.1, ::1 or localhost so that other machines cannot reach the notebook", addr)
	}
	return ip, uint16(port), nil
}

// checkToken rejects tokens that are short or would need escaping in a URL
// or a cookie.
func checkToken(tok string) error {
	if len(tok) < minTokenLen {
		return fmt.Errorf("httpapi: token is shorter than %d characters", minTokenLen)
	}
	for _, c := range tok {
		ok := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
			c == '-' || c == '.' || c == '_' || c == '~'
		if !ok {
			return fmt.Errorf("httpapi: token contains %q; use only A-Z a-z 0-9 - . _ ~", c)
		}
	}
	return nil
}

// Listen binds the configured address. After it returns, Port and URL
// report the real port even when Config.Addr asked for port 0. It returns an
// error when the address cannot be bound or Listen was already called.
// Serve calls Listen itself when it has not been called.
func (s *Server) Listen() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ln != nil {
		return errors.New("httpapi: listen: already listening")
	}
	addr := net.JoinHostPort(s.host.String(), strconv.Itoa(int(s.port.Load())))
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("httpapi: listen: %w", err)
	}
	tcp, ok := ln.Addr().(*net.TCPAddr)
	if !ok || !tcp.IP.IsLoopback() {
		ln.Close()
		return fmt.Errorf("httpapi: listen: bound %v, which is not loopback", ln.Addr())
	}
	s.ln = ln
	s.port.Store(uint32(tcp.Port))
	return nil
}

// Port returns the port the server listens on: the one in Config.Addr, or
// after Listen the one the system chose. It is 0 when Config.Addr asked for
// port 0 and Listen has not been called.
func (s *Server) Port() int { return int(s.port.Load()) }

// Token returns the token requests must carry.
func (s *Server) Token() string { return s.token }

// URL returns the address to open in a browser, token included, such as
// http://127.0.0.1:41234/?token=…; it holds the secret, so show it only to
// the user. It returns "" while the port is unknown (port 0 before Listen).
func (s *Server) URL() string {
	port := s.Port()
	if port == 0 {
		return ""
	}
	return "http://" + net.JoinHostPort(s.host.String(), strconv.Itoa(port)) + "/?token=" + s.token
}

// Methods returns the names of the callable methods, sorted.
func (s *Server) Methods() []string {
	names := make([]string, 0, len(s.methods))
	for name := range s.methods {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// Handler returns the handler that applies the security checks and serves
// the API and the frontend. The Host, Origin and cookie checks use Port, or
// when it is still 0, the local port of the connection a request arrived on,
// so Handler also works behind httptest.NewServer. It refuses requests whose
// remote address is not loopback.
func (s *Server) Handler() http.Handler { return s.handler }

// Serve serves HTTP on the listener made by Listen (calling Listen first if
// needed) until ctx is done, then shuts down gracefully, giving running
// requests a few seconds to finish. It returns nil after a shutdown caused by
// ctx, and an error when listening or serving fails, when requests were still
// running at the end of the grace period, or when Serve was already called.
func (s *Server) Serve(ctx context.Context) error {
	s.mu.Lock()
	if s.serving {
		s.mu.Unlock()
		return errors.New("httpapi: serve: already serving")
	}
	s.serving = true
	ln := s.ln
	s.mu.Unlock()
	if ln == nil {
		if err := s.Listen(); err != nil {
			s.mu.Lock()
			s.serving = false
			s.mu.Unlock()
			return err
		}
		s.mu.Lock()
		ln = s.ln
		s.mu.Unlock()
	}
	srv := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("httpapi: serve: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	err := srv.Shutdown(sctx)
	if err != nil {
		srv.Close()
	}
	<-errc
	if err != nil {
		return fmt.Errorf("httpapi: shutdown: requests still running after %v: %w", shutdownTimeout, err)
	}
	return nil
}
