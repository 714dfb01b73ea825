package mdxml

import (
	"bytes"
	"cmp"
	"fmt"
	"net/netip"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/beevik/etree"
)

// Options controls how [Options.Marshal] writes a file. The zero value
// writes the source format that `sf project retrieve start` produces.
type Options struct {
	// FullName writes the root's fullName element. Source-format files leave
	// it out because the file name carries the name.
	FullName bool
}

// Marshal writes v in the Salesforce retrieve format with the zero [Options].
func Marshal(v any) ([]byte, error) {
	return Options{}.Marshal(v)
}

// Marshal writes v, a struct or a pointer to one, in the Salesforce retrieve
// format: the XML declaration, the root element with the metadata namespace,
// child elements in schema sequence order with repeated elements sorted by
// their key, 4-space indentation, LF line ends and one final newline.
func (o Options) Marshal(v any) ([]byte, error) {
	rv := reflect.ValueOf(v)
	for rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return nil, fmt.Errorf("mdxml: Marshal of a nil %T", v)
		}
		rv = rv.Elem()
	}
	if rv.Kind() != reflect.Struct {
		return nil, fmt.Errorf("mdxml: Marshal needs a struct, not %T", v)
	}
	plan := planFor(rv.Type())

	e := &encoder{opts: o}
	e.body.Grow(4096)
	if err := e.structBody(plan, rv, 1, true); err != nil {
		return nil, err
	}

	var out bytes.Buffer
	out.Grow(e.body.Len() + 200)
	out.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	out.WriteString("<" + plan.complex.Name + ` xmlns="` + Namespace + `"`)
	if e.usesXSI {
		out.WriteString(` xmlns:xsi="` + xsiNamespace + `"`)
	}
	if e.body.Len() == 0 {
		out.WriteString("/>\n")
		return out.Bytes(), nil
	}
	out.WriteString(">\n")
	out.Write(e.body.Bytes())
	out.WriteString("</" + plan.complex.Name + ">\n")
	return out.Bytes(), nil
}

type encoder struct {
	opts    Options
	body    bytes.Buffer
	usesXSI bool
	path    []string // element names from the root, for error messages
}

func (e *encoder) errorf(format string, args ...any) error {
	return fmt.Errorf("mdxml: %s: %s", strings.Join(e.path, "/"), fmt.Sprintf(format, args...))
}

// structBody writes the child elements of a struct value.
func (e *encoder) structBody(plan *structPlan, rv reflect.Value, depth int, root bool) error {
	extra := rv.Field(plan.extraIndex).Interface().(Extra)
	unknown := extra.Unknown
	if hasReplacements(unknown) {
		// A stand-in for a field that now holds a value is dropped, so the
		// value is not written twice.
		unknown = slices.DeleteFunc(slices.Clone(unknown), func(u Unknown) bool {
			fp, ok := plan.byName[u.Element.Tag]
			return u.Replaces && ok && u.Element.Space == "" && !rv.Field(fp.index).IsZero()
		})
	}
	if err := e.unknownAfter(unknown, "", depth); err != nil {
		return err
	}
	for _, fp := range plan.fields {
		skip := (root && fp.name == "fullName" && !e.opts.FullName) || standsIn(extra, fp.name, rv.Field(fp.index))
		if !skip {
			e.path = append(e.path, fp.name)
			err := e.field(fp, rv.Field(fp.index), depth)
			e.path = e.path[:len(e.path)-1]
			if err != nil {
				return err
			}
		}
		if err := e.unknownAfter(unknown, fp.name, depth); err != nil {
			return err
		}
	}
	return nil
}

func hasReplacements(unknown []Unknown) bool {
	for _, u := range unknown {
		if u.Replaces && u.Element != nil {
			return true
		}
	}
	return false
}

// standsIn reports whether a kept element or the input's omission replaces
// the field called name, so that writing its zero value would add a value
// the input never had.
func standsIn(extra Extra, name string, fv reflect.Value) bool {
	if !fv.IsZero() {
		return false
	}
	for _, u := range extra.Unknown {
		if u.Replaces && u.Element != nil && u.Element.Tag == name && u.Element.Space == "" {
			return true
		}
	}
	for _, m := range extra.Missing {
		if m == name {
			return true
		}
	}
	return false
}

func (e *encoder) unknownAfter(unknown []Unknown, after string, depth int) error {
	for _, u := range unknown {
		if u.After == after && u.Element != nil {
			if err := e.element(u.Element, depth); err != nil {
				return err
			}
		}
	}
	return nil
}

func (e *encoder) field(fp *fieldPlan, fv reflect.Value, depth int) error {
	switch fp.kind {
	case kindString:
		if fv.String() == "" {
			return nil
		}
		return e.leaf(fp.name, fv.String(), depth)
	case kindBool:
		return e.leaf(fp.name, strconv.FormatBool(fv.Bool()), depth)
	case kindBoolPtr:
		if fv.IsNil() {
			return nil
		}
		return e.leaf(fp.name, strconv.FormatBool(fv.Elem().Bool()), depth)
	case kindInt:
		return e.leaf(fp.name, strconv.FormatInt(fv.Int(), 10), depth)
	case kindIntPtr:
		if fv.IsNil() {
			return nil
		}
		return e.leaf(fp.name, strconv.FormatInt(fv.Elem().Int(), 10), depth)
	case kindStruct:
		if fv.IsNil() {
			return nil
		}
		return e.nested(fp, fv.Elem(), depth)
	case kindStructSlice:
		for _, i := range sortedIndexes(fp, fv) {
			if err := e.nested(fp, fv.Index(i), depth); err != nil {
				return err
			}
		}
	case kindStringSlice:
		for _, i := range sortedIndexes(fp, fv) {
			if err := e.leaf(fp.name, fv.Index(i).String(), depth); err != nil {
				return err
			}
		}
	}
	return nil
}

func (e *encoder) nested(fp *fieldPlan, rv reflect.Value, depth int) error {
	e.indent(depth)
	start := e.body.Len()
	e.body.WriteString("<" + fp.name + ">\n")
	bodyStart := e.body.Len()
	if err := e.structBody(fp.elem, rv, depth+1, false); err != nil {
		return err
	}
	if e.body.Len() == bodyStart {
		e.body.Truncate(start)
		e.body.WriteString("<" + fp.name + "/>\n")
		return nil
	}
	e.indent(depth)
	e.body.WriteString("</" + fp.name + ">\n")
	return nil
}

func (e *encoder) leaf(name, text string, depth int) error {
	e.indent(depth)
	if text == "" {
		e.body.WriteString("<" + name + "/>\n")
		return nil
	}
	e.body.WriteString("<" + name + ">")
	if err := e.escape(text); err != nil {
		return err
	}
	e.body.WriteString("</" + name + ">\n")
	return nil
}

// element writes an element kept as it was read.
func (e *encoder) element(el *etree.Element, depth int) error {
	e.indent(depth)
	e.body.WriteString("<" + el.FullTag())
	for _, a := range el.Attr {
		if a.Space == "xsi" {
			e.usesXSI = true
		}
		e.body.WriteString(" " + a.FullKey() + `="`)
		if err := e.escape(a.Value); err != nil {
			return err
		}
		e.body.WriteString(`"`)
	}
	children := el.ChildElements()
	if len(children) == 0 {
		text := el.Text()
		if text == "" {
			e.body.WriteString("/>\n")
			return nil
		}
		e.body.WriteString(">")
		if err := e.escape(text); err != nil {
			return err
		}
		e.body.WriteString("</" + el.FullTag() + ">\n")
		return nil
	}
	e.body.WriteString(">\n")
	for _, tok := range el.Child {
		switch t := tok.(type) {
		case *etree.Element:
			if err := e.element(t, depth+1); err != nil {
				return err
			}
		case *etree.CharData:
			if text := strings.TrimSpace(t.Data); text != "" {
				e.indent(depth + 1)
				if err := e.escape(text); err != nil {
					return err
				}
				e.body.WriteString("\n")
			}
		}
	}
	e.indent(depth)
	e.body.WriteString("</" + el.FullTag() + ">\n")
	return nil
}

func (e *encoder) indent(depth int) {
	for range depth {
		e.body.WriteString("    ")
	}
}

// escape writes s as XML text the way the Salesforce server escapes it:
// the five predefined entities, and every other character as itself.
func (e *encoder) escape(s string) error {
	last := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		var entity string
		switch {
		case r == '&':
			entity = "&amp;"
		case r == '<':
			entity = "&lt;"
		case r == '>':
			entity = "&gt;"
		case r == '"':
			entity = "&quot;"
		case r == '\'':
			entity = "&apos;"
		case r == '\r':
			// A raw CR would read back as a line feed.
			entity = "&#13;"
		case r == utf8.RuneError && size == 1:
			return e.errorf("text %q is not valid UTF-8", truncate(s))
		case !isXMLChar(r):
			return e.errorf("text %q contains the character %U, which XML 1.0 does not allow", truncate(s), r)
		}
		if entity != "" {
			e.body.WriteString(s[last:i])
			e.body.WriteString(entity)
			last = i + size
		}
		i += size
	}
	e.body.WriteString(s[last:])
	return nil
}

// isXMLChar reports whether r is allowed in an XML 1.0 document.
func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		(r >= 0x20 && r <= 0xD7FF) ||
		(r >= 0xE000 && r <= 0xFFFD) ||
		(r >= 0x10000 && r <= 0x10FFFF)
}

// sortedIndexes returns the indexes of a slice field in writing order.
func sortedIndexes(fp *fieldPlan, fv reflect.Value) []int {
	idx := make([]int, fv.Len())
	for i := range idx {
		idx[i] = i
	}
	if len(fp.sortKeys) == 0 || len(idx) < 2 {
		return idx
	}
	keys := make([][]string, fv.Len())
	for i := range keys {
		keys[i] = sortKey(fp, fv.Index(i))
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		for k := range keys[a] {
			var c int
			if fp.sortIP && k == 0 {
				c = compareAddresses(keys[a][k], keys[b][k])
			} else {
				c = strings.Compare(keys[a][k], keys[b][k])
			}
			if c != 0 {
				return c
			}
		}
		return 0
	})
	return idx
}

func sortKey(fp *fieldPlan, v reflect.Value) []string {
	if fp.kind == kindStringSlice {
		return []string{v.String()}
	}
	key := make([]string, len(fp.sortKeys))
	for k, name := range fp.sortKeys {
		kf := fp.elem.byName[name]
		f := v.Field(kf.index)
		switch f.Kind() {
		case reflect.String:
			key[k] = f.String()
		case reflect.Bool:
			key[k] = strconv.FormatBool(f.Bool())
		case reflect.Int:
			key[k] = strconv.FormatInt(f.Int(), 10)
		case reflect.Pointer:
			if !f.IsNil() {
				key[k] = fmt.Sprint(f.Elem().Interface())
			}
		}
	}
	return key
}

// compareAddresses orders IP addresses as numbers, IPv4 before IPv6, and
// text that is not an address after every address.
func compareAddresses(a, b string) int {
	pa, errA := netip.ParseAddr(strings.TrimSpace(a))
	pb, errB := netip.ParseAddr(strings.TrimSpace(b))
	switch {
	case errA == nil && errB == nil:
		return pa.Compare(pb)
	case errA == nil:
		return -1
	case errB == nil:
		return 1
	default:
		return cmp.Compare(a, b)
	}
}
