// Package httpapi serves an object's exported methods and a static web
// frontend over HTTP on the loopback interface. It is Sourcebook's browser
// mode: the same frontend and the same app methods as the desktop window,
// reachable from an ordinary browser (and from end-to-end tests).
//
// # Protocol
//
// A method call is POST /api/<Method> with a JSON array of the arguments as
// the body (an empty body or [] for methods without arguments) and the
// header X-Sourcebook-Token. Each argument is decoded into the parameter's
// type with encoding/json; unknown object fields are ignored. Methods may
// return nothing, (T), (error) or (T, error).
//
// On success the response is 200 with the JSON encoding of T, or null. On
// failure it is a 4xx or 5xx status with the body
//
//	{"error": {"code": "...", "message": "..."}}
//
// An error returned by a method that has a method ErrorCode() string (found
// with errors.As) keeps its code and its Error() text: "invalid" is 400,
// "notfound" 404, "conflict" and "cancelled" 409, "toolarge" 413. Every other error, and the
// code "internal", becomes 500 with code "internal" and message
// "internal error"; the detail goes only to the log. A panicking method is
// treated the same way.
//
// The server itself answers with these codes: "invalid" (400: the body is
// not a JSON array, the number of arguments is wrong, an argument has the
// wrong type; 405: a method other than POST), "notfound" (404: no such
// method), "toolarge" (413: the body exceeds Config.MaxBodyBytes),
// "unauthorized" (401: no token or a wrong one) and "forbidden" (403: a
// request from another site or a rebound host name).
//
// Every other path serves a file of Config.Assets for GET and HEAD: / is
// index.html, a missing path without an extension is index.html too (the
// frontend routes it), a missing path with one is 404.
//
// # Security
//
// The notebook is private, and any web page the user visits can send
// requests to loopback. So the server:
//
//   - listens only on a loopback address (New refuses anything else);
//   - requires a per-run random token on every request: in the
//     X-Sourcebook-Token header, in the query (?token=, the first page
//     load) or in the cookie sourcebook_<port> that the server sets when the
//     token arrived in the query, so that the page's scripts load; API calls
//     must carry the header, which a page from another origin cannot add
//     without the token, so the cookie alone never authorises a call;
//   - refuses a Host header other than 127.0.0.1, localhost or [::1] with
//     the server's port (DNS rebinding), an Origin header other than those
//     origins, and Sec-Fetch-Site: cross-site (and same-site for API calls);
//   - sends a strict Content-Security-Policy, nosniff, no-referrer and
//     same-origin resource policy on every response, and no-store on API
//     responses.
package httpapi
