package field

import (
	"fmt"
	"strconv"
	"strings"
)

// Kind classifies an [Error].
type Kind string

// The kinds of error. The set is closed so that callers and tests can match
// on it.
const (
	Required     Kind = "required"      // a value is missing
	Invalid      Kind = "invalid"       // a value is malformed or out of range
	NotSupported Kind = "not supported" // a value is not one of the allowed values
	Duplicate    Kind = "duplicate"     // a value must be unique but is not
	Forbidden    Kind = "forbidden"     // a value is well formed but breaks the hardening policy
)

// Path is the location of a value, such as
// integrations[0].access.objects.Account. The zero Path is the root.
type Path struct {
	parts []string
}

// NewPath returns the path of a top-level field.
func NewPath(name string, more ...string) Path {
	p := Path{}.Child(name)
	for _, m := range more {
		p = p.Child(m)
	}
	return p
}

// Child returns the path of a named field below p.
func (p Path) Child(name string) Path {
	parts := make([]string, len(p.parts), len(p.parts)+1)
	copy(parts, p.parts)
	if len(parts) > 0 {
		name = "." + name
	}
	return Path{parts: append(parts, name)}
}

// Index returns the path of element i of the list at p.
func (p Path) Index(i int) Path {
	return p.appendPart("[" + strconv.Itoa(i) + "]")
}

// Key returns the path of the map entry key below p.
func (p Path) Key(key string) Path {
	return p.appendPart("[" + strconv.Quote(key) + "]")
}

func (p Path) appendPart(part string) Path {
	parts := make([]string, len(p.parts), len(p.parts)+1)
	copy(parts, p.parts)
	return Path{parts: append(parts, part)}
}

// String returns the path in dotted form, or "" for the root.
func (p Path) String() string {
	return strings.Join(p.parts, "")
}

// Error is one problem with one value.
type Error struct {
	Path   string
	Kind   Kind
	Value  any    // the offending value; nil when a value is missing
	Detail string // what is wrong and what to do
}

// Error returns "path: kind: value: detail", leaving out the parts that are
// empty.
func (e *Error) Error() string {
	var b strings.Builder
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	b.WriteString(string(e.Kind))
	if e.Value != nil {
		fmt.Fprintf(&b, ": %s", formatValue(e.Value))
	}
	if e.Detail != "" {
		b.WriteString(": ")
		b.WriteString(e.Detail)
	}
	return b.String()
}

func formatValue(v any) string {
	switch v := v.(type) {
	case string:
		return strconv.Quote(v)
	case fmt.Stringer:
		return strconv.Quote(v.String())
	default:
		return fmt.Sprint(v)
	}
}

// NewRequired returns a Required error.
func NewRequired(p Path, detail string) *Error {
	return &Error{Path: p.String(), Kind: Required, Detail: detail}
}

// NewInvalid returns an Invalid error.
func NewInvalid(p Path, value any, detail string) *Error {
	return &Error{Path: p.String(), Kind: Invalid, Value: value, Detail: detail}
}

// NewNotSupported returns a NotSupported error that lists the allowed values.
func NewNotSupported(p Path, value any, allowed []string) *Error {
	quoted := make([]string, len(allowed))
	for i, a := range allowed {
		quoted[i] = strconv.Quote(a)
	}
	return &Error{Path: p.String(), Kind: NotSupported, Value: value, Detail: "allowed values: " + strings.Join(quoted, ", ")}
}

// NewDuplicate returns a Duplicate error.
func NewDuplicate(p Path, value any, detail string) *Error {
	return &Error{Path: p.String(), Kind: Duplicate, Value: value, Detail: detail}
}

// NewForbidden returns a Forbidden error.
func NewForbidden(p Path, value any, detail string) *Error {
	return &Error{Path: p.String(), Kind: Forbidden, Value: value, Detail: detail}
}

// List is every problem that validation found, in the order found.
type List []*Error

// Error joins the errors, one per line.
func (l List) Error() string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Err returns the list as an error, or nil when it is empty, so that a typed
// nil never reaches a caller.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Notice is something a caller should know that is not an error: a
// permission added to satisfy a dependency, an entry dropped because a
// permission set cannot revoke, a check that could not run.
type Notice struct {
	Path    string
	Message string
}

func (n Notice) String() string {
	if n.Path == "" {
		return n.Message
	}
	return n.Path + ": " + n.Message
}
