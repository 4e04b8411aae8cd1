package textextract

import (
	"strings"

	"sourcebook/internal/document"
)

// frontMatter reads YAML front matter: a first line "---", then "key:
// value" lines, then "---" or "...". It understands the few keys Sourcebook
// uses, as plain or quoted scalars, inline lists ([a, b]) and block lists
// ("- a"), and skips everything else; a full YAML parser would accept more
// but Sourcebook would use no more of it. It returns the metadata, the
// number of lines the front matter takes, and false when there is none.
func frontMatter(lines []mdLine) (document.Meta, int, bool) {
	if len(lines) < 2 || strings.TrimRight(lines[0].text, " \t") != "---" {
		return document.Meta{}, 0, false
	}
	end := -1
	for i := 1; i < len(lines) && i < 500; i++ {
		if t := strings.TrimRight(lines[i].text, " \t"); t == "---" || t == "..." {
			end = i
			break
		}
	}
	if end < 0 {
		return document.Meta{}, 0, false
	}
	var meta document.Meta
	values := map[string][]string{}
	key := ""
	for _, l := range lines[1:end] {
		t := strings.TrimRight(l.text, " \t")
		if strings.TrimSpace(t) == "" || strings.HasPrefix(strings.TrimSpace(t), "#") {
			continue
		}
		if item, ok := strings.CutPrefix(strings.TrimLeft(t, " "), "- "); ok && key != "" {
			if v := scalar(item); v != "" {
				values[key] = append(values[key], v)
			}
			continue
		}
		if t[0] == ' ' || t[0] == '\t' {
			continue // nested maps are not read
		}
		k, v, ok := strings.Cut(t, ":")
		if !ok {
			key = ""
			continue
		}
		key = strings.ToLower(strings.TrimSpace(k))
		v = strings.TrimSpace(v)
		switch {
		case v == "" || v == "|" || v == ">":
		case strings.HasPrefix(v, "[") && strings.HasSuffix(v, "]"):
			for _, item := range strings.Split(v[1:len(v)-1], ",") {
				if s := scalar(item); s != "" {
					values[key] = append(values[key], s)
				}
			}
		default:
			if s := scalar(v); s != "" {
				values[key] = append(values[key], s)
			}
		}
	}
	get := func(keys ...string) string {
		for _, k := range keys {
			if v := values[k]; len(v) > 0 {
				return v[0]
			}
		}
		return ""
	}
	meta.Title = get("title", "headline")
	for _, k := range []string{"authors", "author", "byline", "creator", "creators"} {
		if v := values[k]; len(v) > 0 {
			for _, a := range v {
				for _, name := range splitNames(strings.TrimPrefix(strings.TrimPrefix(a, "By "), "by ")) {
					if name = strings.TrimSpace(name); name != "" {
						meta.Authors = append(meta.Authors, name)
					}
				}
			}
			break
		}
	}
	if d, ok := ParseDate(get("date", "published", "published_at", "publishdate", "pubdate", "date_published", "created")); ok {
		meta.Published = d
	}
	if d, ok := ParseDate(get("updated", "lastmod", "modified", "last_modified", "updated_at", "date_modified")); ok {
		meta.Updated = d
	}
	for _, k := range []string{"canonical", "canonical_url", "canonicalurl", "url", "link", "source", "source_url"} {
		if v := get(k); strings.HasPrefix(v, "http://") || strings.HasPrefix(v, "https://") {
			meta.URL = v
			break
		}
	}
	meta.Outlet = get("outlet", "site", "site_name", "publication", "publisher", "source_name")
	meta.Description = get("description", "summary", "excerpt", "subtitle")
	meta.Lang = get("lang", "language", "locale")
	return meta, end + 1, true
}

// scalar returns a YAML scalar without its quotes or a trailing comment.
func scalar(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 2 && (s[0] == '"' && s[len(s)-1] == '"' || s[0] == '\'' && s[len(s)-1] == '\'') {
		inner := s[1 : len(s)-1]
		if s[0] == '\'' {
			return strings.ReplaceAll(inner, "''", "'")
		}
		return strings.NewReplacer(`\"`, `"`, `\\`, `\`).Replace(inner)
	}
	if i := strings.Index(s, " #"); i >= 0 {
		s = strings.TrimSpace(s[:i])
	}
	if s == "~" || s == "null" {
		return ""
	}
	return s
}
