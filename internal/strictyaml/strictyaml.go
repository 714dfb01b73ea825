// Package strictyaml decodes YAML into Go structs strictly: an unknown key,
// a duplicate key or a value of the wrong type is an error with its line and
// column, and an unknown key comes with the closest known key. It records
// the position of every value it decodes, so that errors found later, by
// validation, can point at the line that caused them.
//
// Struct fields are matched by their `yaml:"name"` tag; untagged fields are
// not decoded. Supported field types: string, int, bool, slices, maps with
// string keys, structs and pointers to structs. A whole number and a boolean
// must be written as such, not quoted; any scalar, a number included, can be
// text. A scalar where a list of strings is expected is taken as a one-item
// list.
package strictyaml

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/sfharden/sfharden/field"
	"github.com/sfharden/sfharden/internal/suggest"
)

// Position is a line and column in the YAML input, counting from 1.
type Position struct {
	Line, Column int
}

// Positions maps the path of every decoded value, in the form package
// field prints (integrations[0].access.objects["Account"]), to where the
// value starts.
type Positions map[string]Position

// Lookup returns the position of path, or of its nearest decoded ancestor
// when path itself was not in the input (a missing required key).
func (p Positions) Lookup(path string) (Position, bool) {
	for {
		if pos, ok := p[path]; ok {
			return pos, true
		}
		cut := strings.LastIndexAny(path, ".[")
		if cut <= 0 {
			pos, ok := p[""]
			return pos, ok
		}
		path = path[:cut]
	}
}

// Error is a decoding error at a place in the input.
type Error struct {
	Position
	Path string
	Msg  string
}

func (e *Error) Error() string {
	if e.Path == "" {
		return fmt.Sprintf("%d:%d: %s", e.Line, e.Column, e.Msg)
	}
	return fmt.Sprintf("%d:%d: %s: %s", e.Line, e.Column, e.Path, e.Msg)
}

// Errors is every decoding error found, in input order.
type Errors []*Error

func (e Errors) Error() string {
	lines := make([]string, len(e))
	for i, err := range e {
		lines[i] = err.Error()
	}
	return strings.Join(lines, "\n")
}

// Decode decodes data into v, a pointer to a struct. It returns the
// positions of the decoded values and, when anything is wrong, an Errors
// value listing every problem found.
func Decode(data []byte, v any) (Positions, error) {
	var root yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&root); err != nil && !errors.Is(err, io.EOF) {
		return nil, &Error{Position: syntaxPosition(err), Msg: "invalid YAML: " + cleanYAMLError(err)}
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case errors.Is(err, io.EOF):
	case err != nil:
		return nil, &Error{Position: syntaxPosition(err), Msg: "invalid YAML: " + cleanYAMLError(err)}
	default:
		return nil, &Error{Position: Position{next.Line, next.Column}, Msg: "a second YAML document; a spec is one document, so remove the --- and what follows or merge it into the first"}
	}
	d := &decoder{positions: Positions{}}
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return nil, fmt.Errorf("strictyaml: Decode needs a non-nil pointer, not %T", v)
	}
	if root.Kind == 0 || len(root.Content) == 0 {
		return nil, &Error{Position: Position{1, 1}, Msg: "the document is empty"}
	}
	doc := root.Content[0]
	d.positions[""] = Position{doc.Line, doc.Column}
	d.decode(doc, rv.Elem(), field.Path{})
	if len(d.errs) > 0 {
		return d.positions, d.errs
	}
	return d.positions, nil
}

type decoder struct {
	positions Positions
	errs      Errors
}

func (d *decoder) errorf(n *yaml.Node, path field.Path, format string, args ...any) {
	d.errs = append(d.errs, &Error{Position: Position{n.Line, n.Column}, Path: path.String(), Msg: fmt.Sprintf(format, args...)})
}

func (d *decoder) decode(n *yaml.Node, v reflect.Value, path field.Path) {
	if n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	d.positions[path.String()] = Position{n.Line, n.Column}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return // an empty value leaves the zero value
	}

	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		d.decode(n, v.Elem(), path)
	case reflect.Struct:
		d.decodeStruct(n, v, path)
	case reflect.Map:
		d.decodeMap(n, v, path)
	case reflect.Slice:
		d.decodeSlice(n, v, path)
	case reflect.String:
		if n.Kind != yaml.ScalarNode {
			d.errorf(n, path, "expected a text value, found %s", kindName(n))
			return
		}
		v.SetString(n.Value)
	case reflect.Int:
		if n.Kind != yaml.ScalarNode || n.Tag != "!!int" {
			d.errorf(n, path, "expected a whole number, found %s", kindName(n))
			return
		}
		i, err := strconv.Atoi(n.Value)
		if err != nil {
			d.errorf(n, path, "invalid whole number %q", n.Value)
			return
		}
		v.SetInt(int64(i))
	case reflect.Bool:
		if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" || (n.Value != "true" && n.Value != "false") {
			d.errorf(n, path, "invalid boolean %q; use true or false", n.Value)
			return
		}
		v.SetBool(n.Value == "true")
	default:
		panic(fmt.Sprintf("strictyaml: unsupported Go type %s", v.Type()))
	}
}

func (d *decoder) decodeStruct(n *yaml.Node, v reflect.Value, path field.Path) {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, path, "expected a mapping of keys to values, found %s", kindName(n))
		return
	}
	fields := map[string]int{}
	var names []string
	t := v.Type()
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
		if name == "" || name == "-" {
			continue
		}
		fields[name] = i
		names = append(names, name)
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, value := n.Content[i], n.Content[i+1]
		if key.Value == "<<" {
			d.errorf(key, path, "merge keys (<<) are not supported; write the keys out")
			continue
		}
		index, ok := fields[key.Value]
		if !ok {
			msg := fmt.Sprintf("unknown key %q", key.Value)
			if s := suggest.Closest(key.Value, names); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			} else {
				msg += "; known keys: " + strings.Join(sorted(names), ", ")
			}
			d.errorf(key, path, "%s", msg)
			continue
		}
		if seen[key.Value] {
			d.errorf(key, path, "duplicate key %q", key.Value)
			continue
		}
		seen[key.Value] = true
		d.decode(value, v.Field(index), path.Child(key.Value))
	}
}

func (d *decoder) decodeMap(n *yaml.Node, v reflect.Value, path field.Path) {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, path, "expected a mapping of keys to values, found %s", kindName(n))
		return
	}
	if v.IsNil() {
		v.Set(reflect.MakeMap(v.Type()))
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, value := n.Content[i], n.Content[i+1]
		if key.Kind != yaml.ScalarNode {
			d.errorf(key, path, "a key must be text")
			continue
		}
		if v.MapIndex(reflect.ValueOf(key.Value)).IsValid() {
			d.errorf(key, path, "duplicate key %q", key.Value)
			continue
		}
		elem := reflect.New(v.Type().Elem()).Elem()
		d.decode(value, elem, path.Key(key.Value))
		v.SetMapIndex(reflect.ValueOf(key.Value), elem)
	}
}

func (d *decoder) decodeSlice(n *yaml.Node, v reflect.Value, path field.Path) {
	if n.Kind == yaml.ScalarNode && v.Type().Elem().Kind() == reflect.String {
		v.Set(reflect.Append(v, reflect.ValueOf(n.Value).Convert(v.Type().Elem())))
		d.positions[path.Index(0).String()] = Position{n.Line, n.Column}
		return
	}
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, path, "expected a list, found %s", kindName(n))
		return
	}
	slice := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
	for i, item := range n.Content {
		d.decode(item, slice.Index(i), path.Index(i))
	}
	v.Set(slice)
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	default:
		return fmt.Sprintf("%q", n.Value)
	}
}

func sorted(names []string) []string {
	out := append([]string(nil), names...)
	sort.Strings(out)
	return out
}

// syntaxPosition extracts "line N" from a yaml syntax error.
func syntaxPosition(err error) Position {
	msg := err.Error()
	if i := strings.Index(msg, "line "); i >= 0 {
		rest := msg[i+len("line "):]
		end := strings.IndexFunc(rest, func(r rune) bool { return r < '0' || r > '9' })
		if end > 0 {
			if line, convErr := strconv.Atoi(rest[:end]); convErr == nil {
				return Position{Line: line, Column: 1}
			}
		}
	}
	return Position{Line: 1, Column: 1}
}

func cleanYAMLError(err error) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if i := strings.Index(msg, ": "); i >= 0 && strings.HasPrefix(msg, "line ") {
		msg = msg[i+2:]
	}
	return msg
}
