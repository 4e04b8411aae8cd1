package db

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// JSONFormat names Sourcebook's JSON export in its "format" member.
const JSONFormat = "sourcebook-notebook"

// JSONHeader is the JSON export's first members.
type JSONHeader struct {
	Format     string `json:"format"`
	Schema     int64  `json:"schema"`
	ExportedAt string `json:"exported_at"`
	Generator  string `json:"generator"`
}

// ErrNotExport: the file is not a Sourcebook JSON export.
var ErrNotExport = errors.New("it is not a Sourcebook JSON export")

// WriteJSON writes the rows sel selects (nil: all) as one JSON document:
//
//	{"format": "sourcebook-notebook", "schema": 5, "exported_at": "...",
//	 "generator": "Sourcebook v1.2", "tables": {"story": [{...}, ...], ...}}
//
// Tables come parents first. Each row is an object of its columns without
// the integer id; a foreign key column x_id is written as x_uuid holding
// the uuid of the row it refers to (or null); BLOB columns are base64.
// docs/export.md documents it. Run it in a read transaction.
func WriteJSON(ctx context.Context, q DBTX, sel Selection, h JSONHeader, w io.Writer) error {
	schema, err := readSchema(ctx, q)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	h.Format = JSONFormat
	head, err := json.Marshal(h)
	if err != nil {
		return err
	}
	bw.Write(head[:len(head)-1])
	bw.WriteString(`,"tables":{`)
	var vb bytes.Buffer
	enc := json.NewEncoder(&vb)
	enc.SetEscapeHTML(false)
	table, n := "", 0
	err = ReadRows(ctx, q, sel, func(r Row) error {
		if r.Table != table {
			if table != "" {
				bw.WriteString("],")
			}
			table, n = r.Table, 0
			fmt.Fprintf(bw, "\n%q:[", table)
		}
		if n > 0 {
			bw.WriteByte(',')
		}
		n++
		bw.WriteString("\n{")
		ti := schema[r.Table]
		for i, col := range r.Cols {
			if i > 0 {
				bw.WriteByte(',')
			}
			name := col
			if ti.cols[i].refs != "" {
				name = strings.TrimSuffix(col, "_id") + "_uuid"
			}
			fmt.Fprintf(bw, "%q:", name)
			vb.Reset()
			if err := enc.Encode(r.Vals[i]); err != nil {
				return err
			}
			bw.Write(bytes.TrimSuffix(vb.Bytes(), []byte("\n")))
		}
		bw.WriteByte('}')
		return ctx.Err()
	})
	if err != nil {
		return err
	}
	if table != "" {
		bw.WriteString("]")
	}
	bw.WriteString("}}\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("db: write the JSON export: %w", err)
	}
	return nil
}

// JSONError says where a JSON import went wrong.
type JSONError struct {
	Offset int64 // byte offset in the file
	Msg    string
}

func (e *JSONError) Error() string {
	return fmt.Sprintf("%s (at byte %d)", e.Msg, e.Offset)
}

// AddJSON merges a JSON export (WriteJSON's format) row by row, as Add
// does. It returns the file's header. Errors say what is wrong and where:
// a file that is not JSON or not an export, an export of a newer schema
// (ErrNewer), a row of the wrong shape.
func (m *Merger) AddJSON(r io.Reader, known int64) (JSONHeader, error) {
	dec := json.NewDecoder(bufio.NewReaderSize(r, 1<<16))
	dec.UseNumber()
	var h JSONHeader
	fail := func(format string, args ...any) (JSONHeader, error) {
		return h, &JSONError{Offset: dec.InputOffset(), Msg: fmt.Sprintf(format, args...)}
	}
	tok, err := dec.Token()
	if err != nil || tok != json.Delim('{') {
		return h, fmt.Errorf("%w: it does not start with a JSON object", ErrNotExport)
	}
	sawTables := false
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return fail("%v", err)
		}
		key, _ := tok.(string)
		switch key {
		case "format":
			if err := dec.Decode(&h.Format); err != nil || h.Format != JSONFormat {
				return h, fmt.Errorf("%w: its format is not %q", ErrNotExport, JSONFormat)
			}
		case "schema":
			if err := dec.Decode(&h.Schema); err != nil {
				return fail("schema is not a number")
			}
			if h.Schema > known {
				return h, fmt.Errorf("%w (schema version %d; this Sourcebook reads up to %d: update Sourcebook to import it)", ErrNewer, h.Schema, known)
			}
		case "exported_at":
			_ = dec.Decode(&h.ExportedAt)
		case "generator":
			_ = dec.Decode(&h.Generator)
		case "tables":
			if h.Format != JSONFormat {
				return h, fmt.Errorf("%w: no \"format\": %q before its tables", ErrNotExport, JSONFormat)
			}
			sawTables = true
			if err := m.addJSONTables(dec); err != nil {
				return h, err
			}
		default:
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return fail("%v", err)
			}
		}
	}
	if !sawTables {
		return h, fmt.Errorf("%w: it has no tables", ErrNotExport)
	}
	return h, nil
}

func (m *Merger) addJSONTables(dec *json.Decoder) error {
	fail := func(format string, args ...any) error {
		return &JSONError{Offset: dec.InputOffset(), Msg: fmt.Sprintf(format, args...)}
	}
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return fail("tables is not an object")
	}
	last := -1
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return fail("%v", err)
		}
		table, _ := tok.(string)
		order := slices.Index(transferTables, table)
		if order < 0 {
			return fail("unknown table %q", table)
		}
		if order < last {
			return fail("table %q comes after the tables that refer to it", table)
		}
		last = order
		ti := m.schema[table]
		if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
			return fail("table %q is not an array", table)
		}
		for dec.More() {
			var obj map[string]any
			if err := dec.Decode(&obj); err != nil {
				return fail("a row of %s: %v", table, err)
			}
			row, err := jsonRow(ti, obj)
			if err != nil {
				return fail("a row of %s: %v", table, err)
			}
			if err := m.Add(row); err != nil {
				return err
			}
			if err := m.ctx.Err(); err != nil {
				return err
			}
		}
		if _, err := dec.Token(); err != nil {
			return fail("%v", err)
		}
	}
	if _, err := dec.Token(); err != nil {
		return fail("%v", err)
	}
	return nil
}

// jsonRow turns a decoded JSON object into a Row of table ti, checking
// every value's type against its column.
func jsonRow(ti *tableInfo, obj map[string]any) (Row, error) {
	r := Row{Table: ti.name}
	for _, c := range ti.cols {
		key := c.name
		if c.refs != "" {
			key = strings.TrimSuffix(c.name, "_id") + "_uuid"
		}
		v, ok := obj[key]
		if !ok {
			continue
		}
		switch x := v.(type) {
		case nil:
		case string:
			if c.blob {
				b, err := base64.StdEncoding.DecodeString(x)
				if err != nil {
					return r, fmt.Errorf("%s is not base64", key)
				}
				v = b
			}
		case json.Number:
			if c.refs != "" {
				return r, fmt.Errorf("%s is not a uuid", key)
			}
			if n, err := x.Int64(); err == nil {
				v = n
			} else if f, err := x.Float64(); err == nil {
				v = f
			} else {
				return r, fmt.Errorf("%s is not a number SQLite stores", key)
			}
		case bool:
			if x {
				v = int64(1)
			} else {
				v = int64(0)
			}
		default:
			return r, fmt.Errorf("%s is not a string, number or null", key)
		}
		r.Cols = append(r.Cols, c.name)
		r.Vals = append(r.Vals, v)
	}
	if ti.name != "note_ref" {
		if u, ok := r.Get("uuid").(string); !ok || u == "" {
			return r, errors.New("it has no uuid")
		}
	}
	return r, nil
}
