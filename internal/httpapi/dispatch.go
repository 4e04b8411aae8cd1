package httpapi

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"reflect"
	"runtime/debug"
	"strings"
	"time"
)

// method is one callable method of the target.
type method struct {
	name      string
	fn        reflect.Value  // bound to the target
	in        []reflect.Type // parameter types
	hasResult bool           // returns a T
	hasErr    bool           // returns an error last
}

var errorType = reflect.TypeFor[error]()

// buildMethods returns the target's methods that can be called over JSON,
// by name.
func buildMethods(target any, log *slog.Logger) (map[string]*method, error) {
	if target == nil {
		return nil, errors.New("httpapi: Target is nil")
	}
	v := reflect.ValueOf(target)
	if v.Kind() == reflect.Pointer && v.IsNil() {
		return nil, fmt.Errorf("httpapi: Target is a nil %v", v.Type())
	}
	t := v.Type()
	methods := make(map[string]*method)
	for i := range t.NumMethod() {
		m := t.Method(i)
		if !m.IsExported() {
			continue
		}
		fn := v.Method(i)
		mm, why := newMethod(m.Name, fn)
		if why != "" {
			log.Debug("httpapi: method not served", "method", m.Name, "reason", why)
			continue
		}
		methods[m.Name] = mm
	}
	if len(methods) == 0 {
		hint := ""
		if t.Kind() != reflect.Pointer {
			hint = " (pass a pointer if the methods have pointer receivers)"
		}
		return nil, fmt.Errorf("httpapi: Target %v has no method that can be called over JSON%s", t, hint)
	}
	return methods, nil
}

// exclude removes the methods named in names from methods. A name that is
// not a method of target is an error, so that a typo cannot leave a method
// exposed.
func exclude(methods map[string]*method, target any, names []string) error {
	t := reflect.TypeOf(target)
	for _, name := range names {
		if _, ok := t.MethodByName(name); !ok {
			return fmt.Errorf("httpapi: Exclude: %v has no method %q", t, name)
		}
		delete(methods, name)
	}
	if len(methods) == 0 {
		return fmt.Errorf("httpapi: Exclude leaves no method of %v to serve", t)
	}
	return nil
}

// newMethod describes fn, or says why it cannot be served.
func newMethod(name string, fn reflect.Value) (*method, string) {
	ft := fn.Type()
	if ft.IsVariadic() {
		return nil, "variadic"
	}
	m := &method{name: name, fn: fn}
	for i := range ft.NumIn() {
		in := ft.In(i)
		if !jsonable(in) {
			return nil, fmt.Sprintf("parameter %d has type %v, which JSON cannot carry", i+1, in)
		}
		m.in = append(m.in, in)
	}
	switch ft.NumOut() {
	case 0:
	case 1:
		if ft.Out(0) == errorType {
			m.hasErr = true
		} else {
			m.hasResult = true
		}
	case 2:
		if ft.Out(1) != errorType {
			return nil, "the second result is not error"
		}
		m.hasResult, m.hasErr = true, true
	default:
		return nil, "more than two results"
	}
	if m.hasResult && !jsonable(ft.Out(0)) {
		return nil, fmt.Sprintf("result has type %v, which JSON cannot carry", ft.Out(0))
	}
	return m, ""
}

// jsonable reports whether values of t can go through encoding/json at
// all. Interfaces with methods (context.Context, io.Reader) cannot be
// decoded, so methods taking them are meant for Go callers only.
func jsonable(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Chan, reflect.Func, reflect.UnsafePointer, reflect.Complex64, reflect.Complex128:
		return false
	case reflect.Interface:
		return t.NumMethod() == 0
	}
	return true
}

// serveAPI handles /api and /api/<Method>.
func (s *Server) serveAPI(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		writeError(w, http.StatusMethodNotAllowed, "invalid", "API calls use POST, not "+r.Method)
		return
	}
	name := strings.TrimPrefix(strings.TrimPrefix(r.URL.Path, "/api"), "/")
	m, ok := s.methods[name]
	if !ok {
		writeError(w, http.StatusNotFound, "notfound", fmt.Sprintf("no method %q", name))
		return
	}
	body, err := readBody(w, r, s.maxBody)
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			writeError(w, http.StatusRequestEntityTooLarge, "toolarge",
				fmt.Sprintf("the request is larger than %s", formatBytes(s.maxBody)))
			return
		}
		s.log.Warn("httpapi: read request", "method", name, "err", err)
		writeError(w, http.StatusBadRequest, "invalid", "could not read the request body")
		return
	}
	args, msg := m.decodeArgs(body)
	if msg != "" {
		writeError(w, http.StatusBadRequest, "invalid", msg)
		return
	}
	start := time.Now()
	result, err := s.call(m, args)
	if err != nil {
		s.writeMethodError(w, name, err)
		return
	}
	out := []byte("null")
	if m.hasResult {
		out, err = json.Marshal(result)
		if err != nil {
			s.log.Error("httpapi: encode result", "method", name, "err", err)
			writeError(w, http.StatusInternalServerError, "internal", "internal error")
			return
		}
	}
	s.log.Debug("httpapi: call", "method", name, "duration", time.Since(start))
	writeJSON(w, http.StatusOK, out)
}

// readBody reads a request body of at most limit bytes. A larger body
// gives an *http.MaxBytesError, without reading it when its declared length
// already says so.
func readBody(w http.ResponseWriter, r *http.Request, limit int64) ([]byte, error) {
	if r.ContentLength > limit {
		return nil, &http.MaxBytesError{Limit: limit}
	}
	var buf bytes.Buffer
	if r.ContentLength > 0 {
		buf.Grow(int(r.ContentLength))
	}
	_, err := buf.ReadFrom(http.MaxBytesReader(w, r.Body, limit))
	return buf.Bytes(), err
}

// decodeArgs decodes body, a JSON array, into m's parameters. On failure it
// returns a message for the user.
func (m *method) decodeArgs(body []byte) ([]reflect.Value, string) {
	var raw []json.RawMessage
	if len(bytes.TrimSpace(body)) > 0 {
		if err := json.Unmarshal(body, &raw); err != nil {
			return nil, fmt.Sprintf("%s: the body must be a JSON array of arguments: %s", m.name, describeDecodeError(err))
		}
	}
	if len(raw) != len(m.in) {
		return nil, fmt.Sprintf("%s takes %s (got %d)", m.name, plural(len(m.in), "argument"), len(raw))
	}
	args := make([]reflect.Value, len(m.in))
	for i, t := range m.in {
		p := reflect.New(t)
		if err := json.Unmarshal(raw[i], p.Interface()); err != nil {
			return nil, fmt.Sprintf("%s: argument %d: %s", m.name, i+1, describeDecodeError(err))
		}
		args[i] = p.Elem()
	}
	return args, ""
}

// errPanic stands for a method that panicked; the panic is in the log.
var errPanic = errors.New("httpapi: method panicked")

// call runs m and returns its result (nil when it has none) and its error.
// A panic becomes errPanic.
func (s *Server) call(m *method, args []reflect.Value) (result any, err error) {
	defer func() {
		if p := recover(); p != nil {
			s.log.Error("httpapi: method panicked", "method", m.name, "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
			result, err = nil, errPanic
		}
	}()
	out := m.fn.Call(args)
	if m.hasErr {
		if e := out[len(out)-1]; !e.IsNil() {
			return nil, e.Interface().(error)
		}
	}
	if m.hasResult {
		return out[0].Interface(), nil
	}
	return nil, nil
}

// statusByCode maps the codes of errors the methods return to HTTP
// statuses. "internal" is absent on purpose: its message stays in the log.
var statusByCode = map[string]int{
	"invalid":  http.StatusBadRequest,
	"notfound": http.StatusNotFound,
	"conflict": http.StatusConflict,
	"toolarge": http.StatusRequestEntityTooLarge,
	// The user stopped the work; the body's code tells it from a conflict.
	"cancelled": http.StatusConflict,
}

// writeMethodError answers with the error a method returned: its code and
// message when it carries a known code, "internal error" otherwise.
func (s *Server) writeMethodError(w http.ResponseWriter, name string, err error) {
	code := ""
	var coded interface{ ErrorCode() string }
	if errors.As(err, &coded) {
		code = coded.ErrorCode()
		if status, ok := statusByCode[code]; ok {
			s.log.Debug("httpapi: call failed", "method", name, "code", code, "err", err)
			writeError(w, status, code, err.Error())
			return
		}
	}
	if err != errPanic {
		s.log.Error("httpapi: call failed", "method", name, "code", code, "err", err)
	}
	writeError(w, http.StatusInternalServerError, "internal", "internal error")
}

// errorBody is the JSON shape of every failed API call.
type errorBody struct {
	Error errorDetail `json:"error"`
}

type errorDetail struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

func writeError(w http.ResponseWriter, status int, code, message string) {
	b, err := json.Marshal(errorBody{errorDetail{Code: code, Message: message}})
	if err != nil {
		// Two strings always encode; keep the response JSON regardless.
		b = []byte(`{"error":{"code":"internal","message":"internal error"}}`)
	}
	writeJSON(w, status, b)
}

func writeJSON(w http.ResponseWriter, status int, b []byte) {
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(b)
}

// describeDecodeError turns an encoding/json error into a message that
// speaks JSON rather than Go.
func describeDecodeError(err error) string {
	var typeErr *json.UnmarshalTypeError
	var syntaxErr *json.SyntaxError
	var b64Err base64.CorruptInputError
	switch {
	case errors.As(err, &typeErr):
		where := ""
		if typeErr.Field != "" {
			where = fmt.Sprintf("field %q: ", typeErr.Field)
		}
		want := jsonKind(typeErr.Type)
		if want == "an integer" && strings.HasPrefix(typeErr.Value, "number") {
			// A number that is fractional or out of range: say which range.
			want = "an integer that fits in " + goKind(typeErr.Type)
		}
		return fmt.Sprintf("%swant %s, got %s", where, want, typeErr.Value)
	case errors.As(err, &syntaxErr):
		return fmt.Sprintf("invalid JSON at byte %d: %s", syntaxErr.Offset, strings.TrimPrefix(syntaxErr.Error(), "json: "))
	case errors.As(err, &b64Err):
		return fmt.Sprintf("want a base64 string: invalid data at byte %d", int64(b64Err))
	}
	return strings.TrimPrefix(err.Error(), "json: ")
}

// jsonKind names the JSON value a Go type expects.
func jsonKind(t reflect.Type) string {
	if t == nil {
		return "a different value"
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return "an integer"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.String:
		return "a string"
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			return "a base64 string"
		}
		return "an array"
	case reflect.Array:
		return "an array"
	case reflect.Map, reflect.Struct:
		return "an object"
	}
	return "a different value"
}

// goKind names the kind of t with pointers removed, such as int64.
func goKind(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t.Kind().String()
}

func plural(n int, word string) string {
	switch n {
	case 0:
		return "no " + word + "s"
	case 1:
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// formatBytes writes a limit the way a user reads it.
func formatBytes(n int64) string {
	const mib = 1 << 20
	if n >= mib && n%mib == 0 {
		return fmt.Sprintf("%d MiB", n/mib)
	}
	return fmt.Sprintf("%d bytes", n)
}
