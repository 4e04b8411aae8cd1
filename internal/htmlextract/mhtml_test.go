package htmlextract

import (
	"bytes"
	"encoding/base64"
	"errors"
	"mime/quotedprintable"
	"strings"
	"testing"
)

const mhtmlPageHTML = `<!DOCTYPE html><html lang="fr"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>Le café rouvre ses portes</title></head><body><article><h1>Le café rouvre ses portes</h1>
<p>Après vingt ans de fermeture, le Grand Café de la place du marché accueille de nouveau ses habitués, avec une terrasse agrandie et des prix raisonnables.</p>
<p>« Nous avons gardé les anciens miroirs », explique le propriétaire, qui a passé deux ans à restaurer la salle avec des artisans de la région.</p>
</article></body></html>`

// buildMHTML writes an archive the way Chrome does: headers, the page as
// its first part in the given transfer encoding, then an image.
func buildMHTML(t testing.TB, encoding, location string) []byte {
	t.Helper()
	var body bytes.Buffer
	switch encoding {
	case "quoted-printable":
		w := quotedprintable.NewWriter(&body)
		if _, err := w.Write([]byte(mhtmlPageHTML)); err != nil {
			t.Fatal(err)
		}
		w.Close()
	case "base64":
		enc := base64.StdEncoding.EncodeToString([]byte(mhtmlPageHTML))
		for len(enc) > 76 {
			body.WriteString(enc[:76] + "\r\n")
			enc = enc[76:]
		}
		body.WriteString(enc)
	}
	var b strings.Builder
	b.WriteString("From: <Saved by Blink>\r\n")
	b.WriteString("Snapshot-Content-Location: https://news.example/snapshot\r\n")
	b.WriteString("Subject: =?utf-8?Q?Le_caf=C3=A9?=\r\n")
	b.WriteString("Date: Wed, 3 Apr 2024 10:00:00 -0000\r\n")
	b.WriteString("MIME-Version: 1.0\r\n")
	b.WriteString("Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----MultipartBoundary--abc----\"\r\n\r\n\r\n")
	b.WriteString("------MultipartBoundary--abc----\r\n")
	b.WriteString("Content-Type: text/html\r\n")
	b.WriteString("Content-ID: <frame-1@mhtml.blink>\r\n")
	b.WriteString("Content-Transfer-Encoding: " + encoding + "\r\n")
	if location != "" {
		b.WriteString("Content-Location: " + location + "\r\n")
	}
	b.WriteString("\r\n")
	b.Write(body.Bytes())
	b.WriteString("\r\n------MultipartBoundary--abc----\r\n")
	b.WriteString("Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\nContent-Location: https://news.example/a.png\r\n\r\n")
	b.WriteString("iVBORw0KGgo=\r\n")
	b.WriteString("------MultipartBoundary--abc------\r\n")
	return []byte(b.String())
}

func TestMHTML(t *testing.T) {
	tests := []struct {
		name, encoding, location, wantURL string
	}{
		{"quoted-printable", "quoted-printable", "https://news.example/cafe", "https://news.example/cafe"},
		{"base64", "base64", "https://news.example/cafe", "https://news.example/cafe"},
		{"snapshot location", "quoted-printable", "", "https://news.example/snapshot"},
		{"unsafe location", "quoted-printable", "javascript:alert(1)", "https://news.example/snapshot"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := buildMHTML(t, tt.encoding, tt.location)
			if !LooksLikeMHTML(data) {
				t.Error("LooksLikeMHTML = false")
			}
			if LooksLikeHTML(data) {
				t.Error("LooksLikeHTML = true for an MHTML file")
			}
			doc, err := MHTML(data)
			if err != nil {
				t.Fatal(err)
			}
			checkDoc(t, doc)
			if !strings.Contains(doc.Text, "« Nous avons gardé les anciens miroirs », explique le propriétaire") {
				t.Errorf("text:\n%s", doc.Text)
			}
			if doc.Meta.URL != tt.wantURL || doc.Meta.Title != "Le café rouvre ses portes" || doc.Meta.Lang != "fr" {
				t.Errorf("meta %+v", doc.Meta)
			}
		})
	}
}

func TestMHTMLErrors(t *testing.T) {
	noPage := strings.Replace(string(buildMHTML(t, "base64", "")), "Content-Type: text/html\r\n", "Content-Type: text/css\r\n", 1)
	tests := []struct {
		name string
		data string
		is   error
		msg  string
	}{
		{"empty", "", ErrEmpty, "not a web page: the file is empty"},
		{"plain text", "just some text\nwithout headers at all\n", ErrNotMHTML, "not an MHTML file: it has no MIME headers"},
		{"no page", noPage, ErrNotMHTML, "not an MHTML file: it holds no web page"},
		{"png", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ErrNotMHTML, "not an MHTML file: it looks like a PNG image"},
		{"not multipart", "MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nhello", ErrNotMHTML, "not an MHTML file: it is not a multipart web archive"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := MHTML([]byte(tt.data))
			var e *Error
			if !errors.As(err, &e) || !errors.Is(err, tt.is) || err.Error() != tt.msg {
				t.Errorf("error %v, want %q (%v)", err, tt.msg, tt.is)
			}
		})
	}
	if _, err := MHTMLWith(buildMHTML(t, "base64", ""), Options{MaxBytes: 100}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("MaxBytes: error %v", err)
	}
}

func TestLooksLikeMHTML(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want bool
	}{
		{"From: <Saved by Blink>\r\nMIME-Version: 1.0\r\n\r\n", true},
		{"MIME-Version: 1.0\nContent-Type: multipart/related; boundary=x\n\n--x", true},
		{"Content-Type: multipart/related; boundary=x\n\n", false},
		{"<!DOCTYPE html><html>", false},
		{"", false},
	} {
		if got := LooksLikeMHTML([]byte(tt.in)); got != tt.want {
			t.Errorf("LooksLikeMHTML(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
