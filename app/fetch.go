package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"syscall"
	"time"

	"sourcebook/internal/ingest"
)

// fetchTimeout bounds a whole fetch, headers and body.
const fetchTimeout = 30 * time.Second

// ImportURL fetches a web page and imports it. This is the only place
// Sourcebook reaches the network, and only when the user asks. Errors name
// the address and say what happened in plain words ("could not find
// example.com: are you offline?").
func (a *App) ImportURL(address string, storyID int64) (FileResult, error) {
	if err := a.checkStory(storyID); err != nil {
		return FileResult{}, err
	}
	u := cleanURL(strings.TrimSpace(address))
	if u == "" {
		return FileResult{}, invalid("%q is not a web address: it must start with http:// or https://", address)
	}
	data, ctype, final, err := a.fetch(a.ctx, u)
	if err != nil {
		return FileResult{Name: u, Error: err.Error()}, nil
	}
	return a.importMany(a.ctx, 1, func(int) (item, error) {
		return item{name: final, data: data, contentType: ctype, url: final}, nil
	}, storyID, nil)[0], nil
}

// fetch GETs u and returns the body (at most MaxImportBytes), its content
// type and the final URL after redirects. Its errors are *Error.
func (a *App) fetch(ctx context.Context, u string) ([]byte, string, string, error) {
	host := u
	if pu, err := url.Parse(u); err == nil {
		host = pu.Host
	}
	fail := func(format string, args ...any) error {
		return &Error{Code: CodeInvalid, Message: fmt.Sprintf(format, args...)}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, "", "", fail("%s is not a web address Sourcebook can fetch", u)
	}
	req.Header.Set("User-Agent", "Mozilla/5.0 (compatible; Sourcebook/"+a.opts.Version+"; research notebook)")
	req.Header.Set("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,text/markdown;q=0.9,*/*;q=0.1")
	resp, err := a.opts.HTTPClient.Do(req)
	if err != nil {
		return nil, "", "", describeFetchError(u, host, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, "", "", fail("%s: %s answered %s", u, host, resp.Status)
	}
	ctype := resp.Header.Get("Content-Type")
	if mt, _, err := mime.ParseMediaType(ctype); err == nil {
		switch {
		case strings.HasPrefix(mt, "text/"), mt == "application/xhtml+xml", mt == "multipart/related",
			mt == "application/octet-stream":
		default:
			return nil, "", "", fail("%s: it is %s, not a web page or text; save it and import the file if Sourcebook can read it", u, mt)
		}
	}
	if resp.ContentLength > a.opts.MaxImportBytes {
		return nil, "", "", fail("%s: %v", u, ingest.TooLarge(resp.ContentLength, a.opts.MaxImportBytes))
	}
	data, err := ingest.ReadLimit(resp.Body, a.opts.MaxImportBytes)
	if err != nil {
		var ie *ingest.Error
		if errors.As(err, &ie) {
			return nil, "", "", &Error{Code: CodeTooLarge, Message: fmt.Sprintf("%s: %v", u, err), Err: err}
		}
		return nil, "", "", describeFetchError(u, host, err)
	}
	return data, ctype, resp.Request.URL.String(), nil
}

// describeFetchError says in plain words why a fetch failed.
func describeFetchError(u, host string, err error) error {
	var dnsErr *net.DNSError
	var msg string
	switch {
	case errors.As(err, &dnsErr):
		msg = fmt.Sprintf("could not find %s: are you offline?", host)
	case errors.Is(err, context.DeadlineExceeded) || os.IsTimeout(err):
		msg = fmt.Sprintf("%s did not answer within %d seconds", host, int(fetchTimeout.Seconds()))
	case errors.Is(err, syscall.ECONNREFUSED):
		msg = fmt.Sprintf("%s refused the connection", host)
	case errors.Is(err, syscall.ENETUNREACH), errors.Is(err, syscall.EHOSTUNREACH):
		msg = fmt.Sprintf("could not reach %s: are you offline?", host)
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, syscall.ECONNRESET):
		msg = fmt.Sprintf("%s closed the connection before the page arrived", host)
	default:
		msg = fmt.Sprintf("could not fetch the page from %s", host)
	}
	return &Error{Code: CodeInvalid, Message: u + ": " + msg, Err: err}
}

// cleanURL returns u if it is an absolute http or https URL with a host,
// without its fragment; else "".
func cleanURL(u string) string {
	pu, err := url.Parse(strings.TrimSpace(u))
	if err != nil || (pu.Scheme != "http" && pu.Scheme != "https") || pu.Host == "" {
		return ""
	}
	pu.Fragment = ""
	pu.RawFragment = ""
	return pu.String()
}
