package httpapi

import (
	"crypto/subtle"
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"strings"
)

// contentSecurityPolicy allows only the server's own scripts, styles,
// images and connections; inline styles are allowed because the frontend
// sets element styles, inline scripts are not.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; " +
	"style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
	"object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

// tokenSource says where a request's token came from.
type tokenSource int

const (
	tokenNone tokenSource = iota
	tokenHeader
	tokenQuery
	tokenCookie
)

// serveHTTP is the server's handler: security headers, then the checks
// that refuse foreign requests, then the API or the static files.
func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", contentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	// Stops pages on other loopback ports (same site, so they get the
	// SameSite=Strict cookie) from loading our files with <script> or <img>.
	h.Set("Cross-Origin-Resource-Policy", "same-origin")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")

	api := r.URL.Path == "/api" || strings.HasPrefix(r.URL.Path, "/api/")
	if api {
		h.Set("Cache-Control", "no-store")
	}
	port := s.requestPort(r)
	if reason := s.refusal(r, port, api); reason != "" {
		s.log.Warn("httpapi: refused request", "reason", reason, "method", r.Method, "path", r.URL.Path)
		s.reject(w, api, http.StatusForbidden, "forbidden")
		return
	}
	src, ok := s.authenticate(r, port, api)
	if !ok {
		s.log.Warn("httpapi: refused request", "reason", "missing or wrong token", "method", r.Method, "path", r.URL.Path)
		s.reject(w, api, http.StatusUnauthorized, "unauthorized")
		return
	}
	if src == tokenQuery {
		http.SetCookie(w, &http.Cookie{
			Name:     cookieName(port),
			Value:    s.token,
			Path:     "/",
			HttpOnly: true,
			SameSite: http.SameSiteStrictMode,
		})
	}
	if api {
		s.serveAPI(w, r)
		return
	}
	s.serveStatic(w, r)
}

// reject answers a refused request. It says nothing about why, so a
// probing page learns nothing; the reason is in the log.
func (s *Server) reject(w http.ResponseWriter, api bool, status int, code string) {
	w.Header().Set("Cache-Control", "no-store")
	if api {
		writeError(w, status, code, code)
		return
	}
	msg := code
	if status == http.StatusUnauthorized {
		// Someone typed the address without the query, or the cookie
		// is from an earlier run.
		msg = "Unauthorized: open the full address that Sourcebook printed."
	}
	http.Error(w, msg, status)
}

// cookieName is per port because browsers share cookies between all ports
// of a host, and two Sourcebook instances (or another local app) may run
// side by side.
func cookieName(port int) string { return "sourcebook_" + strconv.Itoa(port) }

// requestPort is the server's port, or, when it is not known yet, the
// local port of the connection (httptest servers).
func (s *Server) requestPort(r *http.Request) int {
	if p := s.Port(); p != 0 {
		return p
	}
	if a, ok := r.Context().Value(http.LocalAddrContextKey).(*net.TCPAddr); ok {
		return a.Port
	}
	return 0
}

// refusal returns why r must be refused with 403, or "" when it may go on.
func (s *Server) refusal(r *http.Request, port int, api bool) string {
	if port == 0 {
		return "server port unknown (call Listen first)"
	}
	if !loopbackRemote(r.RemoteAddr) {
		return "remote address is not loopback"
	}
	if !s.allowedHost(r.Host, port) {
		return "host header is not a loopback name with the server's port"
	}
	if origins, ok := r.Header["Origin"]; ok {
		for _, o := range origins {
			if !s.allowedOrigin(o, port) {
				return "origin is not the server's own"
			}
		}
	}
	switch r.Header.Get("Sec-Fetch-Site") {
	case "cross-site":
		return "cross-site request"
	case "same-site":
		// Another port of this host. Our own page calls the API
		// same-origin; only navigation from elsewhere is allowed.
		if api {
			return "same-site API call"
		}
	}
	return ""
}

// loopbackRemote reports whether a request's remote address is loopback.
// The listener already guarantees it; this guards a Handler mounted
// elsewhere.
func loopbackRemote(remote string) bool {
	h, _, err := net.SplitHostPort(remote)
	if err != nil {
		return false
	}
	ip, err := netip.ParseAddr(h)
	if err != nil {
		return false
	}
	return ip.Unmap().IsLoopback()
}

// allowedHost reports whether hostport (a Host header or the host of an
// Origin) names this server: 127.0.0.1, localhost, [::1] or the address it
// listens on, with its port.
func (s *Server) allowedHost(hostport string, port int) bool {
	h, p, err := net.SplitHostPort(hostport)
	if err != nil {
		// No port: the scheme's default, which browsers leave out.
		if port != 80 {
			return false
		}
		h = strings.TrimSuffix(strings.TrimPrefix(hostport, "["), "]")
	} else if p != strconv.Itoa(port) {
		return false
	}
	if strings.EqualFold(h, "localhost") {
		return true
	}
	ip, err := netip.ParseAddr(h)
	if err != nil || ip.Zone() != "" {
		return false
	}
	return ip == netip.AddrFrom4([4]byte{127, 0, 0, 1}) || ip == netip.IPv6Loopback() || ip == s.host
}

// allowedOrigin reports whether an Origin header is this server's own
// origin. "null" (sandboxed frames, file: pages) is not.
func (s *Server) allowedOrigin(origin string, port int) bool {
	const scheme = "http://"
	if len(origin) <= len(scheme) || !strings.EqualFold(origin[:len(scheme)], scheme) {
		return false
	}
	rest := origin[len(scheme):]
	if strings.ContainsAny(rest, "/?#@") {
		return false
	}
	return s.allowedHost(rest, port)
}

// authenticate checks the request's token. API calls must carry it in the
// header; other requests may carry it in the header, the query or the
// cookie, looked at in that order so that a fresh ?token= wins over a stale
// cookie left by an earlier run on the same port.
func (s *Server) authenticate(r *http.Request, port int, api bool) (tokenSource, bool) {
	if v, ok := r.Header[http.CanonicalHeaderKey(TokenHeader)]; ok && len(v) > 0 {
		return tokenHeader, s.tokenEqual(v[0])
	}
	if api {
		return tokenNone, false
	}
	if q := r.URL.Query(); q.Has("token") {
		return tokenQuery, s.tokenEqual(q.Get("token"))
	}
	if c, err := r.Cookie(cookieName(port)); err == nil {
		return tokenCookie, s.tokenEqual(c.Value)
	}
	return tokenNone, false
}

// tokenEqual compares in constant time, so the response time does not
// reveal how much of a guess was right.
func (s *Server) tokenEqual(v string) bool {
	return subtle.ConstantTimeCompare([]byte(v), []byte(s.token)) == 1
}
